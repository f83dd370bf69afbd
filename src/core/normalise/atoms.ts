/**
 * Second pass of normalisation: a turn's pieces become atoms, the space-separated items of the
 * view. A digit group, a spelled letter run, a month and every other word are one atom each.
 */
import { monthAt } from './dates.js';
import { readCasedLetter, readWordThenCase } from './cased.js';
import { NATO } from './lexicon.js';
import { readLetterRun } from './letters.js';
import { readNumberGroup } from './numbers.js';
import type { Read, Span } from './spans.js';
import { pieceSpan } from './spans.js';
import type { Piece } from './tokens.js';

/**
 * digits: a digit group, spoken or written ("4111", "$49.99", "04/27"); letters: a spelled letter
 * run ("KWONG"); address: an email address or host name; dictated: a letter or word with a spoken
 * case, or dictated items tied by symbol names ("Dragon", "Dragon$1992"); word: anything else.
 */
export type AtomKind = 'word' | 'digits' | 'letters' | 'address' | 'dictated';

export interface Atom {
  kind: AtomKind;
  /** The atom's characters, in order. */
  spans: Span[];
  /** The whole text in lower case, for lexicon checks. */
  lower: string;
}

/** An atom a reader built from the items from its start up to, not including, `next`. */
export interface AtomRead {
  atom: Atom;
  next: number;
}

export function makeAtom(kind: AtomKind, spans: Span[]): Atom {
  let text = '';
  for (const span of spans) text += span.text;
  return { kind, spans, lower: text.toLowerCase() };
}

const PLAIN_DIGITS = /^\d+$/;

/** A digit group of digits only (no sign, separator or percent). */
export function isPlainDigits(atom: Atom): boolean {
  return atom.kind === 'digits' && PLAIN_DIGITS.test(atom.lower);
}

/** Groups a turn's pieces into atoms. Fillers produce none. */
export function toAtoms(pieces: readonly Piece[]): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i]!;
    if (piece.filler) {
      i += 1;
      continue;
    }
    // A number the recogniser wrote in digits stays its own group, as written, unless it is one of
    // several digits written one by one ("9 0 4" → "904", read like a spoken group).
    if (piece.written !== null) {
      const group = readNumberGroup(pieces, i);
      atoms.push(makeAtom('digits', group?.spans ?? [pieceSpan(piece.written, piece)]));
      i = group?.next ?? i + 1;
      continue;
    }
    const read = readItem(pieces, i);
    if (read) {
      atoms.push(makeAtom(read.kind, read.spans));
      i = read.next;
      continue;
    }
    const month = monthAt(pieces, i);
    atoms.push(makeAtom('word', [pieceSpan(month ?? piece.text, piece)]));
    i += 1;
  }
  spellLoneNatoWords(atoms);
  return atoms;
}

/** The digit group, cased letter or letter run starting at pieces[i], or null. */
function readItem(pieces: readonly Piece[], i: number): (Read & { kind: AtomKind }) | null {
  const digits = readNumberGroup(pieces, i);
  if (digits) return { ...digits, kind: 'digits' };
  const cased = readCasedLetter(pieces, i) ?? readWordThenCase(pieces, i);
  if (cased) return { ...cased, kind: 'dictated' };
  const letters = readLetterRun(pieces, i);
  return letters && { ...letters, kind: 'letters' };
}

/**
 * A NATO word alone is a word ("golf", "november 5"), unless it is part of an identifier spoken
 * as digit groups and spelled letters: "lima one seven nine echo zulu" → "L 179 EZ". Such an
 * identifier is a run of adjacent digit groups, letter runs and NATO words holding at least one of
 * each of the first two.
 */
function spellLoneNatoWords(atoms: Atom[]): void {
  let start = 0;
  while (start < atoms.length) {
    if (!isIdentifierPart(atoms[start]!)) {
      start += 1;
      continue;
    }
    let end = start;
    let digits = false;
    let letters = false;
    for (; end < atoms.length && isIdentifierPart(atoms[end]!); end += 1) {
      digits ||= atoms[end]!.kind === 'digits';
      letters ||= atoms[end]!.kind === 'letters';
    }
    if (digits && letters) {
      for (let k = start; k < end; k += 1) {
        const atom = atoms[k]!;
        const letter = atom.kind === 'word' ? NATO.get(atom.lower) : undefined;
        if (letter !== undefined) atoms[k] = makeAtom('letters', [{ ...atom.spans[0]!, text: letter }]);
      }
    }
    start = end;
  }
}

function isIdentifierPart(atom: Atom): boolean {
  return atom.kind === 'letters' || isPlainDigits(atom) || (atom.kind === 'word' && NATO.has(atom.lower));
}
