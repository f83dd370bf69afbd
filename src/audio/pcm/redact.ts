/**
 * Redacts uncompressed audio (WAV or raw PCM) into a new file: a kernel copy of the input (what
 * `cp` does: copy_file_range, or a reflink where the file system offers one), then positional
 * writes over the region bytes only. Every byte outside the regions is the input's, the output has
 * the input's size, and memory does not grow with the recording. On failure the output is removed.
 */
import { constants } from 'node:fs';
import { copyFile, open, rm } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import type { ByteRange, FrameRegion, PcmLayout } from '../layout.js';
import type { ReplacementMode } from '../replacement.js';
import { changedRanges, regionWrites } from './region-writes.js';
import { writeFully } from './write.js';

export interface PcmRedaction {
  input: string;
  /** The staged output path, which must not exist yet; the caller renames it into place once verified. */
  output: string;
  layout: PcmLayout;
  regions: readonly FrameRegion[];
  mode: ReplacementMode;
}

export async function redactPcm(options: PcmRedaction): Promise<{ changed: ByteRange[] }> {
  const { input, output, layout, regions, mode } = options;
  // EXCL: the output is a new file, never someone else's; it also spares ext4 the flush on close
  // that truncating an existing destination triggers (auto_da_alloc), which costs a third of a copy.
  await copyFile(input, output, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  try {
    const handle = await open(output, 'r+');
    try {
      // Positional writes past the end would silently grow a file that shrank since its header was read.
      const size = (await handle.stat()).size;
      if (size < layout.dataOffset + layout.dataLength) {
        throw new HushError(
          'AUDIO_INVALID',
          `${input}: the file is ${size} bytes, shorter than its audio data`,
        );
      }
      for await (const { position, bytes } of regionWrites({ handle, path: output }, layout, regions, mode)) {
        await writeFully(handle, output, bytes, position);
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(output, { force: true });
    throw error;
  }
  return { changed: changedRanges(regions, layout) };
}
