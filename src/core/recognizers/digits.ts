/**
 * Digit runs: groups of ASCII digits separated by single spaces or hyphens ("4111 1111-1111 1111"),
 * or by a back-channel word a mono transcript leaves inline ("07700 okay 900136"), within one
 * stream and not across a hard turn break. Most number recognizers work on these
 * instead of their own regexes, so every spoken grouping of the same digits is seen alike.
 * A run is not part of a price ($49), a decimal or time (1.5, 3:30), a date (3/4) or a word (AB12).
 */
import { regexFor, ViewRegex } from '../normalise/view-regex.js';
import type { StreamView } from '../normalise/view.js';
import type { Word } from '../transcript.js';

export interface DigitRun {
  /** Range in view.text, [start, end). */
  start: number;
  end: number;
  /** The digits alone. */
  digits: string;
  /** Position in view.text of each digit. */
  positions: number[];
  /** Digit index at which each group starts (the first is 0). */
  groupStarts: number[];
}

/**
 * Back-channel words a mono transcript leaves inline between the pieces of one number (match
 * them case-insensitively).
 */
export const INLINE_BACKCHANNEL =
  '(?:okay|ok|yes|yeah|yep|yup|mhm|mm[ -]?hmm?|uh[ -]huh|right|sure|got it|go on|go ahead)';
/** Words a speech engine writes for a digit that sounds like them, and the digit (match in lower case). */
export const HOMOPHONE_DIGITS: ReadonlyMap<string, string> = new Map([
  ['won', '1'],
  ['to', '2'],
  ['too', '2'],
  ['for', '4'],
  ['fore', '4'],
  ['ate', '8'],
]);
/** One of HOMOPHONE_DIGITS, as a pattern. */
export const HOMOPHONE = `(?:${[...HOMOPHONE_DIGITS.keys()].join('|')})`;

/** The digits of a value said with homophones or "oh" among them ("7 to 1" → "721", "oh for 1" → "041"). */
export function withHomophonesRead(text: string): string {
  return text
    .toLowerCase()
    .replace(/[a-z]+/g, (word) => HOMOPHONE_DIGITS.get(word) ?? (word === 'oh' || word === 'o' ? '0' : ''))
    .replace(/\D/g, '');
}

const RUN = new ViewRegex(
  `(?<![\\p{L}\\p{N}$£€#@_.,/:-]|[.,/:-]\\p{N})\\d+(?:(?:[ -]|(?: ${INLINE_BACKCHANNEL}){1,2} )\\d+)*(?![\\p{L}\\p{N}%@_]|[.,/:]\\p{N})`,
  'giu',
);

/**
 * Four digits said straight after "last four", which the normaliser joins to that 4 ("the last
 * four four two one nine" → "last 44219") or keeps one group of digits with it ("the last four
 * zero five nine three" → "last 4 0593", as a mono transcript runs the request into its answer):
 * the 4 names them, the rest are the value.
 */
export const AFTER_LAST_FOUR = new ViewRegex(
  '(?<=\\blast 4 ?)\\d{4}(?![\\p{L}\\p{N}%@_]|[.,/:]\\p{N})',
  'giu',
);

/**
 * The closing "oh" rule, one place for every recognizer: an "oh" said last after digits with talk
 * after it ("… three two oh, is that right", "… two seven oh no") may be their last zero or an
 * exclamation. The normaliser guesses (numbers.ts); a recognizer that knows the length it wants
 * tries the other reading. Never an "oh" that breaks off to correct ("4 1 oh wait, 4 1 7").
 */
export const CLOSING_OH = ` oh(?![\\p{L}\\p{N}']| (?:no|wait|sorry|hang|hold|actually|i mean)\\b)`;

/** min–max digits (maybe grouped, or with inline back-channel), then 1–ohs closing "oh"s left words. */
export function closingOh(min: number, max: number, ohs = 1): ViewRegex {
  return new ViewRegex(
    `(?<![\\p{L}\\p{N}])\\d(?:(?:[ -]|(?: ${INLINE_BACKCHANNEL}){1,2} )?\\d){${min - 1},${max - 1}}(?: oh){0,${ohs - 1}}${CLOSING_OH}`,
    'giu',
  );
}

/** The digits of a match, each closing "oh" a zero. */
export function digitsWithClosingOh(matched: string): string {
  return matched.replace(/\boh\b/gi, '0').replace(/\D/g, '');
}

/** Digit index of the run's last zero when said "oh" (a closing "oh" read as a zero), else its length. */
export function ohZeroAt(run: DigitRun, view: StreamView, words: readonly Word[]): number {
  const last = run.digits.length - 1;
  const word = run.digits[last] === '0' ? words[view.wordFrom[run.positions[last]!]!] : undefined;
  return word && /^oh\W*$/i.test(word.text) ? last : run.digits.length;
}

const cache = new WeakMap<StreamView, DigitRun[]>();

/** The view's digit runs, in text order (computed once per view). */
export function digitRuns(view: StreamView): readonly DigitRun[] {
  let runs = cache.get(view);
  if (!runs) {
    runs = Array.from(view.text.matchAll(regexFor(RUN, view.text)), (match) => toRun(match[0], match.index));
    cache.set(view, runs);
  }
  return runs;
}

function toRun(text: string, start: number): DigitRun {
  const positions: number[] = [];
  const groupStarts: number[] = [];
  let digits = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    if (i === 0 || !isDigitCode(text.charCodeAt(i - 1))) groupStarts.push(digits.length);
    digits += text[i];
    positions.push(start + i);
  }
  return { start, end: start + text.length, digits, positions, groupStarts };
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Digit index at which a run starts over after a false start ("3 7 … 3 7 1" → "3 7 371"): the
 * first group boundary whose earlier digits (at least two) begin the longer rest. 0 when none.
 */
export function restartAt(run: DigitRun): number {
  const { digits } = run;
  for (const at of run.groupStarts) {
    if (at < 2) continue;
    if (at * 2 >= digits.length) break;
    if (digits.startsWith(digits.slice(0, at), at)) return at;
  }
  return 0;
}

/**
 * A value given in pieces must be this long for its read-back to start inside a group; six digits
 * will do when given in three pieces or more (a sort code acknowledged pair by pair, "04 yep 00
 * yep 75" then "040075" read back without a pause).
 */
const MIN_PIECES_REPEAT_DIGITS = 7;
const MIN_MANY_PIECES_REPEAT_DIGITS = 6;
const MANY_PIECES = 3;

/**
 * Digit index at which a run says its digits a second time ("5519 5519", "04 00 04 04 00 04": a
 * value and its read-back, which a mono transcript runs together): the middle, when both halves
 * are equal and it is a group boundary, or when the first half was given in pieces and is long
 * enough to be no coincidence ("469 55501 27" + "4695550127" written "469 55501 274695550127":
 * the last piece and the read-back ran into one group). 0 when none.
 */
export function repeatAt(run: DigitRun): number {
  const { digits } = run;
  const half = digits.length / 2;
  if (!saidTwice(digits)) return 0;
  if (run.groupStarts.includes(half)) return half;
  const pieces = run.groupStarts.filter((at) => at < half).length;
  if (half >= MIN_PIECES_REPEAT_DIGITS && pieces >= 2) return half;
  return half >= MIN_MANY_PIECES_REPEAT_DIGITS && pieces >= MANY_PIECES ? half : 0;
}

/**
 * Digit index at which a run too long for a min–max digit value says a value of that length twice
 * in one group ("417417": a code said as words and read back as words, which a mono transcript
 * runs into one group). 0 when none.
 */
export function sameTwiceAt(run: DigitRun, min: number, max: number): number {
  const half = run.digits.length / 2;
  return half >= min && half <= max && run.digits.length > max && saidTwice(run.digits) ? half : 0;
}

/** True when the digits are the same digits twice over ("48264826"). */
export function saidTwice(digits: string): boolean {
  const half = digits.length / 2;
  return Number.isInteger(half) && half > 0 && digits.startsWith(digits.slice(0, half), half);
}

/** Character range [start, end) of the run's digits [from, to). */
export function digitSpan(run: DigitRun, from: number, to: number): { start: number; end: number } {
  return { start: run.positions[from]!, end: run.positions[to - 1]! + 1 };
}

/** The run's parts of min–max digits that start and end at group boundaries, in text order. */
export function* groupAlignedParts(
  run: DigitRun,
  min: number,
  max: number,
): Generator<{ start: number; end: number }> {
  const bounds = [...run.groupStarts, run.digits.length];
  for (let i = 0; i < bounds.length; i += 1) {
    // Bounds ascend, so only the few ends within max digits of this start are looked at.
    for (let j = i + 1; j < bounds.length && bounds[j]! - bounds[i]! <= max; j += 1) {
      if (bounds[j]! - bounds[i]! >= min) yield digitSpan(run, bounds[i]!, bounds[j]!);
    }
  }
}

/** True when digit index i starts a group of the run (or is its end). */
export function isGroupBoundary(run: DigitRun, i: number): boolean {
  return i === run.digits.length || run.groupStarts.includes(i);
}
