/**
 * Spoken forms, the way speech-to-text engines write what callers say: digits as words, grouped
 * numbers, "oh" for zero, "double five", digit tokens, spelled letters and the NATO alphabet.
 * Every function returns tokens (one token = one ASR word).
 */
import type { Random } from './random.js';

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_UNITS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const NATO: Record<string, string> = {
  a: 'alpha',
  b: 'bravo',
  c: 'charlie',
  d: 'delta',
  e: 'echo',
  f: 'foxtrot',
  g: 'golf',
  h: 'hotel',
  i: 'india',
  j: 'juliet',
  k: 'kilo',
  l: 'lima',
  m: 'mike',
  n: 'november',
  o: 'oscar',
  p: 'papa',
  q: 'quebec',
  r: 'romeo',
  s: 'sierra',
  t: 'tango',
  u: 'uniform',
  v: 'victor',
  w: 'whiskey',
  x: 'x-ray',
  y: 'yankee',
  z: 'zulu',
};
/** Words callers use for "S as in Sam". */
const AS_IN: Record<string, string> = {
  a: 'apple',
  b: 'boy',
  c: 'cat',
  d: 'dog',
  e: 'edward',
  f: 'frank',
  g: 'george',
  h: 'harry',
  i: 'ice',
  j: 'john',
  k: 'king',
  l: 'london',
  m: 'mary',
  n: 'nancy',
  o: 'orange',
  p: 'peter',
  q: 'queen',
  r: 'robert',
  s: 'sam',
  t: 'tom',
  u: 'umbrella',
  v: 'victor',
  w: 'william',
  x: 'xylophone',
  y: 'yellow',
  z: 'zebra',
};
const FILLERS = ['um', 'uh', 'umm', 'er'];

export function words(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== '');
}

/** 0..99 as words ("forty one", "eleven"). */
function underHundred(n: number): string[] {
  if (n < 10) return [DIGITS[n]!];
  if (n < 20) return [TEENS[n - 10]!];
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? [tens] : [tens, DIGITS[n % 10]!];
}

/** A cardinal number as words, up to 999,999 ("two thousand four hundred and twelve"). */
export function cardinal(n: number, british = false): string[] {
  if (n < 100) return underHundred(n);
  if (n < 1000) {
    const rest = n % 100;
    const head = [DIGITS[Math.floor(n / 100)]!, 'hundred'];
    if (rest === 0) return head;
    return [...head, ...(british ? ['and'] : []), ...underHundred(rest)];
  }
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = [...cardinal(thousands, british), 'thousand'];
  if (rest === 0) return head;
  if (rest < 100) return [...head, ...(british ? ['and'] : []), ...underHundred(rest)];
  return [...head, ...cardinal(rest, british)];
}

export function ordinal(n: number): string[] {
  if (n < 20) return [ORDINAL_UNITS[n]!];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (unit === 0) return [TENS[tens]!.replace(/y$/, 'ieth')];
  return [TENS[tens]!, ORDINAL_UNITS[unit]!];
}

/** "3rd", "21st": ordinals as engines with number formatting write them. */
export function ordinalDigits(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

/** A year the way people say it: "nineteen eighty five", "two thousand and three", "twenty oh three". */
export function year(y: number, rng: Random): string[] {
  const century = Math.floor(y / 100);
  const rest = y % 100;
  if (y >= 2000 && y < 2010) {
    return rng.weighted<string[]>([
      [['two', 'thousand', ...(rest ? underHundred(rest) : [])], 2],
      [['two', 'thousand', 'and', ...underHundred(rest)], rest ? 1 : 0],
      [['twenty', 'oh', DIGITS[rest]!], rest ? 1 : 0],
    ]);
  }
  if (rest === 0) return [...underHundred(century), 'hundred'];
  if (rest < 10) return [...underHundred(century), 'oh', DIGITS[rest]!];
  return [...underHundred(century), ...underHundred(rest)];
}

export type DigitStyle =
  /** "four one one one" */
  | 'words'
  /** words, with "oh" for zero */
  | 'oh'
  /** words, with "double five" and "triple seven" for repeats */
  | 'doubles'
  /** two-digit groups: "forty one eleven" */
  | 'pairs'
  /** ASR digit tokens: "4111" */
  | 'tokens';

function zeroWord(style: DigitStyle, rng: Random): string {
  if (style === 'oh' || style === 'doubles' || style === 'pairs') return rng.chance(0.8) ? 'oh' : 'zero';
  return 'zero';
}

function digitWords(group: string, style: DigitStyle, rng: Random): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < group.length) {
    const digit = Number(group[index]);
    let run = 1;
    while (style === 'doubles' && group[index + run] === group[index] && run < 3) run += 1;
    const word = digit === 0 ? zeroWord(style, rng) : DIGITS[digit]!;
    if (run === 3) out.push('triple', word);
    else if (run === 2) out.push('double', word);
    else out.push(word);
    index += run;
  }
  return out;
}

/** Two-digit chunks: "4111" → "forty one eleven", "0512" → "oh five twelve". */
function pairWords(group: string, rng: Random): string[] {
  const out: string[] = [];
  let index = 0;
  if (group.length % 2 === 1) {
    out.push(...digitWords(group[0]!, 'oh', rng));
    index = 1;
  }
  for (; index < group.length; index += 2) {
    const pair = group.slice(index, index + 2);
    if (pair[0] === '0') out.push(...digitWords(pair, 'oh', rng));
    else out.push(...underHundred(Number(pair)));
  }
  return out;
}

/** One group of digits in a style. */
export function digitGroup(group: string, style: DigitStyle, rng: Random): string[] {
  if (style === 'tokens') return [group];
  if (style === 'pairs') return pairWords(group, rng);
  return digitWords(group, style, rng);
}

export interface NumberOptions {
  /** Chance of an "um" between two groups. */
  filler?: number;
  /** Chance of an "um" inside a group, between two digit words. */
  innerFiller?: number;
}

/**
 * Speaks a number given as groups ("4111", "1111", …) in one style, with optional fillers.
 * Returns one token list per group, so callers can split an item across turns at a group.
 */
export function speakGroups(
  groups: readonly string[],
  style: DigitStyle,
  rng: Random,
  options: NumberOptions = {},
): string[][] {
  return groups.map((group, index) => {
    const tokens = digitGroup(group, style, rng);
    if (options.innerFiller && tokens.length > 2 && rng.chance(options.innerFiller)) {
      tokens.splice(rng.int(1, tokens.length - 1), 0, rng.pick(FILLERS));
    }
    if (index > 0 && options.filler && rng.chance(options.filler)) tokens.unshift(rng.pick(FILLERS));
    return tokens;
  });
}

export type LetterStyle = 'lower' | 'upper-dot' | 'nato' | 'as-in';

/** One letter as a caller spells it. */
export function letter(char: string, style: LetterStyle): string[] {
  const lower = char.toLowerCase();
  if (style === 'nato') return [NATO[lower] ?? lower];
  if (style === 'as-in') return [lower.toUpperCase(), 'as', 'in', AS_IN[lower] ?? lower];
  if (style === 'upper-dot') return [`${lower.toUpperCase()}.`];
  return [lower];
}

/** Spells a word letter by letter ("k w o n g", "K. W. O. N. G.", "kilo whiskey …"). */
export function spell(word: string, style: LetterStyle): string[] {
  return [...word.replace(/[^a-z]/gi, '')].flatMap((char) => letter(char, style));
}

/**
 * Speaks a mixed code ("SW1A 1AA", "D4827361") character by character: letters spelled, digit runs in
 * the digit style. Groups are separated by spaces in the code.
 */
export function speakCode(
  code: string,
  digitStyle: DigitStyle,
  letterStyle: LetterStyle,
  rng: Random,
): string[] {
  const out: string[] = [];
  for (const piece of code.split(/\s+/)) {
    for (const run of piece.match(/[0-9]+|[A-Za-z]/g) ?? []) {
      if (/^[0-9]/.test(run)) out.push(...digitGroup(run, digitStyle, rng));
      else out.push(...letter(run, letterStyle));
    }
  }
  return out;
}
