/**
 * File input and output for the CLI. Reads map file-system errors to HushError naming the path;
 * writes go to a temporary file beside the target and are renamed into place only when complete.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { hashOutside } from '../audio/verify/outside.js';
import { ioError, stagingPath } from '../files.js';

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

/** sha256 of a file's bytes, hex: the hash of every byte outside no changed range at all. */
export function sha256File(path: string): Promise<string> {
  return hashOutside(path, []);
}
