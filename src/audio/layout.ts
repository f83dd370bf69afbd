/**
 * Where the samples of an uncompressed recording sit and how they are laid out, and the mapping
 * between times (ms) and sample frames. A region maps to every frame it touches, rounding outwards,
 * so not one sample of a region is left unreplaced.
 */
import { BYTES_PER_SAMPLE, type SampleEncoding } from './encoding.js';

/** Interleaved samples in one contiguous byte range of a file (WAV data chunk, or a raw file). */
export interface PcmLayout {
  encoding: SampleEncoding;
  sampleRate: number;
  channels: number;
  /** Byte offset of the first sample frame in the file. */
  dataOffset: number;
  /** Bytes of sample data (a whole number of frames). */
  dataLength: number;
}

/** Sample frames to replace: [startFrame, endFrame), on one channel or all (null). */
export interface FrameRegion {
  startFrame: number;
  endFrame: number;
  channel: number | null;
}

/** A range of bytes in a file; the unit in which redactors say what they changed. */
export interface ByteRange {
  offset: number;
  length: number;
}

/** Bytes of one sample frame (one sample of every channel). */
export function frameBytes(layout: PcmLayout): number {
  return layout.channels * BYTES_PER_SAMPLE[layout.encoding];
}

/** Sample frames in the data. */
export function frameCount(layout: PcmLayout): number {
  return layout.dataLength / frameBytes(layout);
}

/** The data's duration, ms. */
export function durationMs(layout: PcmLayout): number {
  return (frameCount(layout) * 1000) / layout.sampleRate;
}

/**
 * Maps time regions (ms) to the sample frames they touch, rounding outwards (a frame any part of
 * which lies in the region is replaced), clamped to the data, sorted by start; regions of one
 * channel scope that overlap or touch are merged. A channel the recording does not have (a stereo
 * transcript over a mono file) widens to all channels: over-muting is safe, leaking is not.
 */
export function toFrameRegions(
  regions: readonly { start: number; end: number; channel: number | null }[],
  layout: PcmLayout,
): FrameRegion[] {
  const frames = frameCount(layout);
  const mapped: FrameRegion[] = [];
  for (const region of regions) {
    const startFrame = Math.max(0, Math.floor((region.start * layout.sampleRate) / 1000));
    const endFrame = Math.min(frames, Math.ceil((region.end * layout.sampleRate) / 1000));
    if (endFrame <= startFrame) continue;
    const channel = region.channel !== null && region.channel < layout.channels ? region.channel : null;
    mapped.push({ startFrame, endFrame, channel });
  }
  mapped.sort((a, b) => a.startFrame - b.startFrame || a.endFrame - b.endFrame);
  const merged: FrameRegion[] = [];
  const lastByScope = new Map<number | null, FrameRegion>();
  for (const region of mapped) {
    const last = lastByScope.get(region.channel);
    if (last && region.startFrame <= last.endFrame) {
      last.endFrame = Math.max(last.endFrame, region.endFrame);
      continue;
    }
    const copy = { ...region };
    merged.push(copy);
    lastByScope.set(region.channel, copy);
  }
  return merged;
}

/**
 * The bytes a region rewrites. An all-channel region (or any region of a mono file) is one
 * contiguous range. A one-channel region rewrites only that channel's samples, which interleave
 * with the other channels' every frame; one range per frame would run to millions, so the whole
 * frame span is returned: the other channels' samples inside it are written back as they were,
 * and `untouchedChannelsEqual` (pcm/compare.ts) checks them separately.
 */
export function frameRegionBytes(region: FrameRegion, layout: PcmLayout): ByteRange[] {
  const size = frameBytes(layout);
  return [
    {
      offset: layout.dataOffset + region.startFrame * size,
      length: (region.endFrame - region.startFrame) * size,
    },
  ];
}
