/**
 * DRIVERS_LICENSE: an alphanumeric identifier of 5–16 characters after a licence cue or question,
 * its last four after "ending in", or a bare one shaped like a licence given soon after the licence
 * was asked for ("your licence number?" "one second, it is in the car … okay here it is, W 440219773").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { StreamView } from '../normalise/view.js';
import type { Range } from './ids.js';
import {
  afterFalseStart,
  alnumIds,
  bareIdOnTopic,
  compactId,
  documentDate,
  idShape,
  namedAsOtherKind,
  TWO_LETTER_WORDS,
} from './ids.js';
import { patternRecognizer } from './pattern.js';

const bareLicence = bareIdOnTopic('DRIVERS_LICENSE', NEGATIVE_CUES, 'licence-topic');
// Its expiry or issue date is not its number; nor is another kind of number.
const expiryDate = documentDate(ENTITY_CUES.DRIVERS_LICENSE);
const otherKind = namedAsOtherKind(ENTITY_CUES.DRIVERS_LICENSE);

/** A UK licence after its surname block: six birth-date digits, initials, a digit, check characters. */
const UK_TAIL = /^\d{6} ?[A-Za-z9]{2}\d ?[A-Za-z\d]{2}$/;
/**
 * The two check characters as a lower-case word of their own after "804197 nc9" ("… nc9 tx"),
 * which the identifier run leaves out since it has no digit; not a two-letter word ("… nc9 is").
 */
const SPLIT_CHECK = new RegExp(
  `^ (?!(?:${TWO_LETTER_WORDS.join('|')})(?![a-z]))[a-z]{2}(?![\\p{L}\\p{N}])`,
  'u',
);
/** The surname block right before such a tail, as a word when an engine writes lower case ("okafo"). */
const SURNAME_BLOCK = /(?:^|[^\p{L}\p{N}'’-])([a-z]{1,5}9{0,4}) $/u;
/** Enough text before a tail to hold the block and the character before it. */
const SURNAME_REACH = 11;

/**
 * The identifier candidates, and each UK licence tail with the lower-case word before it that is
 * its surname block ("okafo 804197 nc9tx"): spelled letters become an upper-case run, but a
 * lower-case engine prints the five letters as one word.
 */
function licenceCandidates(view: StreamView): readonly Range[] {
  const ids = alnumIds(view);
  const withSurname: Range[] = [];
  for (const { start, end: idEnd } of ids) {
    const end = idEnd + (SPLIT_CHECK.exec(view.text.slice(idEnd, idEnd + 4))?.[0].length ?? 0);
    if (!UK_TAIL.test(view.text.slice(start, end))) continue;
    const block = SURNAME_BLOCK.exec(view.text.slice(Math.max(0, start - SURNAME_REACH), start));
    if (block) withSurname.push({ start: start - block[1]!.length - 1, end });
  }
  return withSurname.length === 0 ? ids : [...ids, ...withSurname];
}

/** The most characters a licence number has (a UK one). */
const MAX_LICENCE_CHARS = 16;

/** The value as said, or after a false start when the whole is too long ("SMITH… SMITH 705…"). */
function licenceValue(matched: string): string {
  const whole = compactId(matched);
  return whole.length <= MAX_LICENCE_CHARS ? whole : compactId(afterFalseStart(matched));
}

export const driversLicenseRecognizer = patternRecognizer({
  name: 'drivers-license',
  type: 'DRIVERS_LICENSE',
  patterns: [{ name: 'alnum', find: licenceCandidates, score: 0.55 }],
  cues: ENTITY_CUES.DRIVERS_LICENSE,
  requireContext: true,
  negatives: NEGATIVE_CUES,
  support: (window, matched) => bareLicence(window, compactId(matched)),
  value: licenceValue,
  validate: idShape(5, MAX_LICENCE_CHARS),
  invalidate: (value, window) => expiryDate(value, window) || otherKind(value, window),
});
