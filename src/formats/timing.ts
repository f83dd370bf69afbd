/** Time conversions and interpolation shared by the importers. */

/** Seconds (number or numeric string, as sources write them) to integer ms. */
export function secondsToMs(seconds: number | string): number {
  return Math.round(Number(seconds) * 1000);
}

/**
 * Spreads words over a span the source timed as a whole (a subtitle cue, a segment), each word
 * getting time in proportion to its length. Returns [start, end] per word, integer ms.
 */
export function spreadOverSpan(texts: readonly string[], start: number, end: number): [number, number][] {
  const weights = texts.map((text) => Math.max(1, text.length));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const span = Math.max(0, end - start);
  const out: [number, number][] = [];
  let consumed = 0;
  for (const weight of weights) {
    const wordStart = start + Math.round((span * consumed) / total);
    consumed += weight;
    const wordEnd = start + Math.round((span * consumed) / total);
    out.push([wordStart, wordEnd]);
  }
  return out;
}

/**
 * Fills the times a source left out (WhisperX digits, for one) from the timed neighbours:
 * each untimed run is spread over the gap between the previous word's end and the next word's
 * start (or the given bounds). Returns the filled times and which ones were interpolated.
 */
export function fillMissingTimes(
  words: readonly { text: string; start: number | undefined; end: number | undefined }[],
  bounds: { start: number; end: number },
): { start: number; end: number; interpolated: boolean }[] {
  const out: { start: number; end: number; interpolated: boolean }[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index]!;
    if (word.start !== undefined && word.end !== undefined) {
      out.push({ start: word.start, end: Math.max(word.start, word.end), interpolated: false });
      index += 1;
      continue;
    }
    let runEnd = index;
    while (
      runEnd < words.length &&
      (words[runEnd]!.start === undefined || words[runEnd]!.end === undefined)
    ) {
      runEnd += 1;
    }
    const previous = out[out.length - 1];
    const gapStart = previous ? previous.end : bounds.start;
    const next = words[runEnd];
    const gapEnd = Math.max(gapStart, next?.start ?? bounds.end);
    const run = words.slice(index, runEnd).map((w) => w.text);
    for (const [start, end] of spreadOverSpan(run, gapStart, gapEnd)) {
      out.push({ start, end, interpolated: true });
    }
    index = runEnd;
  }
  return out;
}
