/**
 * Where a frame's audio lands in time, and so which frames a region needs silenced.
 *
 * Decoders output `samplesPerFrame` samples per frame, but shifted: sample t of the original
 * recording is decoder output t + offset, where offset = encoder delay + 529 (the decoder's own
 * delay) when the LAME tag asks for gapless trimming (ffmpeg trims exactly that much), else 0.
 *
 * One granule (576 spectral lines per channel) reaches beyond its own 576 output samples: its
 * IMDCT output is overlap-added with the next granule (36 samples per subband, half of them in the
 * next granule), and the polyphase synthesis filterbank mixes each subband slot with the 15 before
 * it (512-tap window, 32 samples a slot). So granule g shapes decoder output
 * [576 g, 576 g + 2·576 + 15·32). A region is silent when every granule shaping it is silenced;
 * the cost is up to one granule of silence before the region, another after, plus the rounding to
 * whole frames (two granules in MPEG-1), and a fade over the 1056 samples on each side where the
 * kept and silenced granules overlap.
 */
import { GRANULE_SAMPLES } from './frame-header.js';

export const DECODER_DELAY = 529;
/** Decoder output samples a granule shapes, from its own first sample. */
export const GRANULE_REACH = 2 * GRANULE_SAMPLES + 15 * 32;

export interface Mp3Timeline {
  sampleRate: number;
  samplesPerFrame: 1152 | 576;
  frameCount: number;
  /** Decoder output samples before the recording's first sample (trimmed by gapless decoders). */
  offset: number;
  /** Samples per channel the decoder gives after trimming: the recording's length. */
  samples: number;
}

/** Audio frames [first, last] (inclusive) to silence. */
export interface FrameRun {
  first: number;
  last: number;
}

/** A span of the recording in samples: [start, end). */
export interface SampleSpan {
  start: number;
  end: number;
}

export function timeline(options: {
  sampleRate: number;
  samplesPerFrame: 1152 | 576;
  frameCount: number;
  gapless: { encoderDelay: number; encoderPadding: number } | null;
}): Mp3Timeline {
  const { sampleRate, samplesPerFrame, frameCount, gapless } = options;
  const decoded = frameCount * samplesPerFrame;
  if (!gapless) return { sampleRate, samplesPerFrame, frameCount, offset: 0, samples: decoded };
  const { encoderDelay, encoderPadding } = gapless;
  return {
    sampleRate,
    samplesPerFrame,
    frameCount,
    offset: encoderDelay + DECODER_DELAY,
    samples: Math.max(0, decoded - encoderDelay - encoderPadding),
  };
}

/** The samples a region (ms) touches, rounded outwards and clamped to the recording; null when none. */
export function regionSamples(region: { start: number; end: number }, line: Mp3Timeline): SampleSpan | null {
  const start = Math.max(0, Math.floor((region.start * line.sampleRate) / 1000));
  const end = Math.min(line.samples, Math.ceil((region.end * line.sampleRate) / 1000));
  return start < end ? { start, end } : null;
}

/** The frames to silence so that every decoded sample of `span` is silent. */
export function framesShaping(span: SampleSpan, line: Mp3Timeline): FrameRun | null {
  const granulesPerFrame = line.samplesPerFrame / GRANULE_SAMPLES;
  const from = span.start + line.offset; // decoder output samples [from, to)
  const to = span.end + line.offset;
  // First granule reaching past `from`, last granule starting before `to`.
  const firstGranule = Math.max(0, Math.floor((from - GRANULE_REACH) / GRANULE_SAMPLES) + 1);
  const lastGranule = Math.floor((to - 1) / GRANULE_SAMPLES);
  const first = Math.floor(firstGranule / granulesPerFrame);
  const last = Math.min(line.frameCount - 1, Math.floor(lastGranule / granulesPerFrame));
  return first <= last ? { first, last } : null;
}

/** Runs sorted, with overlapping or touching runs joined. */
export function mergeRuns(runs: readonly FrameRun[]): FrameRun[] {
  const merged: FrameRun[] = [];
  for (const run of [...runs].sort((a, b) => a.first - b.first)) {
    const previous = merged.at(-1);
    if (previous && run.first <= previous.last + 1) previous.last = Math.max(previous.last, run.last);
    else merged.push({ ...run });
  }
  return merged;
}

function toRecording(decoderSample: number, line: Mp3Timeline): number {
  return Math.min(line.samples, Math.max(0, decoderSample - line.offset));
}

/** The samples a silenced run leaves exactly silent: every granule shaping them is silenced. */
export function silentSpan(run: FrameRun, line: Mp3Timeline): SampleSpan {
  const granulesPerFrame = line.samplesPerFrame / GRANULE_SAMPLES;
  const firstGranule = run.first * granulesPerFrame;
  const endGranule = (run.last + 1) * granulesPerFrame;
  const start = firstGranule === 0 ? 0 : firstGranule * GRANULE_SAMPLES + GRANULE_REACH - GRANULE_SAMPLES;
  const end = run.last === line.frameCount - 1 ? Infinity : endGranule * GRANULE_SAMPLES;
  return { start: toRecording(start, line), end: toRecording(end, line) };
}

/** The samples a silenced run changes at all (the silent span and the fades on either side). */
export function affectedSpan(run: FrameRun, line: Mp3Timeline): SampleSpan {
  const granulesPerFrame = line.samplesPerFrame / GRANULE_SAMPLES;
  const lastGranule = (run.last + 1) * granulesPerFrame - 1;
  return {
    start: toRecording(run.first * granulesPerFrame * GRANULE_SAMPLES, line),
    end: toRecording(lastGranule * GRANULE_SAMPLES + GRANULE_REACH, line),
  };
}

/** A sample span as whole ms, rounded inwards (all of it is in the span) or outwards (it covers the span). */
export function spanMs(
  span: SampleSpan,
  sampleRate: number,
  rounding: 'inwards' | 'outwards',
): { start: number; end: number } {
  const [down, up] = rounding === 'inwards' ? [Math.ceil, Math.floor] : [Math.floor, Math.ceil];
  return { start: down((span.start * 1000) / sampleRate), end: up((span.end * 1000) / sampleRate) };
}
