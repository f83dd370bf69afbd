/** Maps ranges of a normalised view back to the words they came from. */
import type { StreamView } from './view.js';

/**
 * The stream's words (indices into transcript.words, in time order) from the first to the last
 * word that produced any character of view.text[charStart, charEnd). Words in between that made no
 * character (fillers such as "um") are included, since they were spoken inside the item.
 */
export function wordsInRange(view: StreamView, charStart: number, charEnd: number): number[] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = Math.max(0, charStart); i < Math.min(charEnd, view.text.length); i += 1) {
    const from = view.wordFrom[i]!;
    if (from < 0) continue;
    first = Math.min(first, from);
    last = Math.max(last, view.wordTo[i]!);
  }
  if (first > last) return [];
  const words = view.stream.words;
  return words.slice(lowerBound(words, first), lowerBound(words, last + 1));
}

/** First position in an ascending array whose value is >= target. */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
