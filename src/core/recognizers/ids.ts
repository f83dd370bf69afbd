/**
 * Alphanumeric identifiers as normalised speech writes them: spelled letters are upper-case runs
 * and numbers are digit groups, so "D 1234 5678", "AB 1234567" and "XYZ123456" are runs of
 * upper-case and digit tokens. Shared by the licence, member-id and passport recognizers.
 */
import type { StreamView } from '../normalise/view.js';
import type { MatchWindow } from './pattern.js';

/** NATO words the normaliser may leave as words before digits ("victor 6328214415"); not "november", a month. */
const NATO = [
  'alfa',
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'juliett',
  'kilo',
  'lima',
  'mike',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
  'uniform',
  'victor',
  'whiskey',
  'whisky',
  'x-ray',
  'xray',
  'yankee',
  'zulu',
];
const TOKEN = '(?:[A-Z]+|\\d+|[A-Z]+\\d[A-Z\\d]*|\\d+[A-Z][A-Z\\d]*)';
/** Between tokens: a space, a written dash, or one said ("1EG4 dash TE5"; the normaliser keeps the word). */
const SEPARATOR = '(?:[ -]| (?:dash|hyphen) )';

/**
 * Longest run of tokens taken. The normaliser joins runs of three or more single digits into one
 * group, but pairs stay apart ("AB 402 977 1 3"), and the longest identifier any of these
 * recognizers accepts is 16 characters.
 */
const MAX_TOKENS = 16;

/**
 * Runs of up to MAX_TOKENS upper-case-letter or digit tokens; single lower-case letter+digit tokens
 * ("d1234567"); and digits after a lone lower-case letter or a NATO word ("s 26280214793",
 * "victor 6328214415"). The look-ahead fails fast on the lower-case text that fills most of a view;
 * it comes after the look-behind, which is cheaper for the engine to try first.
 */
const ALNUM_ID = new RegExp(
  `(?<![\\p{L}\\p{N}$/.:'’-])(?=[A-Z\\d]|[a-z]{1,3}\\d|[a-z]+ \\d)` +
    `(?:${TOKEN}(?:${SEPARATOR}${TOKEN}){0,${MAX_TOKENS - 1}}|[a-z]{1,3}\\d{4,14}|(?:${NATO.join('|')}|[a-z]) \\d+(?: \\d+){0,${MAX_TOKENS - 2}})` +
    `(?![\\p{L}\\p{N}%]|[/.:-]\\p{N})`,
  'gu',
);
const NATO_WORD = new RegExp(`^(?:${NATO.join('|')})(?= )`);

const cache = new WeakMap<StreamView, { start: number; end: number }[]>();

/** The view's alphanumeric identifier candidates (computed once per view). */
export function alnumIds(view: StreamView): readonly { start: number; end: number }[] {
  let found = cache.get(view);
  if (!found) {
    found = [];
    for (const match of view.text.matchAll(ALNUM_ID)) {
      // Every identifier these recognizers accept holds a digit; "I" and "OK" are not candidates.
      if (/\d/.test(match[0])) found.push({ start: match.index, end: match.index + match[0].length });
    }
    cache.set(view, found);
  }
  return found;
}

/** The identifier without spaces or dashes (written or said), upper case. */
export const compactId = (matched: string): string =>
  matched
    .replace(NATO_WORD, (word) => word[0]!)
    .replace(/ (?:dash|hyphen)(?= )|[\s-]/g, '')
    .toUpperCase();

/**
 * The identifier after a false start ("559 559018226" → "559018226"): drops leading tokens (at
 * least two characters) that begin the longer rest. The text unchanged when there is none.
 */
export function afterFalseStart(matched: string): string {
  const tokens = matched.split(/[ -]+/);
  let head = '';
  for (let k = 1; k < tokens.length; k += 1) {
    head += tokens[k - 1]!;
    const rest = tokens.slice(k).join('');
    if (rest.length <= head.length) break;
    if (head.length >= 2 && rest.startsWith(head)) return tokens.slice(k).join(' ');
  }
  return matched;
}

/** A validator: the compact identifier has between min and max characters and at least one digit. */
export function idShape(min: number, max: number): (value: string, window: MatchWindow) => boolean {
  return (value) => value.length >= min && value.length <= max && /\d/.test(value);
}
