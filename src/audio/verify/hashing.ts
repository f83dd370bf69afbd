/**
 * The hashes of a job, taken on worker threads. sha256 is most of a job's work (about 1.5 GB/s a
 * core: 0.4 s for a 635 MB recording), and a job records three of them (input, output, bytes
 * outside the regions). On the main thread they would run one after the other, and block the
 * copy and the comparison meanwhile; a worker takes them on the second core while the main thread
 * copies and compares. One worker reads its file once for all the views asked of it (outside.ts).
 * A worker takes some 50 ms to start and holds some 10 MB while it runs: a small file is hashed
 * on the calling thread, sooner than a worker would be ready.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HushError, type HushErrorCode } from '../../errors.js';
import type { HashTask, HashTaskResult } from './hash-worker.js';
import { hashViews, type FileView } from './outside.js';

/** The worker module sits beside this one: hash-worker.js in dist/ and in the bundle (scripts/build). */
const WORKER = new URL('./hash-worker.js', import.meta.url);
/**
 * Run from the TypeScript sources (tsx: the tests, the scripts), whose module hooks do not reach
 * worker threads, the same `hashViews` runs on the calling thread instead.
 */
const IN_THREAD = extname(fileURLToPath(import.meta.url)) === '.ts';
/** Files up to this size are hashed on the calling thread: sha256 gets through them in about 10 ms. */
const IN_THREAD_MAX_BYTES = 16 * 1024 * 1024;

async function small(path: string): Promise<boolean> {
  // A file that cannot be read is left to `hashViews`, whose error names it.
  const size = await stat(path).then(
    (info) => info.size,
    () => 0,
  );
  return size <= IN_THREAD_MAX_BYTES;
}

/**
 * sha256 (hex) of each view of `path` (see `hashViews`), on a worker thread of its own (a small
 * file's on the calling thread, see above).
 */
export async function hashViewsInWorker(path: string, views: readonly FileView[]): Promise<string[]> {
  if (IN_THREAD || (await small(path))) return hashViews(path, views);
  return new Promise((resolve, reject) => {
    const task: HashTask = { path, views };
    const worker = new Worker(WORKER, { workerData: task });
    worker.once('message', (result: HashTaskResult) => {
      if ('hashes' in result) resolve(result.hashes);
      // A HushError's message names a file and a problem, never content: it may cross over as it is.
      else if (result.code) reject(new HushError(result.code as HushErrorCode, result.message));
      else reject(new Error(result.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hash worker stopped (exit ${code})`)));
  });
}
