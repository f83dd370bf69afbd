/**
 * DATE_OF_BIRTH: a date after a date-of-birth cue or question ("can I take your date of birth"
 * "march 3 1985"): `march 3 1985`, `3 march 1985`, `the 3 of march 85`, `3 of the 9 78`,
 * `03/03/1985`, `3 3 1985`,
 * `03031985`, `1985-03-03`, `march 1985`. A date without such context is not a date of birth.
 */
import { compileCues, notAsPlace } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { AMOUNT_CUES, DOCUMENT_DATE_CUES, NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { judgeContext, patternRecognizer } from './pattern.js';
import { digitRuns, groupAlignedParts } from './digits.js';
import { laterThanReadBack } from './read-back.js';
import { otherTypesCues } from './topic.js';
import { MONTH_NAME_PATTERN, MONTH_NAMES } from '../months.js';
import { birthDateFits, saysPastYear } from './validators/date.js';
import { ViewRegex } from '../normalise/view-regex.js';
import type { StreamView } from '../normalise/view.js';

/**
 * How long (ms) after dates of birth were asked for a bare past date still reads as one: the next
 * person's details ("and my wife? … third of june seventy five").
 */
const DOB_TOPIC_MS = 180_000;
const dobCues = compileCues(ENTITY_CUES.DATE_OF_BIRTH ?? []);
const documentDateCues = compileCues(DOCUMENT_DATE_CUES);
const otherCues = otherTypesCues('DATE_OF_BIRTH');
/**
 * A date said with its month's name is no amount of money: "her date of birth? she must be over
 * 25 to avoid the young driver fee" still asks for it. Said as numbers it may be one.
 */
const amountCues = new Set(notAsPlace(AMOUNT_CUES));
const amounts = compileCues([...amountCues]);
const notAmounts = NEGATIVE_CUES.filter((cue) => !amountCues.has(cue));
/**
 * What may come between a cue naming the digits and the digits: "the sort code is", "sort code,
 * it's", or the value said once already ("sort code 07-04-36, 07-04-36").
 */
const NAMED_RIGHT_BEFORE = /^(?: (?:is|was|it's|it is|that's))?(?: [\d/.-]+)*$/;

const NAMED_MONTH = new RegExp(`\\b${MONTH_NAME_PATTERN}\\b`, 'i');

/** A preposition right before a date says when something happened or is due ("a visit on …"). */
const EVENT_DATE_BEFORE = new RegExp(
  `\\b(?:on|from|since|until|till|by|before|after)(?: the)?(?: ${MONTH_NAME_PATTERN})?$`,
);

/** A date with a past year and a day or month, said while dates of birth are being collected. */
function birthTopic(window: MatchWindow, matched: string): string | undefined {
  // Month and day with the year: a bare "1975" or "march 1975" says too little.
  if ((matched.match(/\d+/g) ?? []).length < 2 && !/[/.-]/.test(matched)) return undefined;
  if (!saysPastYear(matched)) return undefined;
  if (window.leadInCue(documentDateCues) || EVENT_DATE_BEFORE.test(window.leadIn)) return undefined;
  // "and the new sort code?" "It's 07-04-36": another type asked for, or named right before the
  // digits, says what they are. A month said by name is no other type's number: "your date of
  // birth and the last four of your social | june 6 1944" (one mono stream, whose question may
  // also reach back to an earlier exchange) answers the first.
  const named = window.leadInCue(otherCues);
  if (named && NAMED_RIGHT_BEFORE.test(window.leadIn.slice(named.end)) && !NAMED_MONTH.test(matched)) {
    return undefined;
  }
  if (window.promptCue(otherCues) && !NAMED_MONTH.test(matched)) return undefined;
  return window.topicRaised(dobCues, DOB_TOPIC_MS) ? 'dob-topic' : undefined;
}

const MONTH = MONTH_NAME_PATTERN;

/** Month names said with a day ("3 may", "may the 3rd"): "may" alone is as often the verb. */
const MONTH_WITH_DAY = new RegExp(
  `\\d(?:st|nd|rd|th)? (?:of )?(${MONTH})\\b|\\b(${MONTH})(?: the)? \\d`,
  'g',
);
/** A date written with numbers ("09/23/1979", "3-6-90"): either of its first two may be the month. */
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{4}|\d{2})\b/g;
const monthsWithDay = (text: string): string[] => [
  ...[...text.matchAll(MONTH_WITH_DAY)].map((match) => (match[1] ?? match[2])!),
  ...[...text.matchAll(NUMERIC_DATE)].flatMap((match) =>
    [match[1]!, match[2]!].flatMap((part) => MONTH_NAMES[Number(part) - 1] ?? []),
  ),
];

/**
 * The value names a month and `given` dates months too, none of them the value's. A numeric date
 * may name either of two months ("11/09/1960"): none of them given.
 */
function namesOtherMonth(value: string, given: string): boolean {
  const months = monthsWithDay(value);
  if (months.length === 0) return false;
  const givenMonths = monthsWithDay(given);
  return givenMonths.length > 0 && !months.some((month) => givenMonths.includes(month));
}

/**
 * Supported only by the speaker's own older question, a date naming a month that the other
 * party's answer did not ("3 may 1990" or "05/03/1990" … "thanks, and I see the lease ended 30
 * june") is no read-back of it: it is another date the speaker went on to.
 */
function anotherMonthThanGiven(value: string, window: MatchWindow): boolean {
  if (window.leadInCue(dobCues) || window.promptCue(dobCues) || window.trailCue(dobCues)) return false;
  if (window.recallCue(dobCues) === undefined) return false;
  return namesOtherMonth(value, window.prompt);
}

/**
 * The other party named a date of birth and gave it in the same words ("he was born the 3 of may
 * 2009"): their cue is used up, and a date naming another month said after it as when something
 * happens ("the course starts on the 9 of june") is another date, not a read-back or a correction.
 */
function cueAnsweredInPrompt(value: string, window: MatchWindow): boolean {
  if (!EVENT_DATE_BEFORE.test(window.leadIn) || window.leadInCue(dobCues) || window.trailCue(dobCues))
    return false;
  const cue = window.promptCue(dobCues);
  return cue !== undefined && namesOtherMonth(value, window.prompt.slice(cue.end));
}

/** A whole date in the other party's words: "the 3 of june 1990", "june 3 90", "3/6/1990". */
const GIVEN_DATE = new RegExp(
  `\\b(?:(?:the )?(\\d{1,2}) (?:of )?(${MONTH})|(${MONTH}) (?:the )?(\\d{1,2})) (?:of )?(\\d{4}|\\d{2})\\b` +
    `|\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b`,
  'g',
);

/** The digits a date may be read back as: month and day either way round, padded or not, then the year. */
function spokenAsDigits(first: string, second: string, year: string): string[] {
  const forms: string[] = [];
  for (const [a, b] of [
    [first, second],
    [second, first],
  ] as const) {
    for (const pad of [false, true]) {
      const head = pad ? `${a.padStart(2, '0')}${b.padStart(2, '0')}` : `${a}${b}`;
      forms.push(`${head}${year}`, `${head}${year.slice(-2)}`);
    }
  }
  return forms;
}

/**
 * A date the other party just gave, read back as bare numbers: "june 3 1990" → "six three ninety",
 * which the normaliser writes as one run, 6390. Four digits are too few to be a date on their own;
 * they are one when they are that date's month, day and year.
 */
function readsBackGivenDate(value: string, window: MatchWindow): boolean {
  const digits = value.replace(/\D/g, '');
  for (const date of window.prompt.matchAll(GIVEN_DATE)) {
    const [, day, dayMonth, month, monthDay, year, a, b, numericYear] = date;
    const forms =
      a !== undefined
        ? spokenAsDigits(a, b!, numericYear!)
        : spokenAsDigits(String(monthNumber(dayMonth ?? month!)), day ?? monthDay!, year!);
    if (forms.includes(digits)) return true;
  }
  return false;
}

/**
 * A date run together with more digits in a mono file ("140201 14 of february": the date and the
 * start of its read-back): the group-aligned parts of a run of several groups that is no date as
 * a whole.
 */
function datesInLongerRuns(view: StreamView): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  for (const run of digitRuns(view)) {
    if (run.groupStarts.length < 2) continue;
    if (run.digits.length <= 8 && birthDateFits(view.text.slice(run.start, run.end))) continue;
    for (const part of groupAlignedParts(run, 5, 8)) {
      if (part.start !== run.start || part.end !== run.end) parts.push(part);
    }
  }
  return parts;
}

const monthNumber = (name: string): number => MONTH_NAMES.indexOf(name as (typeof MONTH_NAMES)[number]) + 1;
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
    { name: 'date read back', digits: [4, 4], score: 0.5, validate: readsBackGivenDate },
    { name: 'date in a longer run', find: datesInLongerRuns, score: 0.5 },
  ],
  cues: ENTITY_CUES.DATE_OF_BIRTH,
  cueBoost: 0.35,
  requireContext: true,
  support: birthTopic,
  value: (matched) => matched.trim().toLowerCase(),
  validate: (value) => birthDateFits(value),
  negatives: notAmounts,
  // "… I see you're booked on TOM 457 returning on the 12 of june": not the date read back.
  invalidate: (value, window, matched) =>
    laterThanReadBack(window, dobCues) ||
    anotherMonthThanGiven(value, window) ||
    cueAnsweredInPrompt(value, window) ||
    (!NAMED_MONTH.test(matched) && judgeContext(window, dobCues, amounts).negative !== undefined),
});
