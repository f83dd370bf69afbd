/**
 * Word tokens of a stream view, with their character ranges and the turn they belong to, so the
 * dialogue recognizers can reason in words and still report tight character ranges.
 * Tokens and folded words come from one hand-written scanner: it runs over every word of a call
 * several times per detection, so it avoids regular expressions and per-word arrays.
 */
import type { StreamView } from '../../normalise/view.js';
import { HARD_TURN_BREAK } from '../../normalise/view.js';
import { isWhitespace } from '../../whitespace.js';
import { regexFor } from '../../normalise/view-regex.js';

/** How a token is separated from the one before it. */
export type Break = 'none' | 'soft' | 'hard';

export interface Token {
  /** The token as the view writes it, without surrounding punctuation. */
  text: string;
  /** Lower case, with typographic apostrophes made plain: what lexicons are matched against. */
  lower: string;
  /** Range in view.text, [start, end). */
  start: number;
  end: number;
  /** Index into view.turns. */
  turn: number;
  /** `none` inside a turn; at a turn's first token, the kind of break the normaliser put before it. */
  breakBefore: Break;
}

/** Punctuation stripped from either end of a word: , . ; : ! ? " ( ) [ ] { } … */
function isPunctuation(code: number): boolean {
  switch (code) {
    case 0x2c:
    case 0x2e:
    case 0x3b:
    case 0x3a:
    case 0x21:
    case 0x3f:
    case 0x22:
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x7b:
    case 0x7d:
    case 0x2026:
      return true;
    default:
      return false;
  }
}

/** ' ’ ‘ ` */
function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x60;
}

/**
 * Contractions kept whole. Any other "'s" ending is split off as its own word, so "name's",
 * "mother's" and "John's" match lexicon phrases written with the bare noun.
 */
const WHOLE_S_WORDS = new Set([
  "it's",
  "that's",
  "what's",
  "he's",
  "she's",
  "there's",
  "here's",
  "let's",
  "who's",
  "where's",
  "how's",
  "when's",
  "why's",
]);

const TYPOGRAPHIC_APOSTROPHES = /[’‘`]/g;

function plainApostrophes(word: string): string {
  return word.includes('’') || word.includes('‘') || word.includes('`')
    ? word.replace(TYPOGRAPHIC_APOSTROPHES, "'")
    : word;
}

/** A piece's folded form: what lexicons are matched against. */
function fold(piece: string): string {
  return plainApostrophes(piece).toLowerCase();
}

/**
 * Where a written word [start, end) of text splits: before a trailing "'s" that is not part of a
 * kept contraction, else at end (no split).
 */
function splitAt(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  // Cheap test first: only a word ending in an apostrophe and "s" can split.
  if (end - start < 3 || (last !== 0x73 && last !== 0x53) || !isApostrophe(text.charCodeAt(end - 2))) {
    return end;
  }
  const lower = fold(text.slice(start, end));
  return lower.length > 2 && lower.endsWith("'s") && !WHOLE_S_WORDS.has(lower) ? end - 2 : end;
}

/** A character folding leaves as it is: ASCII, not a capital, not a backtick. */
function foldsToItself(code: number): boolean {
  return code < 0x80 && !(code >= 0x41 && code <= 0x5a) && code !== 0x60;
}

/**
 * Calls `piece(start, end, first, folded)` for every piece of text[from, to): each
 * whitespace-separated word without its surrounding punctuation, and its split-off "'s". `first`
 * marks the range's first piece; `folded` that folding would leave the piece as it is.
 */
function eachPiece(
  text: string,
  from: number,
  to: number,
  piece: (start: number, end: number, first: boolean, folded: boolean) => void,
): void {
  let first = true;
  let at = from;
  while (at < to) {
    while (at < to && isWhitespace(text.charCodeAt(at))) at += 1;
    if (at >= to) break;
    let wordEnd = at;
    let folded = true;
    while (wordEnd < to) {
      const code = text.charCodeAt(wordEnd);
      if (isWhitespace(code)) break;
      folded &&= foldsToItself(code);
      wordEnd += 1;
    }
    let start = at;
    while (start < wordEnd && isPunctuation(text.charCodeAt(start))) start += 1;
    let end = wordEnd;
    while (end > start && isPunctuation(text.charCodeAt(end - 1))) end -= 1;
    if (end > start) {
      const split = splitAt(text, start, end);
      piece(start, split, first, folded);
      if (split < end) piece(split, end, false, folded);
      first = false;
    }
    at = wordEnd;
  }
}

/** A word of letters, then maybe more letters, apostrophes, dots or hyphens ("O'Neil", "St.", "Nguyễn"). */
const LETTER_WORD = /^\p{L}[\p{L}'.-]*$/u;

/** True when text is one word of letters (see LETTER_WORD). */
export function isLetterWord(text: string): boolean {
  return regexFor(LETTER_WORD, text).test(text);
}

/** Splits free text (a prompt, a lexicon phrase) into lower-case words, as tokens are folded. */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  eachPiece(text, 0, text.length, (start, end, _first, folded) => {
    const piece = text.slice(start, end);
    words.push(folded ? piece : fold(piece));
  });
  return words;
}

/** Every word token of the view, in text order. */
export function tokenize(view: StreamView): Token[] {
  const tokens: Token[] = [];
  const { text } = view;
  view.turns.forEach((span, turn) => {
    const breakBefore = turnBreak(view, span.charStart);
    eachPiece(text, span.charStart, span.charEnd, (start, end, first, folded) => {
      const piece = text.slice(start, end);
      tokens.push({
        text: piece,
        lower: folded ? piece : fold(piece),
        start,
        end,
        turn,
        breakBefore: first ? breakBefore : 'none',
      });
    });
  });
  return tokens;
}

function turnBreak(view: StreamView, charStart: number): Break {
  if (charStart === 0) return 'hard';
  return view.text[charStart - 1] === HARD_TURN_BREAK ? 'hard' : 'soft';
}
