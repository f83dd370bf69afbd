/**
 * Payment context over time: when payment cues were spoken (by anyone) and when a closure cue
 * ended the payment. Built once per call; each question is two binary searches.
 */
import type { StreamView } from '../normalise/view.js';
import type { Transcript } from '../transcript.js';
import type { CueHit } from './cue-matcher.js';
import { compileCues } from './cue-matcher.js';
import { CLOSURE_CUES, PAYMENT_CUES } from '../lexicon/payment-cues.js';

/** How long a payment cue keeps payment context open, ms. */
export const PAYMENT_WINDOW_MS = 120_000;

const paymentCues = compileCues(PAYMENT_CUES);
const closureCues = compileCues(CLOSURE_CUES);

export interface PaymentTimeline {
  /** True when a payment cue was spoken at or before `until` (and within the window of `at`), not closed by `at`. */
  openAt(at: number, until: number): boolean;
}

export function buildPaymentTimeline(transcript: Transcript, views: readonly StreamView[]): PaymentTimeline {
  const cueTimes: number[] = [];
  const closureTimes: number[] = [];
  for (const view of views) {
    const closures = closureCues.all(view.text);
    // "payment went through" closes; the "payment" inside it opens nothing.
    const inClosure = (hit: CueHit): boolean => closures.some((c) => hit.index < c.end && c.index < hit.end);
    for (const hit of closures) closureTimes.push(hitTime(transcript, view, hit));
    for (const hit of paymentCues.all(view.text)) {
      if (!inClosure(hit)) cueTimes.push(hitTime(transcript, view, hit));
    }
  }
  cueTimes.sort((a, b) => a - b);
  closureTimes.sort((a, b) => a - b);
  return {
    openAt(at, until) {
      const cue = lastAtOrBefore(cueTimes, Math.max(at, until));
      if (cue === undefined || cue < at - PAYMENT_WINDOW_MS) return false;
      const closure = lastAtOrBefore(closureTimes, at);
      return closure === undefined || cue > closure;
    },
  };
}

/** Time of the first word of a cue hit in the view's text (cues start with a word character). */
function hitTime(transcript: Transcript, view: StreamView, hit: CueHit): number {
  for (let i = hit.index; i < hit.end; i += 1) {
    const word = view.wordFrom[i]!;
    if (word >= 0) return transcript.words[word]!.start;
  }
  return 0;
}

/** The greatest value <= limit in an ascending array, or undefined. */
function lastAtOrBefore(values: readonly number[], limit: number): number | undefined {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! <= limit) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? undefined : values[low - 1];
}
