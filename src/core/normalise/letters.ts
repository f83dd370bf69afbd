/**
 * Spelled letters → one upper-case run: "k w o n g", "K. W. O. N. G.", "kilo whiskey oscar",
 * "s as in sam", "U.S.A" all spell letters. A run needs two letters or more, except that an
 * "X as in word" letter stands alone; "a" and "I" join a run only next to another single letter,
 * so "I booked a hotel" keeps its words. "oh" between two letters of a run is the letter O
 * ("j oh h n" → "JOHN"). Letter names an engine may print ("gee bee", "kay") are letters inside a
 * dictation of digits and letters.
 */
import { NATO, REPEATERS } from './lexicon.js';
import type { Read } from './spans.js';
import { piecesSpan } from './spans.js';
import type { Pause, Piece } from './tokens.js';
import {
  NO_PAUSE,
  STRONG_PAUSE,
  isLetter,
  isNumberPiece,
  nextContent,
  nextWithoutPause,
  previousContent,
} from './tokens.js';

/**
 * single: a one-letter word; weak: a bare "a" or "I", which are usually words; nato: a spelling
 * alphabet word; explicit: a form that can only be spelling ("b as in bravo", "U.S.A").
 */
export type LetterKind = 'single' | 'weak' | 'nato' | 'explicit';

/** One spelled letter (or an initialism's letters), with the pieces it used. */
export interface Letter {
  letters: string;
  kind: LetterKind;
  /** First and last piece used. */
  first: number;
  last: number;
  /** Pause written after the letter's last piece. */
  pause: Pause;
}

const INITIALISM = /^[a-z](?:\.[a-z])+$/i;

/** Reads the spelled letter run starting at pieces[start], or null when none starts there. */
export function readLetterRun(pieces: readonly Piece[], start: number): Read | null {
  const first = letterAt(pieces, start);
  if (first === null || articleOfHint(pieces, first)) return null;
  const run: Letter[] = [first];
  for (let letter = first; !endsRun(pieces, run, letter);) {
    const next = nextContent(pieces, letter.last);
    const following = next === -1 ? null : (letterAt(pieces, next) ?? ohBetweenLetters(pieces, next));
    if (following === null) break;
    run.push(following);
    letter = following;
  }
  if (first.kind === 'weak' && !joinsRun(run[1], first)) return null;
  while (
    run.length > 1 &&
    run[run.length - 1]!.kind === 'weak' &&
    !joinsRun(run[run.length - 2], run[run.length - 1]!)
  ) {
    run.pop();
  }
  // "E for echo, K for kilo. Echo kilo …": the letters said again are a run of their own.
  const restated = restatedAt(run);
  if (restated > 0) run.length = restated;
  if (!isRun(run, pieces)) return null;
  return {
    spans: run.map((letter) => piecesSpan(letter.letters, pieces[letter.first]!, pieces[letter.last]!)),
    next: run[run.length - 1]!.last + 1,
  };
}

/** Words a spelling hint says before its letter: "Sian with an i", "it ends with a y". */
const HINT_WORDS: ReadonlySet<string> = new Set(['with', 'without']);

/** "a" said as the article of a spelling hint ("with a k"), not a letter of its own. */
function articleOfHint(pieces: readonly Piece[], letter: Letter): boolean {
  if (letter.kind !== 'weak' || pieces[letter.first]!.lower !== 'a') return false;
  const before = previousContent(pieces, letter.first);
  return before !== -1 && HINT_WORDS.has(pieces[before]!.lower);
}

/**
 * Where a run starts its letters over in another spelling, as a caller confirms letters ("E for
 * echo, K for kilo … echo kilo"): the length of the first saying, or 0. Two letters or more, so
 * "B, bravo" stays one letter's worth of run and "double a" stays apart.
 */
function restatedAt(run: readonly Letter[]): number {
  for (let k = 1; k * 2 <= run.length; k += 1) {
    const first = run.slice(0, k);
    const again = run.slice(k, 2 * k);
    const letters = first.map((letter) => letter.letters).join('');
    if (
      letters.length >= 2 &&
      letters === again.map((letter) => letter.letters).join('') &&
      first.map((letter) => letter.kind).join() !== again.map((letter) => letter.kind).join()
    ) {
      return k;
    }
  }
  return 0;
}

/**
 * A strong pause ends a run, and so does a full stop after a letter when the letter before it had
 * none: "H W. L S" is two runs, while "K. W. O. N. G." is spelled with dots throughout.
 */
function endsRun(pieces: readonly Piece[], run: readonly Letter[], letter: Letter): boolean {
  if (letter.pause === STRONG_PAUSE) return true;
  const before = run[run.length - 2];
  return before !== undefined && pieces[letter.last]!.dotted && !pieces[before.last]!.dotted;
}

/** A weak letter stays in the run only beside a single or explicit letter with no pause between. */
function joinsRun(neighbour: Letter | undefined, weak: Letter): boolean {
  if (neighbour === undefined || neighbour.kind === 'nato') return false;
  const pauseBetween = neighbour.first < weak.first ? neighbour.pause : weak.pause;
  return pauseBetween === NO_PAUSE;
}

/**
 * Two letters or more make a run, or one explicit letter, or one letter between two numbers. Bare
 * "a"s and "I"s alone ("I a") are words, unless a number is spoken beside them, as in codes ("one a
 * a" → "1 AA").
 */
function isRun(run: readonly Letter[], pieces: readonly Piece[]): boolean {
  if (run.some((letter) => letter.kind === 'explicit')) return true;
  // One letter between two numbers is a letter of an identifier: "… 0 4 1 2 7 j 9 9 …".
  if (run.length < 2) return run[0]!.kind === 'single' && numbersAround(pieces, run[0]!.first, run[0]!.last);
  return (
    run.some((letter) => letter.kind !== 'weak') ||
    numberBeside(pieces, run[0]!.first, run[run.length - 1]!.last)
  );
}

function numbersAround(pieces: readonly Piece[], first: number, last: number): boolean {
  const before = previousContent(pieces, first);
  const after = nextContent(pieces, last);
  return before !== -1 && isNumberPiece(pieces[before]!) && after !== -1 && isNumberPiece(pieces[after]!);
}

function numberBeside(pieces: readonly Piece[], first: number, last: number): boolean {
  const before = previousContent(pieces, first);
  const after = nextContent(pieces, last);
  return (before !== -1 && isNumberPiece(pieces[before]!)) || (after !== -1 && isNumberPiece(pieces[after]!));
}

/** "oh" is the letter O when a letter follows it without a strong pause (the caller has one before it). */
function ohBetweenLetters(pieces: readonly Piece[], i: number): Letter | null {
  const piece = pieces[i]!;
  if (piece.lower !== 'oh' || piece.pause === STRONG_PAUSE) return null;
  const next = nextContent(pieces, i);
  if (next === -1 || letterAt(pieces, next) === null) return null;
  return { letters: 'O', kind: 'single', first: i, last: i, pause: piece.pause };
}

/** The letter spelled at pieces[i] ("k", "kilo", "k as in king", "U.S.A"; "double a" → AA), or null. */
export function letterAt(pieces: readonly Piece[], i: number): Letter | null {
  const piece = pieces[i]!;
  if (piece.written !== null) return null;
  const times = REPEATERS.get(piece.lower);
  if (times !== undefined) {
    const next = nextWithoutPause(pieces, i);
    const letter = next === -1 ? null : letterAt(pieces, next);
    // "double o" is two zeros (numbers.ts); "double u" is the letter W when more is dictated after it.
    if (letter?.letters === 'U' && times === 2 && dictatedAfter(pieces, letter.last)) {
      return { ...letter, letters: 'W', kind: 'explicit', first: i };
    }
    if (letter === null || letter.letters.length !== 1 || letter.letters === 'O' || letter.letters === 'U') {
      return null;
    }
    return { ...letter, letters: letter.letters.repeat(times), kind: 'explicit', first: i };
  }
  if (piece.text.length === 1 && isLetter(piece.text)) {
    const letter = piece.text.toUpperCase();
    const spelled = readAsIn(pieces, i, letter);
    if (spelled !== -1)
      return { letters: letter, kind: 'explicit', first: i, last: spelled, pause: pieces[spelled]!.pause };
    const weak = (letter === 'A' || letter === 'I') && !piece.dotted;
    return { letters: letter, kind: weak ? 'weak' : 'single', first: i, last: i, pause: piece.pause };
  }
  const nato = NATO.get(piece.lower);
  if (nato !== undefined) return { letters: nato, kind: 'nato', first: i, last: i, pause: piece.pause };
  const named = LETTER_NAMES.get(piece.lower);
  if (named !== undefined && inDictation(pieces, i)) {
    // A rare word said among digits is a letter as surely as "b as in bravo" is ("kay 3 6 2 …").
    const kind = COMMON_LETTER_NAMES.has(piece.lower) ? 'single' : 'explicit';
    return { letters: named, kind, first: i, last: i, pause: piece.pause };
  }
  // Only a dot after the first letter can start one: most words skip the expression.
  if (piece.text[1] === '.' && INITIALISM.test(piece.text)) {
    return {
      letters: piece.text.replaceAll('.', '').toUpperCase(),
      kind: 'explicit',
      first: i,
      last: i,
      pause: piece.pause,
    };
  }
  return null;
}

/**
 * Letters written as the word an engine hears ("gee bee eight two …", "kay el nine …"), as some
 * engines that write lower case print a spelled identifier. Most are words too ("see", "are"), so
 * they are letters only inside a dictation (see inDictation).
 */
const LETTER_NAMES: ReadonlyMap<string, string> = new Map([
  ['bee', 'B'],
  ['see', 'C'],
  ['cee', 'C'],
  ['dee', 'D'],
  ['ef', 'F'],
  ['eff', 'F'],
  ['gee', 'G'],
  ['aitch', 'H'],
  ['haitch', 'H'],
  ['eye', 'I'],
  ['jay', 'J'],
  ['kay', 'K'],
  ['el', 'L'],
  ['ell', 'L'],
  ['em', 'M'],
  ['en', 'N'],
  ['pee', 'P'],
  ['cue', 'Q'],
  ['queue', 'Q'],
  ['are', 'R'],
  ['ess', 'S'],
  ['es', 'S'],
  ['tee', 'T'],
  ['you', 'U'],
  ['vee', 'V'],
  ['ex', 'X'],
  ['why', 'Y'],
  ['zed', 'Z'],
  ['zee', 'Z'],
]);
/**
 * Letter names that are everyday words ("I see", "are you"): letters only with a dictated piece
 * right before and after them, or a letter right after them ("see aitch 9 2 …").
 */
const COMMON_LETTER_NAMES: ReadonlySet<string> = new Set(['see', 'are', 'you', 'why', 'cue']);

/** Fewest pieces, and fewest numbers among them, of a dictation a letter name is read in. */
const MIN_DICTATION_PIECES = 4;
const MIN_DICTATION_NUMBERS = 2;
/** How far the dictation around a letter name is looked through, each way. */
const DICTATION_REACH = 24;

/** A piece that can be part of a dictated identifier: a number, a single letter, a NATO word or a letter name. */
function dictated(piece: Piece): boolean {
  return (
    isNumberPiece(piece) ||
    (piece.text.length === 1 && isLetter(piece.text)) ||
    NATO.has(piece.lower) ||
    LETTER_NAMES.has(piece.lower)
  );
}

/** A dictated piece follows pieces[i] with no strong pause ("double u 5 …", not "a double u turn"). */
function dictatedAfter(pieces: readonly Piece[], i: number): boolean {
  const next = pieces[i]!.pause === STRONG_PAUSE ? -1 : nextContent(pieces, i);
  return next !== -1 && dictated(pieces[next]!);
}

/** A piece that spells a letter: a single letter but "a" and "I", a NATO word, or a rare letter name. */
function spellsLetter(piece: Piece): boolean {
  if (piece.text.length === 1) return isLetter(piece.text) && piece.lower !== 'a' && piece.lower !== 'i';
  return NATO.has(piece.lower) || (LETTER_NAMES.has(piece.lower) && !COMMON_LETTER_NAMES.has(piece.lower));
}

/**
 * The letter name at pieces[i] is inside a dictation: a stretch of dictated pieces with no strong
 * pause, of MIN_DICTATION_PIECES or more with MIN_DICTATION_NUMBERS numbers ("gee bee eight two
 * double you ee", not "I see you at 5"); a common one (COMMON_LETTER_NAMES) also needs a dictated
 * piece right before it, or a letter right after it.
 */
function inDictation(pieces: readonly Piece[], i: number): boolean {
  const before: number[] = [];
  for (
    let j = previousContent(pieces, i), k = 0;
    j !== -1 && k < DICTATION_REACH;
    j = previousContent(pieces, j), k += 1
  ) {
    if (pieces[j]!.pause === STRONG_PAUSE || !dictated(pieces[j]!)) break;
    before.push(j);
  }
  const after: number[] = [];
  for (let j = i, k = 0; k < DICTATION_REACH && pieces[j]!.pause !== STRONG_PAUSE; k += 1) {
    j = nextContent(pieces, j);
    if (j === -1 || !dictated(pieces[j]!)) break;
    after.push(j);
  }
  if (COMMON_LETTER_NAMES.has(pieces[i]!.lower)) {
    const left =
      before.length > 0 && (isNumberPiece(pieces[before[0]!]!) || spellsLetter(pieces[before[0]!]!));
    if (after.length === 0 || (!left && !spellsLetter(pieces[after[0]!]!))) return false;
  }
  const numbers = [...before, ...after].filter((j) => isNumberPiece(pieces[j]!)).length;
  return 1 + before.length + after.length >= MIN_DICTATION_PIECES && numbers >= MIN_DICTATION_NUMBERS;
}

/**
 * "s as in sam", "b for bravo": the index of the example word when the letter at pieces[i] is
 * spelled this way (the word must start with the letter), else -1.
 */
function readAsIn(pieces: readonly Piece[], i: number, letter: string): number {
  const next = nextContent(pieces, i);
  if (next === -1) return -1;
  let example = -1;
  if (pieces[next]!.lower === 'for') example = nextContent(pieces, next);
  else if (pieces[next]!.lower === 'as') {
    const inWord = nextContent(pieces, next);
    if (inWord !== -1 && pieces[inWord]!.lower === 'in') example = nextContent(pieces, inWord);
  }
  if (example === -1) return -1;
  const word = pieces[example]!;
  const startsWithLetter =
    word.written === null && word.text.length > 1 && word.lower[0] === letter.toLowerCase();
  return startsWithLetter ? example : -1;
}
