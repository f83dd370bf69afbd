/**
 * The journal that makes `--in-place` crash-safe. Before the first byte of the recording changes,
 * `<file>.hush-journal` holds every byte range about to be rewritten, with both its original bytes
 * and its replacement bytes, and is fsynced. An interrupted run can then be finished (write the
 * replacements) or undone (write the originals back) from the journal alone.
 *
 * Layout (version 1):
 *   "HUSHJRNL" | u32 LE header length | header JSON { version, fileBytes, ranges: [[offset, length], …] }
 *   | original bytes of every range, in order | replacement bytes of every range, in order
 *   | sha256(header JSON + originals) | sha256(replacements) | "HUSHEND1"
 * It is written as `<file>.hush-journal.partial` and renamed once complete and synced: a journal
 * under its final name is always whole, and a partial one means the recording was never touched.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { HushError } from '../../errors.js';
import type { ByteRange } from '../layout.js';
import type { PcmWrite } from '../pcm/region-writes.js';
import { writeFully } from '../pcm/write.js';

const MAGIC = Buffer.from('HUSHJRNL', 'latin1');
const END = Buffer.from('HUSHEND1', 'latin1');
const FOOTER_BYTES = 32 + 32 + END.length;
const VERSION = 1;
/** Bytes moved per read or write when applying a journal. */
const CHUNK_BYTES = 1 << 20;

export const journalPath = (file: string): string => `${file}.hush-journal`;
export const partialJournalPath = (file: string): string => `${journalPath(file)}.partial`;

export interface Journal {
  path: string;
  fileBytes: number;
  ranges: ByteRange[];
  /** Offsets of the two sections in the journal file. */
  originalsAt: number;
  replacementsAt: number;
}

function damaged(path: string, problem: string): HushError {
  return new HushError(
    'AUDIO_INVALID',
    `${path}: the in-place journal is damaged (${problem}); the recording was left as it is`,
  );
}

/** fsyncs a directory, so that a rename or unlink in it survives a crash. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(dirname(path), 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Walks `ranges` in steps: `next(length)` gives where a step of `length` bytes must start. */
function positions(ranges: readonly ByteRange[]): { next(length: number): number } {
  let index = 0;
  let within = 0;
  return {
    next(length) {
      const range = ranges[index];
      if (!range || within + length > range.length) return -1;
      const position = range.offset + within;
      within += length;
      if (within === range.length) {
        index++;
        within = 0;
      }
      return position;
    },
  };
}

/**
 * Writes the journal of `writes` (the replacement bytes, in file order, tiling `ranges`), reading
 * the original bytes from `file`; syncs it, gives it its final name and returns it. Refuses to
 * start when a journal, partial or whole, is already there (another run, or an interrupted one to
 * recover); a run that fails (rather than crashes) removes its partial journal.
 */
export async function writeJournal(
  file: { handle: FileHandle; path: string; bytes: number },
  ranges: readonly ByteRange[],
  writes: AsyncIterable<PcmWrite>,
): Promise<Journal> {
  const partial = partialJournalPath(file.path);
  const header = Buffer.from(
    JSON.stringify({
      version: VERSION,
      fileBytes: file.bytes,
      ranges: ranges.map((r) => [r.offset, r.length]),
    }),
  );
  const total = ranges.reduce((sum, range) => sum + range.length, 0);
  const originalsAt = MAGIC.length + 4 + header.length;
  const replacementsAt = originalsAt + total;
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32LE(header.length);

  const journal = await open(partial, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    throw new HushError(
      'IO',
      `${file.path}: another --in-place run is under way or was interrupted (${partial} exists)`,
    );
  });
  try {
    await writeFully(journal, partial, Buffer.concat([MAGIC, headerLength, header]), 0);
    const originalsHash = createHash('sha256').update(header);
    const replacementsHash = createHash('sha256');
    const expected = positions(ranges);
    let done = 0;
    let original = Buffer.alloc(0);
    for await (const { position, bytes } of writes) {
      if (expected.next(bytes.length) !== position)
        throw new Error(`journal: a write at ${position} is out of its ranges`);
      if (original.length < bytes.length) original = Buffer.allocUnsafe(bytes.length);
      const before = original.subarray(0, bytes.length);
      const { bytesRead } = await file.handle.read(before, 0, before.length, position);
      if (bytesRead < before.length) {
        throw new HushError('AUDIO_INVALID', `${file.path}: the file ends at byte ${position + bytesRead}`);
      }
      await writeFully(journal, partial, before, originalsAt + done);
      await writeFully(journal, partial, bytes, replacementsAt + done);
      originalsHash.update(before);
      replacementsHash.update(bytes);
      done += bytes.length;
    }
    if (done !== total)
      throw new Error(`journal: ${done} bytes of replacements for ${total} bytes of ranges`);
    const footer = Buffer.concat([originalsHash.digest(), replacementsHash.digest(), END]);
    await writeFully(journal, partial, footer, replacementsAt + total);
    await journal.datasync();
  } catch (error) {
    await journal.close();
    await rm(partial, { force: true });
    throw error;
  }
  await journal.close();
  await rename(partial, journalPath(file.path));
  await syncDirectory(file.path);
  return {
    path: journalPath(file.path),
    fileBytes: file.bytes,
    ranges: [...ranges],
    originalsAt,
    replacementsAt,
  };
}

/** Fills `buffer` from `position`, or fails: the journal is shorter than its header says. */
async function readExactly(
  handle: FileHandle,
  path: string,
  buffer: Buffer,
  position: number,
): Promise<Buffer> {
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
  if (bytesRead < buffer.length) throw damaged(path, `it ends at byte ${position + bytesRead}`);
  return buffer;
}

/** Feeds `length` bytes of `handle` from `position` to a hash, a chunk at a time. */
async function hashSection(
  handle: FileHandle,
  path: string,
  hash: ReturnType<typeof createHash>,
  position: number,
  length: number,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, length));
  for (let done = 0; done < length; done += CHUNK_BYTES) {
    hash.update(
      await readExactly(
        handle,
        path,
        buffer.subarray(0, Math.min(CHUNK_BYTES, length - done)),
        position + done,
      ),
    );
  }
}

function parseRanges(value: unknown, path: string): ByteRange[] {
  if (!Array.isArray(value)) throw damaged(path, 'no ranges');
  return value.map((pair: unknown) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((n) => Number.isSafeInteger(n) && n >= 0)) {
      throw damaged(path, 'a range is not two whole numbers');
    }
    return { offset: pair[0] as number, length: pair[1] as number };
  });
}

/** Reads a whole journal and checks it end to end (sizes and both hashes). */
export async function readJournal(path: string): Promise<Journal> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size < MAGIC.length + 4 + FOOTER_BYTES) throw damaged(path, `only ${size} bytes`);
    const start = await readExactly(handle, path, Buffer.alloc(MAGIC.length + 4), 0);
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged(path, 'not a Hush journal');
    const headerBytes = await readExactly(
      handle,
      path,
      Buffer.alloc(start.readUInt32LE(MAGIC.length)),
      MAGIC.length + 4,
    );
    let header: { version?: unknown; fileBytes?: unknown; ranges?: unknown };
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as typeof header;
    } catch {
      throw damaged(path, 'its header is not JSON');
    }
    if (header.version !== VERSION)
      throw damaged(path, `version ${String(header.version)}, expected ${VERSION}`);
    if (!Number.isSafeInteger(header.fileBytes)) throw damaged(path, 'no file size');
    const ranges = parseRanges(header.ranges, path);
    const total = ranges.reduce((sum, range) => sum + range.length, 0);
    const originalsAt = MAGIC.length + 4 + headerBytes.length;
    const replacementsAt = originalsAt + total;
    if (size !== replacementsAt + total + FOOTER_BYTES)
      throw damaged(path, `${size} bytes where its header implies ${replacementsAt + total + FOOTER_BYTES}`);
    const footer = await readExactly(handle, path, Buffer.alloc(FOOTER_BYTES), replacementsAt + total);
    if (!footer.subarray(64).equals(END)) throw damaged(path, 'no end mark');
    const originals = createHash('sha256').update(headerBytes);
    await hashSection(handle, path, originals, originalsAt, total);
    const replacements = createHash('sha256');
    await hashSection(handle, path, replacements, replacementsAt, total);
    if (
      !originals.digest().equals(footer.subarray(0, 32)) ||
      !replacements.digest().equals(footer.subarray(32, 64))
    ) {
      throw damaged(path, 'its contents do not match their hashes');
    }
    return { path, fileBytes: header.fileBytes as number, ranges, originalsAt, replacementsAt };
  } finally {
    await handle.close();
  }
}

/**
 * The journaled ranges in pieces of at most CHUNK_BYTES: where each piece sits in the recording
 * (`position`) and in each of the journal's two sections (`at`, counted from the section's start).
 */
function* journalChunks(journal: Journal): Generator<{ position: number; at: number; length: number }> {
  let at = 0;
  for (const range of journal.ranges) {
    for (let done = 0; done < range.length; done += CHUNK_BYTES) {
      const length = Math.min(CHUNK_BYTES, range.length - done);
      yield { position: range.offset + done, at, length };
      at += length;
    }
  }
}

/**
 * Writes one side of the journal over the recording: `replacement` finishes the run, `original`
 * undoes it. Each byte is checked first to hold either its original or its replacement value (a
 * crash can leave any mix of the two); anything else means the file changed since, and nothing
 * more is written. The recording is fsynced before returning.
 */
export async function applyJournal(
  file: string,
  journal: Journal,
  side: 'original' | 'replacement',
): Promise<void> {
  const target = await open(file, 'r+');
  const source = await open(journal.path, 'r');
  try {
    const fileBytes = (await target.stat()).size;
    if (fileBytes !== journal.fileBytes) {
      throw new HushError(
        'AUDIO_INVALID',
        `${file}: it is ${fileBytes} bytes, but its in-place journal was written for ${journal.fileBytes}; left as it is`,
      );
    }
    const original = Buffer.allocUnsafe(CHUNK_BYTES);
    const replacement = Buffer.allocUnsafe(CHUNK_BYTES);
    const current = Buffer.allocUnsafe(CHUNK_BYTES);
    for (const { position, at, length } of journalChunks(journal)) {
      const before = await readExactly(
        source,
        journal.path,
        original.subarray(0, length),
        journal.originalsAt + at,
      );
      const after = await readExactly(
        source,
        journal.path,
        replacement.subarray(0, length),
        journal.replacementsAt + at,
      );
      const now = current.subarray(0, length);
      const { bytesRead } = await target.read(now, 0, length, position);
      for (let i = 0; i < length; i++) {
        if (i >= bytesRead || (now[i] !== before[i] && now[i] !== after[i])) {
          throw new HushError(
            'AUDIO_INVALID',
            `${file}: byte ${position + i} changed since its in-place journal was written; left as it is`,
          );
        }
      }
      await writeFully(target, file, side === 'original' ? before : after, position);
    }
    await target.datasync();
  } finally {
    await Promise.all([target.close(), source.close()]);
  }
}

/**
 * Whether the recording's bytes in every journaled range are now exactly the journal's
 * replacements, read back from the file (after `applyJournal` synced it).
 */
export async function journalApplied(file: string, journal: Journal): Promise<boolean> {
  const target = await open(file, 'r');
  const source = await open(journal.path, 'r');
  try {
    const expected = Buffer.allocUnsafe(CHUNK_BYTES);
    const current = Buffer.allocUnsafe(CHUNK_BYTES);
    for (const { position, at, length } of journalChunks(journal)) {
      const after = await readExactly(
        source,
        journal.path,
        expected.subarray(0, length),
        journal.replacementsAt + at,
      );
      const { bytesRead } = await target.read(current, 0, length, position);
      if (bytesRead < length || !current.subarray(0, length).equals(after)) return false;
    }
    return true;
  } finally {
    await Promise.all([target.close(), source.close()]);
  }
}
