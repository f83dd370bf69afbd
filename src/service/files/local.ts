/**
 * The embedded default file store: a folder, each object a file at its key's path under it. Files
 * are written under a temporary name beside the final one and renamed, so a reader finds a whole
 * file or none.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ioError, writeStreamStaged } from '../../files.js';
import { chunksOf, downloadObject } from './download.js';
import { keySegments } from './key.js';
import type { FileStore, StoredObject } from './store.js';

/** No object there: no such file, or a part of the path is a file. */
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    return join(this.root, ...keySegments(key));
  }

  async put(key: string, file: string): Promise<StoredObject> {
    const chunks = chunksOf(createReadStream(file), (error) => ioError(file, error, 'read the file'));
    const written = await writeStreamStaged(this.path(key), chunks);
    return { key, ...written };
  }

  download(key: string, file: string): Promise<void> {
    return downloadObject(this, key, file, `file store key ${JSON.stringify(key)}`);
  }

  async read(key: string): Promise<{ stream: Readable; bytes: number } | null> {
    const path = this.path(key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
      throw ioError(path, error, 'read the file');
    }
    const info = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw ioError(path, error, 'read the file');
    });
    // A key that names a folder (a prefix of other keys) holds no object.
    if (!info.isFile()) {
      await handle.close();
      return null;
    }
    // The stream closes the handle when it ends or is destroyed.
    return { stream: handle.createReadStream(), bytes: info.size };
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    try {
      await rm(path, { force: true });
    } catch (error) {
      throw ioError(path, error, 'delete the file');
    }
  }

  async close(): Promise<void> {}
}
