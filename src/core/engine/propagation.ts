/**
 * Propagation: a value found once is sensitive wherever else it is spoken in the call, by either
 * party. This is how the agent's read-back of a card, a name or an email is caught.
 * Values are compared on a compact key (lower-case letters and digits only) of the words said and
 * of the normalised value, so "4111 1111" in one place matches "4111-1111" in another, and matches
 * must start and end on word boundaries.
 */
import type { Finding } from '../detection.js';
import type { StreamView, TurnSpan } from '../normalise/view.js';

export const PROPAGATION_RECOGNIZER = 'propagation';
/** Keys shorter than this (in letters and digits) are too common to chase through a call. */
const MIN_KEY_LENGTH = 4;
/** A piece of a multi-turn item ("4111 1111" of a card) needs more to be chased on its own. */
const MIN_PIECE_KEY_LENGTH = 6;
/** Types that only mean something in the context they were found in. */
const NOT_PROPAGATED = new Set(['PAYMENT_DIGITS']);
/** A capital followed by a lower-case letter: a word written with a capital, not a spelled run. */
const CAPITALISED = /\p{Lu}\p{Ll}/u;

interface CompactText {
  /** Lower-case letters and digits of the view's text. */
  key: string;
  /** Position in view.text of each character of key. */
  positions: Int32Array;
}

interface Needle {
  key: string;
  /**
   * The value was written with a capital starting a word ("Will" the name, not "will"): an occurrence
   * must have one too. Capitals only (a spelled run, "KWONG") prove nothing: the normaliser writes
   * every spelled run that way, so a read-back in words ("kwong") still counts.
   */
  needsCapital: boolean;
  source: Finding;
}

export function propagate(views: readonly StreamView[], findings: readonly Finding[]): Finding[] {
  const needles = collectNeedles(findings);
  if (needles.length === 0) return [];
  const added: Finding[] = [];
  for (const view of views) {
    const compact = compactText(view.text);
    for (const needle of needles) {
      for (let at = compact.key.indexOf(needle.key); at >= 0; at = compact.key.indexOf(needle.key, at + 1)) {
        const charStart = compact.positions[at]!;
        const charEnd = compact.positions[at + needle.key.length - 1]! + 1;
        const { source } = needle;
        if (
          !onWordBoundaries(view.text, charStart, charEnd) &&
          !gluedToSource(view, source, charStart, charEnd)
        )
          continue;
        const text = view.text.slice(charStart, charEnd);
        if (needle.needsCapital && !/\p{Lu}/u.test(text)) continue;
        if (source.view === view && source.charStart === charStart && source.charEnd === charEnd) continue;
        added.push({
          recognizer: PROPAGATION_RECOGNIZER,
          type: source.type,
          view,
          charStart,
          charEnd,
          score: source.score,
          value: text,
          reasons: ['propagated', `from:${source.recognizer}`],
        });
      }
    }
  }
  return added;
}

/** One needle per distinct key: each finding's whole value, and each turn's piece of a multi-turn one. */
function collectNeedles(findings: readonly Finding[]): Needle[] {
  const byKey = new Map<string, Needle>();
  const add = (text: string, source: Finding, minLength = MIN_KEY_LENGTH): void => {
    const key = compactKey(text);
    if (key.length < minLength || byKey.has(key)) return;
    // Case tells a name from a word ("Will" / "will"), not an identifier with digits: a lower-case
    // transcript writes "YLH 8200" as "ylh 8200".
    byKey.set(key, { key, needsCapital: CAPITALISED.test(text) && !/\p{N}/u.test(text), source });
  };
  for (const finding of findings) {
    if (NOT_PROPAGATED.has(finding.type)) continue;
    const text = finding.view.text.slice(finding.charStart, finding.charEnd);
    add(text, finding);
    // The value as normalised, when it drops words said with it ("RT 4 RT 4409172 okay 55" →
    // "RT440917255"): the read-back says the value, not the false start and the "mm-hmm".
    add(finding.value, finding);
    // The turns the finding overlaps: from the first ending after its start (turns are in text order).
    const { turns } = finding.view;
    for (let t = firstTurnEndingAfter(turns, finding.charStart); t < turns.length; t += 1) {
      const span = turns[t]!;
      if (span.charStart >= finding.charEnd) break;
      const piece = finding.view.text.slice(
        Math.max(span.charStart, finding.charStart),
        Math.min(span.charEnd, finding.charEnd),
      );
      if (piece.length < text.length) add(piece, finding, MIN_PIECE_KEY_LENGTH);
    }
  }
  return [...byKey.values()];
}

/** Index of the first turn ending after charPos (turns are in text order), or turns.length. */
function firstTurnEndingAfter(turns: readonly TurnSpan[], charPos: number): number {
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (turns[mid]!.charEnd <= charPos) low = mid + 1;
    else high = mid;
  }
  return low;
}

function compactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const NON_ASCII_ALNUM = /[\p{L}\p{N}]/u;

/** True for a letter or digit (ASCII tested by code, the rest by Unicode class). */
function isAlnum(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return NON_ASCII_ALNUM.test(char);
}

function compactText(text: string): CompactText {
  const codes = new Uint16Array(text.length);
  const positions = new Int32Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let lower: number;
    if (code < 128) {
      if (code >= 65 && code <= 90) lower = code + 32;
      else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) lower = code;
      else continue;
    } else {
      const char = text[i]!.toLowerCase();
      if (char.length !== 1 || !NON_ASCII_ALNUM.test(char)) continue;
      lower = char.charCodeAt(0);
    }
    codes[length] = lower;
    positions[length] = i;
    length += 1;
  }
  return { key: fromCodes(codes.subarray(0, length)), positions: positions.subarray(0, length) };
}

/**
 * The string of these character codes. A function of its own: V8 compiles compactText's long
 * loop while it runs, and this code after the loop, not yet run then, made that compiled code
 * bail out call after call (21 times in 35 detect() runs).
 */
function fromCodes(codes: Uint16Array): string {
  let text = '';
  // Applied, not spread: spreading a typed array walks an iterator, and that was most of the cost.
  for (let at = 0; at < codes.length; at += 4096) {
    const chunk: string = Reflect.apply(String.fromCharCode, null, codes.subarray(at, at + 4096));
    text += chunk;
  }
  return text;
}

function onWordBoundaries(text: string, start: number, end: number): boolean {
  return (start === 0 || !isAlnum(text[start - 1]!)) && (end === text.length || !isAlnum(text[end]!));
}

/**
 * The value said again right against the finding, in one group with it ("4725 4725" said as words,
 * which a mono transcript's normaliser writes "47254725"): the two meet where two words meet, and
 * the occurrence's other end is a word boundary.
 */
function gluedToSource(view: StreamView, source: Finding, start: number, end: number): boolean {
  if (source.view !== view) return false;
  const { text, wordFrom } = view;
  const wordsMeet = (at: number): boolean => wordFrom[at] !== wordFrom[at - 1];
  if (start === source.charEnd) return wordsMeet(start) && (end === text.length || !isAlnum(text[end]!));
  if (end === source.charStart) return wordsMeet(end) && (start === 0 || !isAlnum(text[start - 1]!));
  return false;
}
