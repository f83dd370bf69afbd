/**
 * First pass of normalisation: a turn's words become pieces, the unit every later pass reads.
 * A piece is a word without its surrounding punctuation, with what that punctuation said (a pause
 * ends a digit group) and, for numbers the recogniser already wrote in digits, their written form.
 * A word gives more than one piece when it is a hyphenated spoken number or spelling
 * ("forty-one", "k-w-o-n-g") or glues words with a comma.
 */
import type { Word } from '../transcript.js';
import { FILLER_PHRASES, isFiller, isNumberWord } from './lexicon.js';

/** Punctuation right after a piece: none, a light pause (`,` `.`), or a strong one (`?` `!` `;` `:` dashes). */
export type Pause = 0 | 1 | 2;
export const NO_PAUSE: Pause = 0;
export const LIGHT_PAUSE: Pause = 1;
export const STRONG_PAUSE: Pause = 2;

export interface Piece {
  /** Index into transcript.words of the word it came from. */
  word: number;
  /** The piece as written, without surrounding punctuation. */
  text: string;
  lower: string;
  pause: Pause;
  /** Written with a trailing dot ("K.", "Jan."): an abbreviation or spelled-letter mark. */
  dotted: boolean;
  /** For numbers already written in digits: the view's form ("4111-1111", "$1250", "3" for "3rd"); else null. */
  written: string | null;
  /** A hesitation (um, uh…) that produces no characters. */
  filler: boolean;
}

const LEADING = new Set(['"', "'", '“', '”', '‘', '’', '(', '[', '{', '«', '¿', '¡', '…', '—', '–']);
const TRAILING_PAUSE = new Map<string, Pause>([
  ['.', LIGHT_PAUSE],
  [',', LIGHT_PAUSE],
  ['…', LIGHT_PAUSE],
  ['?', STRONG_PAUSE],
  ['!', STRONG_PAUSE],
  [';', STRONG_PAUSE],
  [':', STRONG_PAUSE],
  ['—', STRONG_PAUSE],
  ['–', STRONG_PAUSE],
]);
const TRAILING_QUIET = new Set(['"', "'", '“', '”', '‘', '’', ')', ']', '}', '»']);

const WRITTEN_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/i;
const WRITTEN_NUMBER = /^[$£€+]?\d[\d.,:/-]*%?$/;

/** Splits the words of one turn (indices into `words`) into pieces. */
export function tokeniseTurn(words: readonly Word[], indices: readonly number[]): Piece[] {
  const pieces: Piece[] = [];
  for (const index of indices) addWord(pieces, words[index]!.text, index);
  keepBackchannelWords(pieces);
  keepCapitalLetterPairs(pieces);
  if (!punctuates(words)) pauseAtSilences(pieces, words);
  return pieces;
}

/** A word written with punctuation after it. */
const ENDS_PUNCTUATED = /[.,?!;:…]["'”’)\]]*$/;
const punctuating = new WeakMap<readonly Word[], boolean>();

/** True when the source writes punctuation on any of its words (read once per transcript). */
function punctuates(words: readonly Word[]): boolean {
  let known = punctuating.get(words);
  if (known === undefined) {
    known = words.some((word) => ENDS_PUNCTUATED.test(word.text));
    punctuating.set(words, known);
  }
  return known;
}
/** A silence this long (ms) between timed words is where a punctuating recogniser writes a comma or a stop. */
const PAUSE_GAP_MS = 450;

/**
 * A source that writes no punctuation (Whisper's word list, lower-case contact-centre text) still
 * times its words: a silence after a word is the pause punctuation would mark, which ends a digit
 * group or a clause ("… 2 0 9 | 9 14 09", "seven two oh | thank you"). So is a hesitation after
 * which the number words before it are said again ("four one, um, four one six": a false start),
 * and a number word written with a capital after another number, which starts a sentence ("six
 * two nine Six two nine": a value and its read-back in a mono file).
 */
function pauseAtSilences(pieces: Piece[], words: readonly Word[]): void {
  for (let i = 0; i + 1 < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const following = pieces[i + 1]!;
    const nextWord = following.word;
    if (nextWord === piece.word || piece.pause !== NO_PAUSE || piece.filler) continue;
    const word = words[piece.word]!;
    const next = words[nextWord]!;
    if (
      restartsAfterFiller(pieces, i) ||
      startsSentenceOfNumbers(piece, following) ||
      (word.timing === 'native' && next.timing === 'native' && next.start - word.end >= PAUSE_GAP_MS)
    ) {
      piece.pause = LIGHT_PAUSE;
    }
  }
}

const MIN_RESTART_WORDS = 2;

/**
 * pieces[i] ends number words that the number words after the hesitations following it start
 * with again ("four one | um | four one six"): a value begun and started over.
 */
function restartsAfterFiller(pieces: readonly Piece[], i: number): boolean {
  let after = i + 1;
  while (after < pieces.length && pieces[after]!.filler) after += 1;
  if (after === i + 1) return false;
  let begun = 0;
  while (begun <= i && isNumberWord(pieces[i - begun]!.lower) && !pieces[i - begun]!.filler) begun += 1;
  // One word said twice may be the value's own ("five, er, five one"): a false start has two or more.
  if (begun < MIN_RESTART_WORDS) return false;
  for (let k = 0; k < begun; k += 1) {
    if (pieces[after + k]?.lower !== pieces[i - begun + 1 + k]!.lower) return false;
  }
  return true;
}

/** A number word with a capital ("Three") after a number word in lower case ("eight"). */
function startsSentenceOfNumbers(piece: Piece, next: Piece): boolean {
  return (
    isNumberWord(next.lower) &&
    next.text !== next.lower &&
    isNumberWord(piece.lower) &&
    piece.text === piece.lower
  );
}

const HAS_DIGIT = /\d/;

/**
 * "ER" in capitals right after something written with digits is letters, as in the postcode
 * "GL1 4 ER": recognisers write a hesitation in lower case ("er", "Er").
 */
function keepCapitalLetterPairs(pieces: Piece[]): void {
  for (let i = 1; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (piece.filler && piece.text === piece.text.toUpperCase() && HAS_DIGIT.test(pieces[i - 1]!.text)) {
      piece.filler = false;
    }
  }
}

/** "mm hmm", "uh huh": the filler is half of a backchannel and stays a word. */
function keepBackchannelWords(pieces: Piece[]): void {
  for (let i = 1; i < pieces.length; i += 1) {
    const first = pieces[i - 1]!;
    const second = pieces[i]!;
    if ((first.filler || second.filler) && FILLER_PHRASES.has(`${first.lower} ${second.lower}`)) {
      first.filler = false;
      second.filler = false;
    }
  }
}

function addWord(pieces: Piece[], raw: string, word: number): void {
  let start = 0;
  let end = raw.length;
  while (start < end && (LEADING.has(raw[start]!) || raw[start] === ' ')) start += 1;
  let pause: Pause = NO_PAUSE;
  let dotted = false;
  while (end > start) {
    const char = raw[end - 1]!;
    const charPause = TRAILING_PAUSE.get(char);
    if (charPause !== undefined) {
      if (charPause > pause) pause = charPause;
      if (char === '.') dotted = true;
    } else if (!TRAILING_QUIET.has(char) && char !== ' ') break;
    end -= 1;
  }
  const core = raw.slice(start, end);
  if (core === '') {
    // Punctuation on its own (some sources emit "," as a word) pauses the piece before it.
    const previous = pieces[pieces.length - 1];
    if (previous && pause > previous.pause) previous.pause = pause;
    return;
  }

  if (!core.includes(',')) {
    addCore(pieces, core, word, pause, dotted);
    return;
  }
  const written = writtenNumber(core);
  if (written !== null) {
    pieces.push(makePiece(word, core, pause, dotted, written));
    return;
  }
  // A comma inside a word (not a thousands separator) is a pause between two words.
  const parts = core.split(',').filter((part) => part !== '');
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    addCore(pieces, part, word, last ? pause : LIGHT_PAUSE, last && dotted);
  });
}

function addCore(pieces: Piece[], core: string, word: number, pause: Pause, dotted: boolean): void {
  const written = writtenNumber(core);
  const parts = written === null && core.includes('-') ? hyphenatedParts(core) : null;
  if (parts === null) {
    pieces.push(makePiece(word, core, pause, dotted, written));
    return;
  }
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    pieces.push(makePiece(word, part, last ? pause : NO_PAUSE, last && dotted, null));
  });
}

function makePiece(word: number, text: string, pause: Pause, dotted: boolean, written: string | null): Piece {
  const lower = text.toLowerCase();
  return { word, text, lower, pause, dotted, written, filler: written === null && isFiller(lower) };
}

/**
 * The view's form of a number written in digits, or null when `core` is not one. Thousands commas
 * go ("1,250" → "1250"); hyphens, slashes, dots, colons, a leading currency sign or plus and a
 * trailing percent stay. Written ordinals lose their suffix ("3rd" → "3").
 */
export function writtenNumber(core: string): string | null {
  // Most pieces are words: the first character rules them out before either expression runs.
  if (!startsWrittenNumber(core)) return null;
  const ordinal = WRITTEN_ORDINAL.exec(core);
  if (ordinal) return ordinal[1]!;
  if (!WRITTEN_NUMBER.test(core)) return null;
  const last = core[core.length - 1]!;
  if (last !== '%' && (last < '0' || last > '9')) return null;
  if (!core.includes(',')) return core;
  return withoutThousandsCommas(core);
}

/** True when core starts as WRITTEN_ORDINAL or WRITTEN_NUMBER must: a digit, a currency sign or a plus. */
function startsWrittenNumber(core: string): boolean {
  const first = core[0];
  return (
    first !== undefined &&
    (isDigit(first) || first === '$' || first === '£' || first === '€' || first === '+')
  );
}

/** "1,250,000" → "1250000"; null when a comma is not a thousands separator. */
function withoutThousandsCommas(core: string): string | null {
  let out = '';
  for (let i = 0; i < core.length; i += 1) {
    const char = core[i]!;
    if (char !== ',') {
      out += char;
      continue;
    }
    const groupEnd = i + 4;
    const isSeparator =
      i > 0 &&
      isDigit(core[i - 1]) &&
      isDigit(core[i + 1]) &&
      isDigit(core[i + 2]) &&
      isDigit(core[i + 3]) &&
      !isDigit(core[groupEnd]);
    if (!isSeparator) return null;
  }
  return out;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Parts of a hyphenated word spoken as separate number or letter words, or null to keep it whole. */
function hyphenatedParts(core: string): string[] | null {
  const parts = core.split('-');
  if (parts.some((part) => part === '')) return null;
  const lower = parts.map((part) => part.toLowerCase());
  if (lower.every(isNumberWord)) return parts;
  if (parts.every((part) => part.length === 1 && isLetter(part))) return parts;
  return null;
}

/** A number written in digits or a word of the spoken-number vocabulary. */
export function isNumberPiece(piece: Piece): boolean {
  return piece.written !== null || isNumberWord(piece.lower);
}

export function isLetter(char: string): boolean {
  const code = char.charCodeAt(0) | 0x20;
  return char.length === 1 && code >= 0x61 && code <= 0x7a;
}

/** Index of the next piece after `i` that is not a filler, or -1. */
export function nextContent(pieces: readonly Piece[], i: number): number {
  for (let j = i + 1; j < pieces.length; j += 1) if (!pieces[j]!.filler) return j;
  return -1;
}

/** Index of the previous piece before `i` that is not a filler, or -1. */
export function previousContent(pieces: readonly Piece[], i: number): number {
  for (let j = i - 1; j >= 0; j -= 1) if (!pieces[j]!.filler) return j;
  return -1;
}

/** Like nextContent, but -1 when a pause (on piece `i` or a filler after it) comes first. */
export function nextWithoutPause(pieces: readonly Piece[], i: number): number {
  for (let j = i; j < pieces.length; j += 1) {
    const piece = pieces[j]!;
    if (j > i && !piece.filler) return j;
    if (piece.pause !== NO_PAUSE) return -1;
  }
  return -1;
}
