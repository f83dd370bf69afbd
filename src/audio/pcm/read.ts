/**
 * Reads sample frames of an uncompressed recording as floats, one array per channel, in bounded
 * chunks (memory is the frames asked for, not the file). Used by verification to measure levels
 * and by tests.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { decodeSamples } from '../encoding.js';
import { frameBytes, frameCount, type PcmLayout } from '../layout.js';

/** Frames decoded per read: 64 Ki frames keep the read buffer under 2 MiB for 8 channels of 32 bit. */
const CHUNK_FRAMES = 65536;

/** The read and decode buffers of one chunk, reused from chunk to chunk (and call to call by a reader). */
interface Scratch {
  bytes: Buffer;
  interleaved: Float32Array;
}

function scratchFor(layout: PcmLayout, frames: number): Scratch {
  const chunkFrames = Math.min(CHUNK_FRAMES, frames);
  return {
    bytes: Buffer.allocUnsafe(chunkFrames * frameBytes(layout)),
    interleaved: new Float32Array(chunkFrames * layout.channels),
  };
}

/** Reads `out[c].length` frames from frame `first` of `file` (`path`) into `out` (one array per channel). */
async function readInto(
  file: FileHandle,
  path: string,
  layout: PcmLayout,
  first: number,
  out: readonly Float32Array[],
  scratch: Scratch,
): Promise<void> {
  const total = out[0]?.length ?? 0;
  const { channels } = layout;
  const size = frameBytes(layout);
  const chunkFrames = scratch.bytes.length / size;
  for (let done = 0; done < total;) {
    const frames = Math.min(chunkFrames, total - done);
    const length = frames * size;
    const position = layout.dataOffset + (first + done) * size;
    const { bytesRead } = await file.read(scratch.bytes, 0, length, position);
    if (bytesRead < length) {
      throw new HushError(
        'AUDIO_INVALID',
        `${path}: the file ends at byte ${position + bytesRead}, inside its audio data`,
      );
    }
    const samples = scratch.interleaved.subarray(0, frames * channels);
    decodeSamples(scratch.bytes, layout.encoding, samples);
    for (let channel = 0; channel < channels; channel++) {
      const target = out[channel]!;
      for (let frame = 0, i = channel; frame < frames; frame++, i += channels)
        target[done + frame] = samples[i]!;
    }
    done += frames;
  }
}

/** Runs `use` on `path` opened for reading. */
async function withFile<T>(path: string, use: (file: FileHandle) => Promise<T>): Promise<T> {
  const file = await open(path, 'r');
  try {
    return await use(file);
  } finally {
    await file.close();
  }
}

/** The frames of [startFrame, endFrame) that the data holds. */
function clamp(layout: PcmLayout, startFrame: number, endFrame: number): { first: number; total: number } {
  const first = Math.max(0, startFrame);
  return { first, total: Math.max(0, Math.min(frameCount(layout), endFrame) - first) };
}

/** Frames [startFrame, endFrame) of `path`, clamped to the data, as one Float32Array per channel. */
export async function readPcmFrames(
  path: string,
  layout: PcmLayout,
  startFrame: number,
  endFrame: number,
): Promise<Float32Array[]> {
  const { first, total } = clamp(layout, startFrame, endFrame);
  const out = Array.from({ length: layout.channels }, () => new Float32Array(total));
  if (total > 0)
    await withFile(path, (file) => readInto(file, path, layout, first, out, scratchFor(layout, total)));
  return out;
}

/** Reads frames of an open file into buffers reused from call to call (see `reusingPcmReader`). */
type ReusingRead = (
  file: FileHandle,
  path: string,
  layout: PcmLayout,
  startFrame: number,
  endFrame: number,
) => Promise<Float32Array[]>;

function reusingRead(): ReusingRead {
  let scratch: Scratch | null = null;
  let planes: Float32Array[] = [];
  return async (file, path, layout, startFrame, endFrame) => {
    const { first, total } = clamp(layout, startFrame, endFrame);
    const fits =
      scratch !== null &&
      planes.length === layout.channels &&
      planes[0]!.length >= total &&
      scratch.bytes.length >= Math.min(CHUNK_FRAMES, total) * frameBytes(layout);
    if (!fits) {
      scratch = scratchFor(layout, Math.max(total, 1));
      planes = Array.from({ length: layout.channels }, () => new Float32Array(Math.max(total, 1)));
    }
    const out = planes.map((plane) => plane.subarray(0, total));
    if (total > 0) await readInto(file, path, layout, first, out, scratch!);
    return out;
  };
}

/**
 * `readPcmFrames` with its buffers kept from call to call, as verification reads every region a
 * chunk at a time: the arrays returned are views into buffers the next call reuses, so reading
 * many regions leaves no garbage behind (fresh arrays for every chunk of every region made tens
 * of MB of it, the bulk of a job's peak memory). Files may differ from call to call.
 */
export function reusingPcmReader(): (
  path: string,
  layout: PcmLayout,
  startFrame: number,
  endFrame: number,
) => Promise<Float32Array[]> {
  const read = reusingRead();
  return (path, layout, startFrame, endFrame) =>
    withFile(path, (file) => read(file, path, layout, startFrame, endFrame));
}

/** Frames of one file, read as `reusingPcmReader` reads them, from the file opened once. */
export interface PcmFileReader {
  read(startFrame: number, endFrame: number): Promise<Float32Array[]>;
  close(): Promise<void>;
}

/**
 * A reader of `path` that keeps it open until `close`: verification reads every region of a
 * recording a chunk at a time, and opening and closing the file for each took more than the reads.
 */
export async function openPcmReader(path: string, layout: PcmLayout): Promise<PcmFileReader> {
  const file = await open(path, 'r');
  const read = reusingRead();
  return {
    read: (startFrame, endFrame) => read(file, path, layout, startFrame, endFrame),
    close: () => file.close(),
  };
}
