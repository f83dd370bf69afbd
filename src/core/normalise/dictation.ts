/**
 * Dictated passwords and usernames → what the speaker would type: symbol names tie dictated items
 * together ("dragon dollar sign one nine nine two" → "dragon$1992"), letters and words a case word
 * cased (cased.ts: "capital d dragon" → "Dragon") mark a dictation, and digits and letters said
 * right after a dictated item join it ("Dragon 1992" → "Dragon1992"), and so do cased items said one
 * after another ("lowercase k, lowercase w" → "kw"). Plain words said side by side stay apart:
 * where a dictation ends is not known without a symbol or a case word between.
 */
import type { Atom, AtomRead } from './atoms.js';
import { isPlainDigits, makeAtom } from './atoms.js';
import { ADDRESS_STOPWORDS, DICTATED_SYMBOLS, WEAK_DICTATED_SYMBOLS } from './lexicon.js';
import type { Span } from './spans.js';
import { regexFor } from './view-regex.js';

/** Upper bound on the items of one dictation, so a long run of symbol names is read in linear time. */
const MAX_PARTS = 16;
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
/** Words naming the item being dictated: "username j p m underscore 83" starts at "j". */
const ITEM_NAMES: ReadonlySet<string> = new Set(['username', 'password', 'passcode', 'login', 'userid']);

/** First words of the symbol names: a cheap test before reading one. */
const SYMBOL_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...DICTATED_SYMBOLS.keys(), ...WEAK_DICTATED_SYMBOLS.keys()].map((name) => name.split(' ')[0]!),
);

/**
 * A dictation starting at atoms[start]: items ("segments") tied by symbol names, at least one of
 * them an item a case word made or one symbol name that is never an ordinary word. A segment is a
 * word, letter run, digit group or cased item, and the digit groups and letter runs said right
 * after it. Null when atoms[start] starts none, or only a cased item that is already one atom.
 */
export function readDictation(atoms: readonly Atom[], start: number): AtomRead | null {
  let i = segmentEnd(atoms, start);
  if (i === -1) return null;
  // Only a segment's head can be cased: tails are digit groups and letter runs.
  let marked = atoms[start]!.kind === 'dictated';
  const spans: Span[] = [];
  let from = start;
  for (let parts = 0; parts < MAX_PARTS; parts += 1) {
    if (casedJoins(atoms, start, i, parts) || restOfCasedWord(atoms, i)) {
      marked = true;
      i = segmentEnd(atoms, i);
      continue;
    }
    const symbol = symbolAt(atoms, i);
    const next = symbol === null ? -1 : segmentEnd(atoms, symbol.next);
    if (next === -1) break;
    marked ||= symbol!.strong || atoms[symbol!.next]!.kind === 'dictated';
    for (let k = from; k < i; k += 1) spans.push(...atoms[k]!.spans);
    spans.push(symbol!.span);
    from = symbol!.next;
    i = next;
  }
  if (!marked) return null;
  for (let k = from; k < i; k += 1) spans.push(...atoms[k]!.spans);
  // A symbol closing a marked dictation is its last character: "capital t r o u t 7 4 exclamation".
  const last = symbolAt(atoms, i);
  if (last !== null && segmentEnd(atoms, last.next) === -1) {
    spans.push(last.span);
    i = last.next;
  }
  if (i - start < 2) return null;
  return { atom: makeAtom('dictated', spans), next: i };
}

/** False when no dictation can be among the turn's atoms: each needs a cased item or a symbol name. */
export function mayHoldDictation(atoms: readonly Atom[]): boolean {
  for (const atom of atoms) {
    if (atom.kind === 'dictated' || (atom.kind === 'word' && SYMBOL_FIRST_WORDS.has(atom.lower))) return true;
  }
  return false;
}

/**
 * A cased item at atoms[i] continues the dictation without a symbol ("lowercase k, lowercase w" →
 * "kw") unless the dictation so far is one plain word: "password capital d dragon" keeps
 * "password" apart.
 */
function casedJoins(atoms: readonly Atom[], start: number, i: number, parts: number): boolean {
  return atoms[i]?.kind === 'dictated' && (parts > 0 || atoms[start]!.kind !== 'word');
}

/** A letter in lower case: the first character of a word said as the rest of a cased one. */
const LOWER_FIRST = /^\p{Ll}/u;
/** Words that lead on to the next item of a dictation ("capital r, then lowercase x"), not the rest of a word. */
const LEADS_ON: ReadonlySet<string> = new Set(['then', 'next', 'now', 'again', 'also', 'same', 'as', 'like']);

/**
 * A word in lower case at atoms[i] said right after a cased letter as the rest of its word
 * ("capital g, olden" → "Golden"), the way a password is described letter by letter.
 */
function restOfCasedWord(atoms: readonly Atom[], i: number): boolean {
  const letter = atoms[i - 1];
  const word = atoms[i];
  return (
    letter?.kind === 'dictated' &&
    letter.lower.length === 1 &&
    word?.kind === 'word' &&
    word.lower.length > 1 &&
    isSegmentHead(word) &&
    !LEADS_ON.has(word.lower) &&
    regexFor(LOWER_FIRST, word.spans[0]!.text).test(word.spans[0]!.text)
  );
}

/** The index after the segment starting at atoms[start], or -1 when none starts there. */
function segmentEnd(atoms: readonly Atom[], start: number): number {
  const head = atoms[start];
  if (head === undefined || !isSegmentHead(head)) return -1;
  let i = start + 1;
  while (i < atoms.length && i - start < MAX_PARTS && isSegmentTail(atoms[i]!)) i += 1;
  return i;
}

function isSegmentHead(atom: Atom): boolean {
  switch (atom.kind) {
    case 'word':
      return (
        !ADDRESS_STOPWORDS.has(atom.lower) &&
        !ITEM_NAMES.has(atom.lower) &&
        !SYMBOL_FIRST_WORDS.has(atom.lower) &&
        !DICTATED_SYMBOLS.has(atom.lower) &&
        regexFor(PLAIN_WORD, atom.lower).test(atom.lower)
      );
    case 'dictated':
      return true;
    case 'address':
      return false;
    case 'letters':
    case 'digits':
      return isSegmentTail(atom);
  }
}

function isSegmentTail(atom: Atom): boolean {
  return atom.kind === 'letters' || isPlainDigits(atom);
}

/** The symbol name at atoms[i] (one or two words), its symbol and whether it is never a word. */
function symbolAt(atoms: readonly Atom[], i: number): { span: Span; strong: boolean; next: number } | null {
  const first = atoms[i];
  if (first?.kind !== 'word' || !SYMBOL_FIRST_WORDS.has(first.lower)) return null;
  const second = atoms[i + 1];
  const pair = second?.kind === 'word' ? DICTATED_SYMBOLS.get(`${first.lower} ${second.lower}`) : undefined;
  if (pair !== undefined) return { span: symbolSpan(pair, first, second!), strong: true, next: i + 2 };
  const strong = DICTATED_SYMBOLS.get(first.lower);
  if (strong !== undefined) return { span: symbolSpan(strong, first, first), strong: true, next: i + 1 };
  const weak = WEAK_DICTATED_SYMBOLS.get(first.lower);
  return weak === undefined ? null : { span: symbolSpan(weak, first, first), strong: false, next: i + 1 };
}

function symbolSpan(symbol: string, first: Atom, last: Atom): Span {
  return { text: symbol, from: first.spans[0]!.from, to: last.spans[last.spans.length - 1]!.to };
}
