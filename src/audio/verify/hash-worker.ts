/** The worker thread of hashing.ts: hashes the views of one file and posts the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { HushError } from '../../errors.js';
import { hashViews, type FileView } from './outside.js';

export interface HashTask {
  path: string;
  views: readonly FileView[];
}

export type HashTaskResult = { hashes: string[] } | { message: string; code: string | null };

const task = workerData as HashTask;
hashViews(task.path, task.views).then(
  (hashes) => parentPort!.postMessage({ hashes } satisfies HashTaskResult),
  (error: unknown) =>
    parentPort!.postMessage({
      message: error instanceof Error ? error.message : String(error),
      code: error instanceof HushError ? error.code : null,
    } satisfies HashTaskResult),
);
