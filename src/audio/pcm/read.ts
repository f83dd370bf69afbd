/**
 * Reads sample frames of an uncompressed recording as floats, one array per channel, in bounded
 * chunks (memory is the frames asked for, not the file). Used by verification to measure levels
 * and by tests.
 */
import { open } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { decodeSamples } from '../encoding.js';
import { frameBytes, frameCount, type PcmLayout } from '../layout.js';

/** Frames decoded per read: 64 Ki frames keep the read buffer under 2 MiB for 8 channels of 32 bit. */
const CHUNK_FRAMES = 65536;

/** Frames [startFrame, endFrame) of `path`, clamped to the data, as one Float32Array per channel. */
export async function readPcmFrames(
  path: string,
  layout: PcmLayout,
  startFrame: number,
  endFrame: number,
): Promise<Float32Array[]> {
  const first = Math.max(0, startFrame);
  const last = Math.min(frameCount(layout), endFrame);
  const total = Math.max(0, last - first);
  const { channels } = layout;
  const out = Array.from({ length: channels }, () => new Float32Array(total));
  if (total === 0) return out;

  const size = frameBytes(layout);
  const chunkFrames = Math.min(CHUNK_FRAMES, total);
  const bytes = Buffer.allocUnsafe(chunkFrames * size);
  const interleaved = new Float32Array(chunkFrames * channels);
  const file = await open(path, 'r');
  try {
    for (let done = 0; done < total;) {
      const frames = Math.min(chunkFrames, total - done);
      const length = frames * size;
      const position = layout.dataOffset + (first + done) * size;
      const { bytesRead } = await file.read(bytes, 0, length, position);
      if (bytesRead < length) {
        throw new HushError(
          'AUDIO_INVALID',
          `${path}: the file ends at byte ${position + bytesRead}, inside its audio data`,
        );
      }
      const samples = interleaved.subarray(0, frames * channels);
      decodeSamples(bytes, layout.encoding, samples);
      for (let channel = 0; channel < channels; channel++) {
        const target = out[channel]!;
        for (let frame = 0, i = channel; frame < frames; frame++, i += channels)
          target[done + frame] = samples[i]!;
      }
      done += frames;
    }
  } finally {
    await file.close();
  }
  return out;
}
