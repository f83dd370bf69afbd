/**
 * Where the service keeps recordings, transcripts and outputs: a local folder (embedded default) or
 * S3-compatible object storage. Keys are `/`-separated paths chosen by the service
 * (`jobs/<id>/input/<name>`, `jobs/<id>/output/<name>`), never caller input.
 */
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  bytes: number;
  sha256: string;
}

export interface FileStore {
  /** Copies a local file in under `key`; readers never see a partial object under the final key. */
  put(key: string, file: string): Promise<StoredObject>;
  /** Writes the object to a local file (staged and renamed). */
  download(key: string, file: string): Promise<void>;
  /** The object's bytes, for serving; null when there is no such key. */
  read(key: string): Promise<{ stream: Readable; bytes: number } | null>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}
