/**
 * The worker threads `hush batch` runs its jobs on (piscina): real parallelism for the CPU-bound
 * parts (detection, rendering, hashing), one process, one audit-log writer. The worker module
 * sits beside this one in every build: worker.ts under tsx, worker.js in tsc's dist/, and
 * dist/bin/chunks/worker.js in the bundle, beside the chunk this code lands in (scripts/build).
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { JobSettings, RedactJob } from '../../job/run.js';
import type { Fingerprint, FingerprintTask, JobSummary, RedactTask } from './worker.js';

export interface BatchPool {
  fingerprint(task: Omit<FingerprintTask, 'kind'>): Promise<Fingerprint>;
  redact(job: RedactJob, settings: JobSettings): Promise<JobSummary>;
  close(): Promise<void>;
}

export function openPool(threads: number): BatchPool {
  const here = fileURLToPath(import.meta.url);
  const pool = new Piscina({
    filename: new URL(`./worker${extname(here)}`, import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    fingerprint: (task) => pool.run({ kind: 'fingerprint', ...task } satisfies FingerprintTask),
    redact: (job, settings) => pool.run({ kind: 'redact', job, settings } satisfies RedactTask),
    close: () => pool.destroy(),
  };
}
