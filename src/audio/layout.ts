/**
 * Where the samples of an uncompressed recording sit and how they are laid out, and the mapping
 * between times (ms) and sample frames. A region maps to every frame it touches, rounding outwards,
 * so not one sample of a region is left unreplaced.
 */
import type { SampleEncoding } from './encoding.js';

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
