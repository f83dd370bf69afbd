/**
 * Partial repeats: a piece of a number already found, said again within a minute by either party.
 * The start read back to check it ("zero one one?") or the end named to point at it ("the account
 * ending 6218") gives away part of the value, so it is sensitive too. Propagation handles whole
 * repeats; this step handles the pieces, only for numbers long enough that a piece stays specific.
 */
import type { ContextProbe } from '../context/probe.js';
import type { Finding } from '../detection.js';
import type { EntityType } from '../entities.js';
import type { StreamView } from '../normalise/view.js';
import { digitRuns } from '../recognizers/digits.js';

export const PARTIAL_REPEAT_RECOGNIZER = 'partial-repeat';
/** How far from the value (ms), before or after, a piece of it still counts as its repeat. */
const PARTIAL_WINDOW_MS = 60_000;
/** Shortest piece taken: a read-back of the start, and a named end ("ending 6218"). */
const MIN_PREFIX_DIGITS = 3;
const MIN_SUFFIX_DIGITS = 4;
/** Values shorter than this (in digits) have pieces too common to chase. */
const MIN_VALUE_DIGITS = 6;

/** The types whose pieces are chased, each with the type its end piece takes ("last four of my social"). */
const END_PIECE_TYPE: ReadonlyMap<EntityType, EntityType> = new Map<EntityType, EntityType>([
  ['BANK_ACCOUNT', 'BANK_ACCOUNT'],
  ['ROUTING_NUMBER', 'ROUTING_NUMBER'],
  ['MEMBER_ID', 'MEMBER_ID'],
  ['PASSPORT', 'PASSPORT'],
  ['DRIVERS_LICENSE', 'DRIVERS_LICENSE'],
  ['US_SSN', 'US_SSN_LAST4'],
  ['CREDIT_CARD', 'CARD_LAST4'],
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
  if (sources.length === 0) return [];

  const added: Finding[] = [];
  for (const view of views) {
    const found = findings.filter((finding) => finding.view === view);
    for (const run of digitRuns(view)) {
      // Only gaps: a run some recognizer already labelled keeps its label (a sort code read back
      // next to an account number is a sort code, not a piece of the account).
      if (found.some((finding) => finding.charStart < run.end && finding.charEnd > run.start)) continue;
      const source = sources.find((candidate) => isPieceOf(run.digits, candidate.digits));
      if (!source) continue;
      if (Math.abs(context.timeAt(view, run.start) - source.time) > PARTIAL_WINDOW_MS) continue;
      const { finding } = source;
      const isPrefix = source.digits.startsWith(run.digits) && run.digits.length >= MIN_PREFIX_DIGITS;
      added.push({
        recognizer: PARTIAL_REPEAT_RECOGNIZER,
        type: isPrefix ? finding.type : END_PIECE_TYPE.get(finding.type)!,
        view,
        charStart: run.start,
        charEnd: run.end,
        score: finding.score,
        value: run.digits,
        reasons: [isPrefix ? 'repeat:start' : 'repeat:end', `from:${finding.recognizer}`],
      });
    }
  }
  return added;
}

/** True when piece is the value's first digits (≥ MIN_PREFIX_DIGITS) or last four or more, not the whole. */
function isPieceOf(piece: string, value: string): boolean {
  if (piece.length >= value.length) return false;
  return (
    (piece.length >= MIN_PREFIX_DIGITS && value.startsWith(piece)) ||
    (piece.length >= MIN_SUFFIX_DIGITS && value.endsWith(piece))
  );
}
