/**
 * Files on S3-compatible object storage (AWS S3, MinIO, Ceph, R2, …) through @aws-sdk/client-s3.
 * An object appears under its key only when a PutObject completes (S3 writes are atomic), so no
 * temporary key is needed. The local file is hashed first, then streamed with its length; the
 * sha256 travels as object metadata (`x-amz-meta-sha256`) and as `x-amz-checksum-sha256`, so the
 * store refuses a body that does not match it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sha256File } from '../../audio/verify/outside.js';
import { HushError } from '../../errors.js';
import { ioError } from '../../files.js';
import { downloadObject } from './download.js';
import { keySegments } from './key.js';
import type { FileStore, StoredObject } from './store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Prepended to every key, with a `/`; none by default. */
  prefix?: string;
  /** The service's URL, for stores other than AWS (`http://127.0.0.1:9000`). */
  endpoint?: string;
  region: string;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`; most S3-compatible stores want it. */
  forcePathStyle?: boolean;
  /** Without them, the SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY first). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export class S3FileStore implements FileStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix?.replace(/^\/+|\/+$/g, '') ?? '';
    if (this.prefix !== '') keySegments(this.prefix);
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle ?? false,
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
      // The SDK's default checksums (CRC32 in aws-chunked trailers) are not spoken by every
      // S3-compatible store; the sha256 sent with each put is checksum enough.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    keySegments(key);
    return this.prefix === '' ? key : `${this.prefix}/${key}`;
  }

  private where(objectKey: string): string {
    return `s3://${this.bucket}/${objectKey}`;
  }

  /** An SDK or network error as a HushError naming the object and the store's error code. */
  private failure(objectKey: string, doing: string, error: unknown): HushError {
    const { code, name } = error as { code?: string; name?: string };
    return new HushError(
      'IO',
      `${this.where(objectKey)}: could not ${doing} (${code ?? name ?? 'unknown error'})`,
    );
  }

  async put(key: string, file: string): Promise<StoredObject> {
    const objectKey = this.objectKey(key);
    const bytes = await stat(file).then(
      (info) => info.size,
      (error: unknown) => Promise.reject(ioError(file, error, 'read the file')),
    );
    const sha256 = await sha256File(file);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Body: createReadStream(file),
          ContentLength: bytes,
          Metadata: { sha256 },
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    } catch (error) {
      throw this.failure(objectKey, 'put the object', error);
    }
    return { key, bytes, sha256 };
  }

  async download(key: string, file: string): Promise<void> {
    await downloadObject(this, key, file, this.where(this.objectKey(key)));
  }

  async read(key: string): Promise<{ stream: Readable; bytes: number } | null> {
    const objectKey = this.objectKey(key);
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return { stream: answer.Body as Readable, bytes: answer.ContentLength ?? 0 };
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return null;
      throw this.failure(objectKey, 'read the object', error);
    }
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      throw this.failure(objectKey, 'delete the object', error);
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
