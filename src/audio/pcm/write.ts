import type { FileHandle } from 'node:fs/promises';
import { HushError } from '../../errors.js';

/** Writes all of `bytes` at `position`, or fails naming the file (a short write means a full disk). */
export async function writeFully(
  handle: FileHandle,
  path: string,
  bytes: Buffer,
  position: number,
): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten === 0) throw new HushError('IO', `${path}: could not write at byte ${position + done}`);
    done += bytesWritten;
  }
}
