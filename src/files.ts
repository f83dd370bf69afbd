/**
 * File handling shared by every adapter (CLI, jobs, audio, service): reads and errors that name
 * the path and the problem, and staged writes: a temporary file beside the target, renamed into
 * place only when complete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HushError } from './errors.js';

const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
};

/** A file-system error as a HushError naming the path; `doing` describes the attempt, e.g. `read the file`. */
export function ioError(path: string, error: unknown, doing: string): HushError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return new HushError(
    'IO',
    `${path}: ${PROBLEMS[code] ?? `could not ${doing} (${code || 'unknown error'})`}`,
  );
}

/**
 * Beside the target (same file system, so the final rename is atomic), unique per process and
 * attempt: a reader never sees a half-written file under the final name.
 */
export function stagingPath(target: string): string {
  return `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw ioError(path, error, 'read the file');
  }
}

/** Reads a UTF-8 text file, without a byte-order mark. */
export async function readText(path: string): Promise<string> {
  return (await readBytes(path)).toString('utf8').replace(/^\uFEFF/, '');
}

/** True when both paths name the same file (same path, or the same file through a link). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [statA, statB] = await Promise.all([stat(a), stat(b)]);
    return statA.dev === statB.dev && statA.ino === statB.ino;
  } catch {
    return false;
  }
}

/** A complete file written under a temporary name, waiting to be renamed into place or discarded. */
export interface StagedFile {
  /** The temporary file's path. */
  path: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Writes `data` to `<target>.tmp-<pid>-<random>` (creating the target's directory). */
export async function stageFile(target: string, data: string): Promise<StagedFile> {
  const temp = stagingPath(target);
  const discard = (): Promise<void> => rm(temp, { force: true });
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, data, { flag: 'wx' });
  } catch (error) {
    await discard();
    throw ioError(target, error, 'write the file');
  }
  return {
    path: temp,
    async commit() {
      try {
        await rename(temp, target);
      } catch (error) {
        await discard();
        throw ioError(target, error, 'write the file');
      }
    },
    discard,
  };
}

/** What a streamed write wrote: its size and its sha256 (hex). */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

/**
 * Streams `chunks` into a temporary file beside `target` (creating the directory), hashing them on
 * the way, and renames it into place only when the source ended without error. Errors from the
 * source pass through as they are (the source names its own problem); write errors name `target`.
 */
export async function writeStreamStaged(
  target: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<WrittenFile> {
  const temp = stagingPath(target);
  const hash = createHash('sha256');
  let bytes = 0;
  let sourceFailed = false;
  async function* hashed(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    } catch (error) {
      sourceFailed = true;
      throw error;
    }
  }
  try {
    await mkdir(dirname(target), { recursive: true });
    await pipeline(hashed(), createWriteStream(temp, { flags: 'wx' }));
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    if (sourceFailed) throw error;
    throw ioError(target, error, 'write the file');
  }
  return { bytes, sha256: hash.digest('hex') };
}
