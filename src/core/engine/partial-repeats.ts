/**
 * Partial repeats: a piece of a number already found, said again within a minute by either party.
 * The start read back to check it ("zero one one?"), the end named to point at it ("the account
 * ending 6218") or a part given again when asked for ("what was the middle group?" "seven seven") gives
 * away part of the value, so it is sensitive too; so does a read-back with one digit misheard or two
 * swapped. Propagation handles whole repeats; this step handles the pieces and near copies, only
 * for numbers long enough that a piece stays specific. An IP address's
 * dotted start read back ("10.20.30, and then?") counts too.
 */
import type { ContextProbe } from '../context/probe.js';
import type { Finding } from '../detection.js';
import type { EntityType } from '../entities.js';
import type { StreamView } from '../normalise/view.js';
import { compileCues } from '../context/cue-matcher.js';
import { PART_REQUEST_CUES, REPEAT_REQUEST_CUES } from '../lexicon/entity-cues.js';
import { digitRuns } from '../recognizers/digits.js';

export const PARTIAL_REPEAT_RECOGNIZER = 'partial-repeat';
/** How far from the value (ms), before or after, a piece of it still counts as its repeat. */
const PARTIAL_WINDOW_MS = 60_000;
/** Shortest piece taken: a read-back of the start, and a named end ("ending 6218"). */
const MIN_PREFIX_DIGITS = 3;
const MIN_SUFFIX_DIGITS = 4;
/** Values shorter than this (in digits) have pieces too common to chase. */
const MIN_VALUE_DIGITS = 6;
/** Shortest piece taken when the other party asked for that part again. */
const MIN_ASKED_PART_DIGITS = 2;
const partRequests = compileCues(PART_REQUEST_CUES);
const repeatRequests = compileCues(REPEAT_REQUEST_CUES);
/** "dot" said right before a digit run (the text before it ends so). */
const SPOKEN_DOT = /\bdot $/i;
/** A word inside a digit run: the other party's "yes" or "okay" a mono file left between pieces. */
const INLINE_WORD = /\p{L}/u;
/** Two or three octets of an IP address, dotted: its start read back. */
const DOTTED_START = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){1,2}(?![\d]|\.\d)/g;

/** The types whose pieces are chased, each with the type its end piece takes ("last four of my social"). */
const END_PIECE_TYPE: ReadonlyMap<EntityType, EntityType> = new Map<EntityType, EntityType>([
  ['BANK_ACCOUNT', 'BANK_ACCOUNT'],
  ['ROUTING_NUMBER', 'ROUTING_NUMBER'],
  ['MEMBER_ID', 'MEMBER_ID'],
  ['PASSPORT', 'PASSPORT'],
  ['DRIVERS_LICENSE', 'DRIVERS_LICENSE'],
  ['US_SSN', 'US_SSN_LAST4'],
  ['CREDIT_CARD', 'CARD_LAST4'],
  ['IP_ADDRESS', 'IP_ADDRESS'],
]);

interface Source {
  digits: string;
  time: number;
  finding: Finding;
}

export function partialRepeats(
  views: readonly StreamView[],
  context: ContextProbe,
  findings: readonly Finding[],
): Finding[] {
  const sources: Source[] = [];
  for (const finding of findings) {
    if (!END_PIECE_TYPE.has(finding.type)) continue;
    const text = finding.view.text.slice(finding.charStart, finding.charEnd);
    // Digit-only values: a piece of "ZKM 402…" is not a bare digit run.
    if (/[\p{L}]/u.test(text)) continue;
    const digits = text.replace(/\D/g, '');
    if (digits.length < MIN_VALUE_DIGITS) continue;
    sources.push({ digits, time: context.timeAt(finding.view, finding.charStart), finding });
  }

  const added: Finding[] = [];
  for (const view of views) {
    const found = findings.filter((finding) => finding.view === view);
    for (const run of digitRuns(view)) {
      // Only gaps: a run some recognizer already labelled keeps its label (a sort code read back
      // next to an account number is a sort code, not a piece of the account).
      if (found.some((finding) => finding.charStart < run.end && finding.charEnd > run.start)) continue;
      const partAsked = askedForPart(context, view, run.start);
      const source = sources.find(
        (candidate) =>
          isPieceOf(run.digits, candidate.digits) ||
          isNearCopy(run.digits, candidate.digits) ||
          // Said whole, but with the other party's "yes" inline (a mono file): no propagation key matches it.
          (run.digits === candidate.digits && INLINE_WORD.test(view.text.slice(run.start, run.end))) ||
          (partAsked && run.digits.length >= MIN_ASKED_PART_DIGITS && isInside(run.digits, candidate.digits)),
      );
      if (!source) continue;
      if (Math.abs(context.timeAt(view, run.start) - source.time) > PARTIAL_WINDOW_MS) continue;
      const { finding } = source;
      const kind = repeatKind(run.digits, source.digits);
      // "… dot 44": the spoken dot before a later octet belongs to the piece.
      const dot = finding.type === 'IP_ADDRESS' ? SPOKEN_DOT.exec(view.text.slice(0, run.start)) : null;
      added.push({
        recognizer: PARTIAL_REPEAT_RECOGNIZER,
        // A middle part is a piece of the whole item; only an end piece of four or more is its "last four".
        type: kind === 'end' ? END_PIECE_TYPE.get(finding.type)! : finding.type,
        view,
        charStart: dot ? dot.index : run.start,
        charEnd: run.end,
        score: finding.score,
        value: run.digits,
        reasons: [`repeat:${kind}`, `from:${finding.recognizer}`],
      });
    }
    added.push(
      ...dottedStarts(view, context, findings, found),
      ...spelledStarts(view, context, findings, found),
    );
  }
  return added;
}

/** How a run repeats a value: all of it (around an inline "yes"), a near copy, its start, its end, or a part. */
function repeatKind(piece: string, value: string): 'whole' | 'near' | 'start' | 'end' | 'part' {
  if (piece === value) return 'whole';
  if (piece.length === value.length) return 'near';
  if (value.startsWith(piece) && piece.length >= MIN_PREFIX_DIGITS) return 'start';
  return value.endsWith(piece) && piece.length >= MIN_SUFFIX_DIGITS ? 'end' : 'part';
}

/**
 * True when the other party (or, in a view of both, the speaker just before) asked to hear a part
 * again ("can you repeat the middle?", "what was the end?").
 */
function askedForPart(context: ContextProbe, view: StreamView, at: number): boolean {
  return [context.prompt(view, at), context.leadIn(view, at)].some(
    (text) => partRequests.test(text) && repeatRequests.test(text),
  );
}

/** The start of an IP address found in the call, read back dotted ("10.20.30"), within a minute of it. */
function dottedStarts(
  view: StreamView,
  context: ContextProbe,
  findings: readonly Finding[],
  inView: readonly Finding[],
): Finding[] {
  const addresses = findings.filter((finding) => finding.type === 'IP_ADDRESS');
  if (addresses.length === 0) return [];
  const added: Finding[] = [];
  for (const match of view.text.matchAll(DOTTED_START)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inView.some((finding) => finding.charStart < end && finding.charEnd > start)) continue;
    const time = context.timeAt(view, start);
    const address = addresses.find(
      (finding) =>
        finding.value.startsWith(`${match[0]}.`) &&
        Math.abs(context.timeAt(finding.view, finding.charStart) - time) <= PARTIAL_WINDOW_MS,
    );
    if (!address) continue;
    added.push({
      recognizer: PARTIAL_REPEAT_RECOGNIZER,
      type: 'IP_ADDRESS',
      view,
      charStart: start,
      charEnd: end,
      score: address.score,
      value: match[0],
      reasons: ['repeat:start', `from:${address.recognizer}`],
    });
  }
  return added;
}

/** Types whose values may start with letters a listener spells back on their own ("H A R T L?"). */
const LETTERED_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  'DRIVERS_LICENSE',
  'PASSPORT',
  'MEMBER_ID',
  'IBAN',
]);
/** A spelled run of at least four letters (fewer are too common to chase). */
const SPELLED_START = /(?<![\p{L}\p{N}])\p{Lu}{4,}(?![\p{L}\p{N}])/gu;

/**
 * The letters an identifier found in the call starts with, spelled back on their own within a minute
 * of it ("HARTL 756128 IM9QZ" … "H A R T L?"): the start of a licence is the holder's surname.
 */
function spelledStarts(
  view: StreamView,
  context: ContextProbe,
  findings: readonly Finding[],
  inView: readonly Finding[],
): Finding[] {
  const values = findings.filter((finding) => LETTERED_TYPES.has(finding.type));
  if (values.length === 0) return [];
  const added: Finding[] = [];
  for (const match of view.text.matchAll(SPELLED_START)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inView.some((finding) => finding.charStart < end && finding.charEnd > start)) continue;
    const time = context.timeAt(view, start);
    const value = values.find((finding) => {
      const key = finding.value.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
      return (
        key.length > match[0].length &&
        key.startsWith(match[0]) &&
        Math.abs(context.timeAt(finding.view, finding.charStart) - time) <= PARTIAL_WINDOW_MS
      );
    });
    if (!value) continue;
    added.push({
      recognizer: PARTIAL_REPEAT_RECOGNIZER,
      type: value.type,
      view,
      charStart: start,
      charEnd: end,
      score: value.score,
      value: match[0],
      reasons: ['repeat:start', `from:${value.recognizer}`],
    });
  }
  return added;
}

/**
 * True when digits are the value read back with one digit misheard or two neighbours swapped
 * ("4481027739" read back as "4481027793"): the read-back still gives nearly all of it away.
 */
function isNearCopy(digits: string, value: string): boolean {
  if (digits.length !== value.length || digits === value) return false;
  let first = -1;
  let differences = 0;
  for (let i = 0; i < digits.length; i += 1) {
    if (digits[i] === value[i]) continue;
    differences += 1;
    if (first === -1) first = i;
  }
  const swapped =
    differences === 2 && digits[first] === value[first + 1] && digits[first + 1] === value[first];
  return differences === 1 || swapped;
}

/** True when piece is a part of the value (not the whole): digits said again when that part was asked for. */
function isInside(piece: string, value: string): boolean {
  return piece.length < value.length && value.includes(piece);
}

/** True when piece is the value's first digits (≥ MIN_PREFIX_DIGITS) or last four or more, not the whole. */
function isPieceOf(piece: string, value: string): boolean {
  if (piece.length >= value.length) return false;
  return (
    (piece.length >= MIN_PREFIX_DIGITS && value.startsWith(piece)) ||
    (piece.length >= MIN_SUFFIX_DIGITS && value.endsWith(piece))
  );
}
