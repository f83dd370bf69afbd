/**
 * Third pass of normalisation: joins atoms that spoken symbols tie together. Email addresses and
 * host names (email.ts); digit groups joined by "dash"/"hyphen" (-), "slash" (/), "dot"/"point" (.)
 * as in "oh four slash twenty seven" → "04/27" and "one nine two dot one six eight…" → "192.168…";
 * "plus" before a phone number's digits → "+447…"; and dictated passwords tied by symbol names
 * (dictation.ts: "dragon dollar sign one nine" → "dragon$19").
 */
import type { Atom, AtomRead } from './atoms.js';
import { makeAtom } from './atoms.js';
import { mayHoldDictation, readDictation } from './dictation.js';
import { mayHoldAddress, readAddress } from './email.js';
import type { Span } from './spans.js';

const DIGIT_SEPARATORS = new Map([
  ['dash', '-'],
  ['hyphen', '-'],
  ['slash', '/'],
  // A written slash the engine set apart: "23 / 8 / 90".
  ['/', '/'],
  ['dot', '.'],
  ['point', '.'],
  ['period', '.'],
]);

/** Digits, possibly joined by spoken separators: what may follow a spoken "plus". */
const PHONE_DIGITS = /^\d[\d./-]*$/;

/** The turn's atoms with spoken symbols joined into the atoms they connect. */
export function composeAtoms(atoms: readonly Atom[]): Atom[] {
  const out: Atom[] = [];
  // Addresses and dictations are tried at every atom: asked once per turn whether one can start.
  const addresses = mayHoldAddress(atoms);
  const dictations = mayHoldDictation(atoms);
  let i = 0;
  while (i < atoms.length) {
    const composed =
      (addresses ? readAddress(atoms, i) : null) ??
      readDigitChain(atoms, i) ??
      readPlus(atoms, i, out[out.length - 1]) ??
      (dictations ? readDictation(atoms, i) : null);
    if (composed) {
      out.push(composed.atom);
      i = composed.next;
    } else {
      out.push(atoms[i]!);
      i += 1;
    }
  }
  return out;
}

/** Digit groups joined by spoken separators, or null when atoms[start] starts no such chain. */
function readDigitChain(atoms: readonly Atom[], start: number): AtomRead | null {
  if (atoms[start]!.kind !== 'digits' || separatorAfter(atoms, start) === undefined) return null;
  const spans: Span[] = [...atoms[start]!.spans];
  let i = start;
  for (let symbol = separatorAfter(atoms, i); symbol !== undefined; symbol = separatorAfter(atoms, i)) {
    const word = atoms[i + 1]!.spans[0]!;
    spans.push({ text: symbol, from: word.from, to: word.to }, ...atoms[i + 2]!.spans);
    i += 2;
  }
  return { atom: makeAtom('digits', spans), next: i + 1 };
}

/** The symbol of a spoken separator between atoms[i] and a digit group after it, if there is one. */
function separatorAfter(atoms: readonly Atom[], i: number): string | undefined {
  const separator = atoms[i + 1];
  if (separator?.kind !== 'word' || atoms[i + 2]?.kind !== 'digits') return undefined;
  return DIGIT_SEPARATORS.get(separator.lower);
}

/**
 * "plus" then a phone number's digits: a digit group of two digits or more, or a single digit that
 * more digit groups follow ("plus 1 555…"). Not after digits, so "two plus two" stays arithmetic,
 * and not before a lone digit ("zip plus 4").
 */
function readPlus(atoms: readonly Atom[], start: number, previous: Atom | undefined): AtomRead | null {
  const plus = atoms[start]!;
  if (plus.kind !== 'word' || plus.lower !== 'plus' || previous?.kind === 'digits') return null;
  const number = readDigitChain(atoms, start + 1) ?? plainDigits(atoms, start + 1);
  if (number === null || !PHONE_DIGITS.test(number.atom.lower)) return null;
  const followed = atoms[number.next]?.kind === 'digits';
  if (number.atom.lower.length < 2 && !followed) return null;
  const word = plus.spans[0]!;
  return {
    atom: makeAtom('digits', [{ text: '+', from: word.from, to: word.to }, ...number.atom.spans]),
    next: number.next,
  };
}

function plainDigits(atoms: readonly Atom[], i: number): AtomRead | null {
  const atom = atoms[i];
  return atom?.kind === 'digits' ? { atom, next: i + 1 } : null;
}
