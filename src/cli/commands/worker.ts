/**
 * `hush worker`: the job runner and the webhook dispatcher without the HTTP API, to add job slots
 * on other machines beside a `hush serve` (PostgreSQL and S3 shared between them).
 */
import { workerConfig, type WorkerFlags } from '../../service/config.js';
import { runService } from './serve.js';

export type WorkerCommandOptions = WorkerFlags;

export function workerCommand(options: WorkerCommandOptions, hushVersion: string): Promise<number> {
  return runService(workerConfig(options), hushVersion, 'worker');
}
