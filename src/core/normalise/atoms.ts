/**
 * Second pass of normalisation: a turn's pieces become atoms, the space-separated items of the
 * view. A digit group, a spelled letter run, a month and every other word are one atom each.
 */
import { monthAt } from './dates.js';
import { readLetterRun } from './letters.js';
import { readNumberGroup } from './numbers.js';
import type { Span } from './spans.js';
import { pieceSpan } from './spans.js';
import type { Piece } from './tokens.js';

/**
 * digits: a digit group, spoken or written ("4111", "$49.99", "04/27"); letters: a spelled letter
 * run ("KWONG"); address: an email address or host name; word: anything else.
 */
export type AtomKind = 'word' | 'digits' | 'letters' | 'address';

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
    // A number the recogniser wrote in digits stays its own group, as written.
    if (piece.written !== null) {
      atoms.push(makeAtom('digits', [pieceSpan(piece.written, piece)]));
      i += 1;
      continue;
    }
    const digits = readNumberGroup(pieces, i);
    const letters = digits ? null : readLetterRun(pieces, i);
    const read = digits ?? letters;
    if (read) {
      atoms.push(makeAtom(digits ? 'digits' : 'letters', read.spans));
      i = read.next;
      continue;
    }
    const month = monthAt(pieces, i);
    atoms.push(makeAtom('word', [pieceSpan(month ?? piece.text, piece)]));
    i += 1;
  }
  return atoms;
}
