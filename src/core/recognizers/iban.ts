/**
 * IBAN: a country code, two check digits and the account identifier, spaces allowed between
 * groups ("GB82 WEST 1234 5698 7654 32", spelled "GB 82 WEST 1234…"). The country's length and
 * the mod-97 check decide; with an IBAN cue, or soon after IBANs were talked about with no other
 * item named since, a checksum failure (a misheard character, a corrected one) still counts.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { Finding } from '../detection.js';
import { judgeContext, readWindow, verdictReasons } from './pattern.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import { topicOpen } from './topic.js';
import { IBAN_LENGTHS, ibanValid } from './validators/iban.js';
import { regexFor } from '../normalise/view-regex.js';
import { INLINE_BACKCHANNEL } from './digits.js';

const NAME = 'iban';
/**
 * Check digits may be said one by one ("G B 8 4 H B U K …" → "GB 8 4 HBUK …"). Spaces may be
 * several where the other party's backchannel was blanked out (see withoutBackchannels).
 */
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2} *\d *\d(?:(?:-| *)[A-Za-z0-9]){8,30}/gu;
/**
 * Between two groups: the other party's backchannel a mono transcript leaves there ("GB 29 yep
 * NWBK …"), or the caller's "then" ("GB29 NWBK, then 6016 …").
 */
const INLINE = new RegExp(`(?<=[A-Za-z0-9] )(?:${INLINE_BACKCHANNEL}|(?:and )?then)(?= [A-Za-z0-9])`, 'gi');

/** The text with inline backchannels and "then"s turned into spaces, so positions stay those of the view. */
function withoutBackchannels(text: string): string {
  return text.replace(INLINE, (word) => ' '.repeat(word.length));
}
const cues = compileCues(ENTITY_CUES.IBAN ?? []);
const negatives = compileCues(NEGATIVE_CUES);

const SCORE = { valid: 0.9, cued: 0.95, cuedInvalid: 0.65, topicInvalid: 0.6 };
/** How long (ms) after IBANs were named an IBAN-shaped value that fails its check still counts. */
const IBAN_TOPIC_MS = 90_000;
const ibanTopic = topicOpen('IBAN', IBAN_TOPIC_MS);

/** End (in the text) of the first `length` letters and digits from start, or -1 if there are fewer. */
function endOfChars(text: string, start: number, length: number): number {
  let count = 0;
  for (let i = start; i < text.length; i += 1) {
    if (/[A-Za-z0-9]/.test(text[i]!)) count += 1;
    if (count === length) return i + 1;
  }
  return -1;
}

const compact = (said: string): string => said.replace(/[\s-]/g, '').toUpperCase();

/** An "oh" after the characters, which the normaliser may leave as a word ("… 1 2 6 oh that's it"). */
const CLOSING_OH = /^ oh?(?![\p{L}\p{N}])/iu;

/**
 * The IBAN one character short of its length when the "oh" after it is its last zero and makes the
 * check pass: its end (after the "oh") and value; or undefined.
 */
function closingZero(
  text: string,
  start: number,
  length: number,
): { end: number; value: string } | undefined {
  const before = endOfChars(text, start, length - 1);
  const oh = before < 0 ? null : CLOSING_OH.exec(text.slice(before));
  if (!oh) return undefined;
  const value = `${compact(text.slice(start, before))}0`;
  return ibanValid(value) ? { end: before + oh[0].length, value } : undefined;
}

/** The IBAN that starts the candidate `match` of `text` (the view's, backchannels blanked), or undefined. */
function ibanAt(input: RecognizerInput, text: string, match: RegExpExecArray): Finding | undefined {
  const length = IBAN_LENGTHS[match[0].slice(0, 2).toUpperCase()];
  if (length === undefined) return undefined;
  const closing = closingZero(text, match.index, length);
  const end = closing?.end ?? endOfChars(text, match.index, length);
  if (end < 0 || (!closing && end > match.index + match[0].length) || /[A-Za-z0-9]/.test(text[end] ?? ''))
    return undefined;
  const value = closing?.value ?? compact(text.slice(match.index, end));
  const window = readWindow(input, match.index, end);
  const verdict = judgeContext(window, cues, negatives);
  const valid = ibanValid(value);
  const topic = !valid && !verdict.cue && !verdict.negative && ibanTopic(window);
  if (!valid && !verdict.cue && !topic) return undefined;
  const score = valid
    ? verdict.cue
      ? SCORE.cued
      : SCORE.valid
    : topic
      ? SCORE.topicInvalid
      : SCORE.cuedInvalid;
  return {
    recognizer: NAME,
    type: 'IBAN',
    view: input.view,
    charStart: match.index,
    charEnd: end,
    score,
    value,
    reasons: [...(valid ? ['mod97'] : []), ...(topic ? ['iban-topic'] : []), ...verdictReasons(verdict)],
  };
}

export const ibanRecognizer: Recognizer = {
  name: NAME,
  types: ['IBAN'],
  recognize(input) {
    const findings: Finding[] = [];
    const text = withoutBackchannels(input.view.text);
    const candidates = regexFor(CANDIDATE, text);
    candidates.lastIndex = 0;
    for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
      const finding = ibanAt(input, text, match);
      if (finding) findings.push(finding);
      // A candidate that is no IBAN may have run on over a false start into the value said again
      // ("GB83 LOYD sorry GB83 LOYD 3096 …"): the search goes on inside it.
      candidates.lastIndex = finding ? finding.charEnd : match.index + 1;
    }
    return findings;
  },
};
