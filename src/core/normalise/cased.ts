/**
 * Dictated case: a case word gives the case of the letter after it ("capital d" → "D", "lowercase
 * k" → "k"), and of the word that letter starts when one follows ("capital d dragon" → "Dragon")
 * or comes just before ("river, capital R" → "River"). The result is a dictated item (see
 * dictation.ts).
 */
import type { Letter } from './letters.js';
import { letterAt } from './letters.js';
import type { CaseWord } from './lexicon.js';
import { CASE_WORDS, NATO, isNumberWord } from './lexicon.js';
import type { Read } from './spans.js';
import { piecesSpan } from './spans.js';
import type { Piece } from './tokens.js';
import { STRONG_PAUSE, isLetter, nextContent, nextWithoutPause } from './tokens.js';

const LETTERS_ONLY = /^\p{L}+$/u;
/** First words of the case words: a cheap test before reading one. */
const CASE_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...CASE_WORDS.keys()].map((word) => word.split(' ')[0]!),
);

/**
 * A case word and the letter it cases at pieces[start] ("capital d" → "D", "lowercase k" → "k"),
 * with the word the letter starts when one follows ("capital d dragon" → "Dragon"), or null. A
 * NATO word or "as in" after the letter only confirms it ("capital d delta" → "D"). A weak case
 * word ("big") or a weak letter ("a", "I") needs that confirmation or the word.
 */
export function readCasedLetter(pieces: readonly Piece[], start: number): Read | null {
  const caseWord = caseWordAt(pieces, start);
  if (caseWord === null) return null;
  const at = nextWithoutPause(pieces, caseWord.last);
  const letter = at === -1 ? null : letterAt(pieces, at);
  if (letter === null || letter.letters.length !== 1) return null;
  const cased = caseWord.upper ? letter.letters.toUpperCase() : letter.letters.toLowerCase();
  const word = letter.kind === 'single' || letter.kind === 'weak' ? wordStartedBy(pieces, letter) : -1;
  if (word !== -1 && NATO.get(pieces[word]!.lower) === letter.letters) {
    return { spans: [piecesSpan(cased, pieces[start]!, pieces[word]!)], next: word + 1 };
  }
  if (word !== -1) {
    const text = cased + pieces[word]!.lower.slice(1);
    return { spans: [piecesSpan(text, pieces[start]!, pieces[word]!)], next: word + 1 };
  }
  const confirmed = letter.kind === 'explicit' || (letter.kind === 'nato' && !caseWord.weak);
  if (!confirmed && (caseWord.weak || letter.kind === 'weak')) return null;
  return { spans: [piecesSpan(cased, pieces[start]!, pieces[letter.last]!)], next: letter.last + 1 };
}

/**
 * A word followed by the capital of its first letter, the other way people dictate a capital
 * ("river, capital R", "Kettle, with a capital K"): the word capitalised ("River", "Kettle") over
 * all the pieces, or null. The letter must not start a word or a spelled run of its own ("kettle,
 * capital r river", "password, capital p q 7").
 */
export function readWordThenCase(pieces: readonly Piece[], start: number): Read | null {
  // Pauses may come between: "river, capital R".
  let at = nextContent(pieces, start);
  if (at !== -1 && pieces[at]!.lower === 'with') {
    const article = nextWithoutPause(pieces, at);
    at = article !== -1 && pieces[article]!.lower === 'a' ? nextWithoutPause(pieces, article) : -1;
  }
  const caseWord = at === -1 ? null : caseWordAt(pieces, at);
  if (caseWord === null || caseWord.weak || !caseWord.upper) return null;
  const word = pieces[start]!;
  if (word.written !== null || word.text.length < 2 || !LETTERS_ONLY.test(word.text)) return null;
  if (isNumberWord(word.lower) || CASE_FIRST_WORDS.has(word.lower)) return null;
  const next = nextWithoutPause(pieces, caseWord.last);
  const letter = next === -1 ? null : letterAt(pieces, next);
  if (letter === null || letter.letters.length !== 1 || letter.letters.toLowerCase() !== word.lower[0]) {
    return null;
  }
  // The letter starts a dictation of its own when a word or more letters follow it ("password, capital p q 7").
  if (wordStartedBy(pieces, letter) !== -1 || startsLetterRun(pieces, letter)) return null;
  const text = word.text[0]!.toUpperCase() + word.text.slice(1);
  return { spans: [piecesSpan(text, word, pieces[letter.last]!)], next: letter.last + 1 };
}

/** True when another spelled letter follows the letter: the start of a run, not a case given to a word. */
function startsLetterRun(pieces: readonly Piece[], letter: Letter): boolean {
  const next = nextContent(pieces, letter.last);
  if (next === -1) return false;
  const piece = pieces[next]!;
  return piece.written === null && piece.text.length === 1 && isLetter(piece.text);
}

/** The case word at pieces[i] ("capital", "upper case") and its last piece, or null. */
function caseWordAt(pieces: readonly Piece[], i: number): (CaseWord & { last: number }) | null {
  if (!CASE_FIRST_WORDS.has(pieces[i]!.lower)) return null;
  const next = nextWithoutPause(pieces, i);
  const pair = next === -1 ? undefined : CASE_WORDS.get(`${pieces[i]!.lower} ${pieces[next]!.lower}`);
  if (pair !== undefined) return { ...pair, last: next };
  const single = CASE_WORDS.get(pieces[i]!.lower);
  return single === undefined ? null : { ...single, last: i };
}

/** Index of the word after a spelled letter that starts with that letter ("d dragon"), or -1. */
function wordStartedBy(pieces: readonly Piece[], letter: Letter): number {
  if (pieces[letter.last]!.pause === STRONG_PAUSE) return -1;
  const i = nextContent(pieces, letter.last);
  if (i === -1) return -1;
  const word = pieces[i]!;
  const isWord = word.written === null && word.text.length > 1 && LETTERS_ONLY.test(word.text);
  return isWord && !isNumberWord(word.lower) && word.lower[0] === letter.letters.toLowerCase() ? i : -1;
}
