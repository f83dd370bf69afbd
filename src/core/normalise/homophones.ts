/**
 * Digit homophones: ASR writes a spoken digit as the word it sounds like ("six six seven for oh
 * nine", "too too one", "Z K M for 0 to 9 7 7 1 3"). Such a word is read as its digit only inside a
 * digit dictation — a run of single digits said one by one, with no pause and no other word between
 * (a homophone ending one needs a pause, the end of the turn or a word opening a new clause after it,
 * and three digits before it unless the run is the whole turn)
 * — so "I want to pay for 2 items", "two to three days" and "buy 2 for 1" keep their words. The pass
 * runs on a turn's pieces before digit groups are read, and rewrites `lower` of the pieces it reads
 * as digits ("for" → "four"), keeping their text and word index.
 */
import { CARDINALS, CLAUSE_OPENERS, MAYBE_ZERO_WORDS, NATO, NUMBER_LEADS, ZERO_WORDS } from './lexicon.js';
import { isWrittenDigit } from './numbers.js';
import type { Piece } from './tokens.js';
import { isLetter, nextContent, nextWithoutPause, previousContent } from './tokens.js';

/** Homophone → the digit word it is read as. "won" and "ate" only between two digits. */
const HOMOPHONES: ReadonlyMap<string, { digit: string; edge: boolean }> = new Map([
  ['for', { digit: 'four', edge: true }],
  ['fore', { digit: 'four', edge: true }],
  ['to', { digit: 'two', edge: true }],
  ['too', { digit: 'two', edge: true }],
  ['won', { digit: 'one', edge: false }],
  ['ate', { digit: 'eight', edge: false }],
]);

/** A homophone between digits needs this many digits and homophones in its run: "two to three" is a range. */
const MIN_MIDDLE_RUN = 4;
/** A run that starts with homophones needs this many items: "too too one", "for 4 8". */
const MIN_EDGE_RUN = 3;
/** Digits before a homophone that ends a run: "six six seven for." */
const MIN_DIGITS_BEFORE_TRAILING = 3;
/** Digits after a homophone that follows a word a number is given after: "the gate code to oh four seven". */
const MIN_DIGITS_AFTER_LEAD = 3;

/** Reads digit homophones inside digit dictations as digits, in place. Linear in the pieces. */
export function readDigitHomophones(pieces: Piece[]): Piece[] {
  let i = firstContent(pieces);
  while (i !== -1) {
    if (!isRunPiece(pieces[i]!)) {
      i = nextContent(pieces, i);
      continue;
    }
    const run = [i];
    for (
      let j = nextWithoutPause(pieces, i);
      j !== -1 && isRunPiece(pieces[j]!);
      j = nextWithoutPause(pieces, j)
    ) {
      run.push(j);
    }
    readRun(pieces, run);
    i = nextContent(pieces, run[run.length - 1]!);
  }
  return pieces;
}

/**
 * Reads the homophones of one run of digits and homophones: those between two digits when the run
 * is long enough, those before the first digit when the run follows a spelled letter or makes a
 * clause of its own, and those after the last digit when several digits came before and the clause
 * ends there.
 */
function readRun(pieces: Piece[], run: readonly number[]): void {
  const isDigit = run.map((k) => isDigitPiece(pieces[k]!));
  const firstDigit = isDigit.indexOf(true);
  if (firstDigit === -1) return;
  const lastDigit = isDigit.lastIndexOf(true);
  const clauseEnd = endsClause(pieces, run[run.length - 1]!);
  const leading = run.slice(0, firstDigit);
  const trailing = run.slice(lastDigit + 1);
  const digits = isDigit.filter(Boolean).length;
  // One group of a number said in groups with pauses between ("four four, nine to, one one").
  const grouped =
    digitAround(pieces, previousContent(pieces, run[0]!)) &&
    digitAround(pieces, nextContent(pieces, run[run.length - 1]!));
  // The first group of a number said in groups, a clause of its own of two digits or more and a
  // homophone ("six oh for, one nine, …"): more digits follow the pause.
  const firstGroup =
    digits >= 2 &&
    clauseEnd &&
    startsClause(pieces, run[0]!) &&
    digitAround(pieces, nextContent(pieces, run[run.length - 1]!));
  // A group written as one ("064") only ends a run with a homophone: "number to 503 555" keeps its word.
  const written = run.some((k) => isWrittenGroup(pieces[k]!));
  const start =
    !written &&
    leading.length > 0 &&
    leading.every((k) => readsAtEdge(pieces[k]!)) &&
    ((run.length >= MIN_EDGE_RUN &&
      ((startsClause(pieces, run[0]!) && clauseEnd) ||
        afterLetter(pieces, run[0]!) ||
        (digits >= MIN_DIGITS_AFTER_LEAD && afterNumberLead(pieces, run[0]!, digits)))) ||
      grouped)
      ? 0
      : firstDigit;
  const end =
    trailing.length > 0 &&
    trailing.every((k) => readsAtEdge(pieces[k]!)) &&
    ((clauseEnd &&
      (digits >= MIN_DIGITS_BEFORE_TRAILING ||
        (wholeTurn(pieces, run) && (digits >= 2 || echoesDigit(pieces, run, lastDigit))))) ||
      grouped ||
      firstGroup ||
      zeroBeforeNumber(pieces, run))
      ? run.length
      : lastDigit + 1;
  const middle = !written && end - start >= MIN_MIDDLE_RUN;
  for (let k = start; k < end; k += 1) {
    const piece = pieces[run[k]!]!;
    const between = k > firstDigit && k < lastDigit;
    if (!isDigit[k] && (middle || !between)) piece.lower = HOMOPHONES.get(piece.lower)!.digit;
  }
}

/**
 * "Oh" and one homophone said straight before a number: a month and a year ("o for twenty
 * nine", "oh to thirty"), where the zero said first makes the homophone a digit.
 */
function zeroBeforeNumber(pieces: readonly Piece[], run: readonly number[]): boolean {
  if (run.length !== 2) return false;
  const first = pieces[run[0]!]!;
  // "oh", not "zero": "zero to sixty" is a speed.
  if (first.written !== null || !MAYBE_ZERO_WORDS.has(first.lower)) return false;
  const next = nextWithoutPause(pieces, run[1]!);
  if (next === -1) return false;
  const piece = pieces[next]!;
  return piece.written !== null ? /^\d+$/.test(piece.written) : CARDINALS.has(piece.lower);
}

/**
 * The homophone after the last digit says that digit again ("four for", "two too"): a doubled digit
 * the recogniser wrote twice over, as a piece of a number said in turns.
 */
function echoesDigit(pieces: readonly Piece[], run: readonly number[], lastDigit: number): boolean {
  const after = run[lastDigit + 1];
  if (after === undefined) return false;
  const digit = pieces[run[lastDigit]!]!;
  const value = digit.written ?? String(CARDINALS.get(digit.lower)?.value);
  return String(CARDINALS.get(HOMOPHONES.get(pieces[after]!.lower)!.digit)?.value) === value;
}

/** The run is the whole turn: a bare answer such as "four one to", where two digits are enough. */
function wholeTurn(pieces: readonly Piece[], run: readonly number[]): boolean {
  return previousContent(pieces, run[0]!) === -1 && nextContent(pieces, run[run.length - 1]!) === -1;
}

function readsAtEdge(piece: Piece): boolean {
  return HOMOPHONES.get(piece.lower)!.edge;
}

function isRunPiece(piece: Piece): boolean {
  return isDigitPiece(piece) || (piece.written === null && HOMOPHONES.has(piece.lower));
}

/** Several digits written as one word ("064"): a number written in groups ends with a homophone too ("9578 064 to"). */
function isWrittenGroup(piece: Piece): boolean {
  return piece.written !== null && piece.written.length > 1 && /^\d+$/.test(piece.written);
}

/** A single digit said or written on its own ("five", "oh", "zero", "5"), or a written group. */
function isDigitPiece(piece: Piece): boolean {
  if (piece.written !== null) return isWrittenDigit(piece) || isWrittenGroup(piece);
  if (ZERO_WORDS.has(piece.lower) || MAYBE_ZERO_WORDS.has(piece.lower)) return true;
  return CARDINALS.get(piece.lower)?.class === 'unit';
}

/** Nothing before pieces[i] in the turn, or a pause right before it. */
function startsClause(pieces: readonly Piece[], i: number): boolean {
  const before = previousContent(pieces, i);
  return before === -1 || nextWithoutPause(pieces, before) !== i;
}

/** Nothing after pieces[i] in the turn, a pause right after it, or a word that opens a new clause. */
function endsClause(pieces: readonly Piece[], i: number): boolean {
  const next = nextContent(pieces, i);
  return next === -1 || nextWithoutPause(pieces, i) === -1 || CLAUSE_OPENERS.has(pieces[next]!.lower);
}

/** A spelled letter (not "a" or "I") right before pieces[i], as in an identifier "Z K M for 0…". */
function afterLetter(pieces: readonly Piece[], i: number): boolean {
  const before = previousContent(pieces, i);
  if (before === -1 || nextWithoutPause(pieces, before) !== i) return false;
  const piece = pieces[before]!;
  if (piece.written !== null) return false;
  if (NATO.has(piece.lower)) return true;
  return piece.text.length === 1 && isLetter(piece.text) && piece.lower !== 'a' && piece.lower !== 'i';
}

/** True when pieces[i] exists and is a single digit: the neighbouring group of a grouped number. */
function digitAround(pieces: readonly Piece[], i: number): boolean {
  return i !== -1 && isDigitPiece(pieces[i]!);
}

/** Leads that say "is": any number may follow them. */
const COPULA_LEADS: ReadonlySet<string> = new Set(['is', "it's", 'its', "that's", 'was']);
/** Most digits after a naming lead ("code", "number"): a code, a PIN or a ZIP, not a phone number. */
const MAX_DIGITS_AFTER_NAMING_LEAD = 6;

/**
 * A word a number is given after ("code", "it's") right before pieces[i]: "the gate code to oh four
 * …". After a naming word, only a code-sized number: "send a code to" or "change my number to" a
 * phone number is the preposition.
 */
function afterNumberLead(pieces: readonly Piece[], i: number, digits: number): boolean {
  const before = previousContent(pieces, i);
  if (before === -1 || nextWithoutPause(pieces, before) !== i) return false;
  const lead = pieces[before]!.lower;
  return COPULA_LEADS.has(lead) || (NUMBER_LEADS.has(lead) && digits <= MAX_DIGITS_AFTER_NAMING_LEAD);
}

function firstContent(pieces: readonly Piece[]): number {
  return pieces.length > 0 && !pieces[0]!.filler ? 0 : nextContent(pieces, 0);
}
