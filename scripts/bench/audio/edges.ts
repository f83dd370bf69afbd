/**
 * How exactly a redacted recording silences its regions, measured against the input around every
 * region edge:
 *   - leak: ms inside the region still carrying the original audio (the part that stays audible);
 *   - over-mute: ms outside the region (up to OUTSIDE_MS away) that were changed.
 * Each region gives two edges, its start and its end; a region's inside is split at its middle
 * between them. Uncompressed outputs are compared sample by sample (`exact`): a frame leaks when a
 * channel's sample is the original's (and not silence), and is over-muted when any sample
 * differs. A re-encoded or frame-muted MP3 cannot match its input sample for sample, so MP3s are
 * decoded (by ffmpeg) and compared by level in 1 ms blocks (`level`): a block leaks when it is
 * louder than -60 dBFS (the silence threshold), and is over-muted when it is 20 dB or more
 * below the input's block. Region frames are computed here, not with Hush's own mapping: the
 * measure must not be made by the code it measures.
 */
import { readPcmFrames } from '../../../src/audio/pcm/read.js';
import { readWavInfo } from '../../../src/audio/wav/header.js';
import type { PcmLayout } from '../../../src/audio/layout.js';
import type { BenchRegion } from './fixtures.js';

export type CompareMethod = 'exact' | 'level';

export interface Spread {
  max: number;
  mean: number;
}

export interface EdgeFigures {
  method: CompareMethod;
  edges: number;
  /** ms per edge */
  leakMs: Spread;
  /** ms per edge */
  overMuteMs: Spread;
}

/** How far outside a region over-muting is looked for; the bench's regions lie a minute apart. */
const OUTSIDE_MS = 1000;
const SILENCE = 10 ** (-60 / 20);
const MUTED_RATIO = 10 ** (-20 / 20);

interface Recording {
  path: string;
  layout: PcmLayout;
}

export async function openRecording(path: string): Promise<Recording> {
  return { path, layout: (await readWavInfo(path)).layout };
}

/** Whether block [from, to) of the window (frame indices into `original`/`redacted`) leaks or is over-muted. */
type BlockTest = (original: Float32Array[], redacted: Float32Array[], from: number, to: number) => boolean;

const exactLeak: BlockTest = (original, redacted, from, to) => {
  for (let frame = from; frame < to; frame += 1) {
    for (let channel = 0; channel < original.length; channel += 1) {
      const value = original[channel]![frame]!;
      if (value !== 0 && redacted[channel]![frame] === value) return true;
    }
  }
  return false;
};

const exactChanged: BlockTest = (original, redacted, from, to) => {
  for (let frame = from; frame < to; frame += 1) {
    for (let channel = 0; channel < original.length; channel += 1) {
      if (redacted[channel]![frame] !== original[channel]![frame]) return true;
    }
  }
  return false;
};

function rms(channels: Float32Array[], from: number, to: number): number {
  let sum = 0;
  for (const samples of channels) for (let frame = from; frame < to; frame += 1) sum += samples[frame]! ** 2;
  return Math.sqrt(sum / Math.max(1, (to - from) * channels.length));
}

const levelLeak: BlockTest = (_original, redacted, from, to) => rms(redacted, from, to) >= SILENCE;
const levelMuted: BlockTest = (original, redacted, from, to) =>
  rms(redacted, from, to) < rms(original, from, to) * MUTED_RATIO;

const TESTS: Record<CompareMethod, { leak: BlockTest; overMute: BlockTest }> = {
  exact: { leak: exactLeak, overMute: exactChanged },
  level: { leak: levelLeak, overMute: levelMuted },
};

/** Frames counted by `test` in blocks walking from `edge` towards `limit` (either direction). */
function countFrames(
  test: BlockTest,
  original: Float32Array[],
  redacted: Float32Array[],
  edge: number,
  limit: number,
  block: number,
): number {
  let frames = 0;
  const step = limit >= edge ? 1 : -1;
  for (let at = edge; step > 0 ? at < limit : at > limit; at += step * block) {
    const next = step > 0 ? Math.min(limit, at + block) : Math.max(limit, at - block);
    const [from, to] = step > 0 ? [at, next] : [next, at];
    if (test(original, redacted, from, to)) frames += to - from;
  }
  return frames;
}

function spread(values: readonly number[]): Spread {
  return {
    max: Math.max(0, ...values),
    mean: values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0,
  };
}

/** Leak and over-mute at every edge of `regions` in `output`, against `input`. */
export async function measureEdges(
  input: Recording,
  output: Recording,
  regions: readonly BenchRegion[],
  method: CompareMethod,
): Promise<EdgeFigures> {
  const rate = input.layout.sampleRate;
  if (output.layout.sampleRate !== rate || output.layout.channels !== input.layout.channels) {
    throw new Error(`${output.path}: sample rate or channel count differs from ${input.path}`);
  }
  const outside = Math.round((OUTSIDE_MS * rate) / 1000);
  const block = method === 'exact' ? 1 : Math.round(rate / 1000);
  const { leak, overMute } = TESTS[method];
  const toMs = (frames: number): number => (frames * 1000) / rate;
  const leaks: number[] = [];
  const overMutes: number[] = [];
  for (const region of regions) {
    // Every frame any part of which lies in the region is inside it (from whole ms: 12.345 * 8000
    // is not exactly 98760 in binary floating point).
    const startFrame = Math.floor((Math.round(region.start * 1000) * rate) / 1000);
    const endFrame = Math.ceil((Math.round(region.end * 1000) * rate) / 1000);
    const windowStart = Math.max(0, startFrame - outside);
    const original = await readPcmFrames(input.path, input.layout, windowStart, endFrame + outside);
    const redacted = await readPcmFrames(output.path, output.layout, windowStart, endFrame + outside);
    const length = Math.min(original[0]!.length, redacted[0]!.length);
    const start = startFrame - windowStart;
    const end = endFrame - windowStart;
    const middle = Math.floor((start + end) / 2);
    leaks.push(toMs(countFrames(leak, original, redacted, start, middle, block)));
    leaks.push(toMs(countFrames(leak, original, redacted, end, middle, block)));
    overMutes.push(toMs(countFrames(overMute, original, redacted, start, 0, block)));
    overMutes.push(toMs(countFrames(overMute, original, redacted, end, length, block)));
  }
  return { method, edges: leaks.length, leakMs: spread(leaks), overMuteMs: spread(overMutes) };
}
