/**
 * DATE_OF_BIRTH: a date after a date-of-birth cue or question ("can I take your date of birth"
 * "march 3 1985"): `march 3 1985`, `3 march 1985`, `the 3 of march 85`, `3 of the 9 78`,
 * `03/03/1985`, `3 3 1985`,
 * `03031985`, `1985-03-03`, `march 1985`. A date without such context is not a date of birth.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { DOCUMENT_DATE_CUES } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { laterThanReadBack } from './read-back.js';
import { otherTypesCues } from './topic.js';
import { MONTH_NAME_PATTERN } from '../months.js';
import { birthDateFits, saysPastYear } from './validators/date.js';
import { ViewRegex } from '../normalise/view-regex.js';

/**
 * How long (ms) after dates of birth were asked for a bare past date still reads as one: the next
 * person's details ("and my wife? … third of june seventy five").
 */
const DOB_TOPIC_MS = 180_000;
const dobCues = compileCues(ENTITY_CUES.DATE_OF_BIRTH ?? []);
const documentDateCues = compileCues(DOCUMENT_DATE_CUES);
const otherCues = otherTypesCues('DATE_OF_BIRTH');
/**
 * What may come between a cue naming the digits and the digits: "the sort code is", "sort code,
 * it's", or the value said once already ("sort code 07-04-36, 07-04-36").
 */
const NAMED_RIGHT_BEFORE = /^(?: (?:is|was|it's|it is|that's))?(?: [\d/.-]+)*$/;

const NAMED_MONTH = new RegExp(`\\b${MONTH_NAME_PATTERN}\\b`, 'i');

/** A date with a past year and a day or month, said while dates of birth are being collected. */
function birthTopic(window: MatchWindow, matched: string): string | undefined {
  // Month and day with the year: a bare "1975" or "march 1975" says too little.
  if ((matched.match(/\d+/g) ?? []).length < 2 && !/[/.-]/.test(matched)) return undefined;
  if (!saysPastYear(matched)) return undefined;
  if (window.leadInCue(documentDateCues)) return undefined;
  // "and the new sort code?" "It's 07-04-36": another type asked for, or named right before the
  // digits, says what they are. A month said by name is no other type's number: "your date of
  // birth and the last four of your social | june 6 1944" (one mono stream) answers the first.
  const named = window.leadInCue(otherCues);
  if (named && NAMED_RIGHT_BEFORE.test(window.leadIn.slice(named.end)) && !NAMED_MONTH.test(matched)) {
    return undefined;
  }
  if (window.promptCue(otherCues)) return undefined;
  return window.topicRaised(dobCues, DOB_TOPIC_MS) ? 'dob-topic' : undefined;
}

const MONTH = MONTH_NAME_PATTERN;
/**
 * Not glued to other letters or digits. Every pattern starts with a digit, "the" or a month name,
 * which lets the regex engine skip straight to candidates (a leading look-ahead would stop it).
 */
const BEFORE = '(?<![\\p{L}\\p{N}$/.:-])';
const AFTER = '(?![\\p{L}\\p{N}%]|[/.:-]\\p{N})';
const regex = (source: string): ViewRegex => new ViewRegex(`${BEFORE}(?:${source})${AFTER}`, 'giu');

export const dateOfBirthRecognizer = patternRecognizer({
  name: 'date-of-birth',
  type: 'DATE_OF_BIRTH',
  patterns: [
    { name: 'month day year', regex: regex(`${MONTH}(?: the)? \\d{1,6}(?: (?:of )?\\d{2,4})?`), score: 0.55 },
    {
      name: 'day month year',
      regex: regex(`(?:the )?\\d{1,2} (?:of )?${MONTH}(?: (?:of )?\\d{2,4})?`),
      score: 0.55,
    },
    // UK: "twenty third of the ninth, seventy eight" normalises to "23 of the 9 78".
    {
      name: 'day of the month year',
      regex: regex(`(?:the )?\\d{1,2} of the \\d{1,2} \\d{2,4}`),
      score: 0.55,
    },
    { name: 'year month day', regex: regex(`\\d{4} ${MONTH} \\d{1,2}`), score: 0.55 },
    { name: 'numeric', regex: regex(`\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}`), score: 0.55 },
    { name: 'digits', digits: [5, 8], score: 0.5 },
  ],
  cues: ENTITY_CUES.DATE_OF_BIRTH,
  cueBoost: 0.35,
  requireContext: true,
  support: birthTopic,
  value: (matched) => matched.trim().toLowerCase(),
  validate: (value) => birthDateFits(value),
  // "… I see you're booked on TOM 457 returning on the 12 of june": not the date read back.
  invalidate: (_value, window) => laterThanReadBack(window, dobCues),
});
