/** Time conversions and interpolation shared by the importers. */
import type { TimeSpan, Timing } from '../core/transcript.js';

/** A word's times as an importer hands them to makeWord, with how they were obtained. */
export interface WordTimes {
  start: number;
  end: number;
  timing: Timing;
  /** Set for interpolated times: the span the source timed, which holds the word. */
  window?: TimeSpan;
}

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
 * start (or the given bounds). Interpolated times carry the gap as their window.
 */
export function fillMissingTimes(
  words: readonly { text: string; start: number | undefined; end: number | undefined }[],
  bounds: TimeSpan,
): WordTimes[] {
  const out: WordTimes[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index]!;
    if (word.start !== undefined && word.end !== undefined) {
      out.push({ start: word.start, end: Math.max(word.start, word.end), timing: 'native' });
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
      out.push({ start, end, timing: 'interpolated', window: { start: gapStart, end: gapEnd } });
    }
    index = runEnd;
  }
  return out;
}

/** Integer ms to seconds, as the JSON formats that count in seconds write them. */
export function msToSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** Integer ms as a clock time, `HH:MM:SS,mmm` (or with `.` before the ms). */
export function formatClock(ms: number, fractionSeparator: ',' | '.' = ','): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fractionSeparator}${pad(total % 1000, 3)}`;
}

/** The words a span's text holds: its whitespace-separated pieces. */
export function wordsOfText(text: string): string[] {
  return text.split(/\s+/).filter((piece) => piece !== '');
}

/**
 * Words for a span the source timed only as a whole (a segment, a message without word times):
 * the text's words spread over [start, end], interpolated, with the span as their window.
 */
export function spreadText(text: string, start: number, end: number): ({ text: string } & WordTimes)[] {
  const texts = wordsOfText(text);
  return spreadOverSpan(texts, start, end).map(([wordStart, wordEnd], index) => ({
    text: texts[index]!,
    start: wordStart,
    end: wordEnd,
    timing: 'interpolated',
    window: { start, end },
  }));
}

/**
 * An absolute time as sources write it, epoch ms (a number or a string of digits) or ISO 8601, to
 * epoch ms; undefined when it is neither.
 */
export function epochMs(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value));
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}
