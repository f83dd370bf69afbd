/**
 * Child process for the SQLite backend tests: a worker on its own connection to FILE.
 *   drain WORKER: claims one job and prints `holding`, so that every process holds one at once;
 *     on `go` from stdin, completes it and goes on claiming and completing (2 ms of work each)
 *     until no job is left; prints the ids it claimed as a JSON array.
 *   hold WORKER LEASE_MS: claims one job under a LEASE_MS lease, prints the lease as JSON, and
 *     waits to be killed holding it.
 * Usage: node --import tsx test/service/sqlite-claimer.ts FILE drain|hold WORKER [LEASE_MS]
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { openSqliteBackend } from '../../src/service/backends/sqlite/index.js';
import type { Lease } from '../../src/service/jobs/store.js';
import { sampleResult } from './backend-contract.js';

const [file, mode, worker, leaseMs] = process.argv.slice(2);
const backend = openSqliteBackend(file!);

if (mode === 'hold') {
  const lease = await backend.jobs.claim(worker!, Number(leaseMs));
  console.log(JSON.stringify(lease));
  setInterval(() => {}, 60_000); // held until killed
} else {
  const claimed: string[] = [];
  const complete = async (lease: Lease) => {
    claimed.push(lease.jobId);
    if ((await backend.jobs.complete(lease, sampleResult())) === null) throw new Error('lease lost');
  };
  const first = await backend.jobs.claim(worker!, 60_000);
  if (first === null) throw new Error('nothing to claim');
  console.log('holding');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();
  await complete(first);
  for (;;) {
    const lease = await backend.jobs.claim(worker!, 60_000);
    if (lease === null) break;
    await new Promise((resolve) => setTimeout(resolve, 2)); // the work, during which others claim
    await complete(lease);
  }
  await backend.close();
  console.log(JSON.stringify(claimed));
}
