/**
 * The SQLite backend: the backend contract with fast timing, then what only a file can show:
 * processes sharing one file (claims, a worker killed holding a lease), the schema when reopening,
 * the audit log shared with the CLI, and what the file holds.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import { verifyChain } from '../../src/audit/verify.js';
import { HushError } from '../../src/errors.js';
import { newApiKey } from '../../src/service/auth/api-key.js';
import { openSqliteBackend } from '../../src/service/backends/sqlite/index.js';
import type { Lease } from '../../src/service/jobs/store.js';
import { JOB_BACKOFF } from '../../src/service/retry.js';
import { sampleEntry } from '../audit/helpers.js';
import { describeBackendContract, sampleNewJob, sampleResult } from './backend-contract.js';

const CLAIMER = fileURLToPath(new URL('./sqlite-claimer.ts', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'hush-sqlite-backend-'));
after(() => rm(dir, { recursive: true, force: true }));

describeBackendContract(
  'sqlite',
  { leaseMs: 200, backoff: { baseMs: 50, maxMs: 200 }, maxWaitMs: 3_000 },
  async ({ storage, backoff }) => openSqliteBackend(join(dir, `${storage}.db`), { backoff }),
);

let files = 0;
const newFile = () => join(dir, `file-${++files}.db`);

/** A claimer process on `file`, and its stdout lines one by one. */
function startClaimer(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  line: () => Promise<string>;
} {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CLAIMER, ...args]);
  child.stderr.pipe(process.stderr);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    line: async () => {
      const next = await lines.next();
      assert.equal(next.done, false, 'the claimer printed a line before exiting');
      return next.value as string;
    },
  };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) assert.fail(`${what}: not within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the SQLite backend on its file', () => {
  test('processes and connections claiming from one file take each job exactly once', async () => {
    const file = newFile();
    const backend = openSqliteBackend(file);
    const peer = openSqliteBackend(file);
    try {
      const ids = new Set<string>();
      for (let n = 0; n < 60; n++) ids.add((await backend.jobs.submit(sampleNewJob())).job.id);
      const claimers = ['p1', 'p2', 'p3'].map((worker) => startClaimer([file, 'drain', worker]));
      // Each process holds a job before any completes: they really claim side by side.
      for (const claimer of claimers) assert.equal(await claimer.line(), 'holding');
      for (const claimer of claimers) claimer.child.stdin.end('go\n');

      const inProcess: string[] = [];
      const drain = async (store: typeof backend.jobs, worker: string) => {
        for (;;) {
          const lease = await store.claim(worker, 60_000);
          if (lease === null) return;
          inProcess.push(lease.jobId);
          await new Promise((resolve) => setTimeout(resolve, 2)); // as the claimer processes work
          assert.ok(await store.complete(lease, sampleResult()));
        }
      };
      const [children] = await Promise.all([
        Promise.all(
          claimers.map(async ({ child, line }) => {
            const claimed = JSON.parse(await line()) as string[];
            const [code] = (await once(child, 'close')) as [number | null];
            assert.equal(code, 0);
            return claimed;
          }),
        ),
        drain(backend.jobs, 'main-a'),
        drain(peer.jobs, 'main-b'),
      ]);
      const claimed = [...inProcess, ...children.flat()];
      assert.equal(claimed.length, 60, 'no job claimed twice');
      assert.deepEqual(new Set(claimed), ids);
      assert.equal((await backend.jobs.counts()).completed, 60);
    } finally {
      await backend.close();
      await peer.close();
    }
  });

  test('a worker killed holding a lease leaves its job to the next claim, as attempt 2', async () => {
    const file = newFile();
    const backend = openSqliteBackend(file);
    try {
      const { job } = await backend.jobs.submit(sampleNewJob({ maxAttempts: 2 }));
      const holder = startClaimer([file, 'hold', 'doomed', '300']);
      const lease = JSON.parse(await holder.line()) as Lease;
      assert.equal(lease.jobId, job.id);
      holder.child.kill('SIGKILL');
      await once(holder.child, 'close');

      assert.equal(await backend.jobs.claim('survivor', 60_000), null, 'the lease still runs');
      const next = await waitFor('the dead worker’s job', () => backend.jobs.claim('survivor', 60_000));
      assert.deepEqual([next.jobId, next.attempt], [job.id, 2]);
      assert.equal(await backend.jobs.renew(lease, 60_000), false);
      assert.equal((await backend.jobs.complete(next, sampleResult()))?.state, 'completed');
    } finally {
      await backend.close();
    }
  });

  test('reopening keeps everything; the schema version is recorded; a later version is refused', async () => {
    const file = newFile();
    const first = openSqliteBackend(file);
    const { job } = await first.jobs.submit(sampleNewJob());
    const key = newApiKey();
    await first.keys.create({ id: key.id, name: 'k', scopes: ['read'], secretSha256: key.secretSha256 });
    await first.close();

    const again = openSqliteBackend(file);
    assert.deepEqual(await again.jobs.get(job.id), job);
    assert.ok(await again.keys.find(key.id, key.secretSha256));
    await again.close();

    const raw = new Database(file);
    assert.equal(raw.prepare('SELECT version FROM service_schema').pluck().get(), 1);
    raw.exec('UPDATE service_schema SET version = 99');
    raw.close();
    assert.throws(
      () => openSqliteBackend(file),
      (error: unknown) =>
        error instanceof HushError &&
        error.message === `${file}: service schema version 99; this Hush reads versions up to 1`,
    );
  });

  test('a database that is not Hush’s is refused and left as it was', async () => {
    const file = newFile();
    const raw = new Database(file);
    raw.exec('CREATE TABLE jobs (id TEXT)');
    raw.close();
    const before = await readFile(file);
    assert.throws(() => openSqliteBackend(file), /not a Hush audit log/);
    assert.deepEqual(await readFile(file), before);
  });

  test('the audit log is the CLI’s: an existing log is continued, and the CLI verifies the service’s', async () => {
    const file = newFile();
    const cli = openSqliteAudit(file);
    await cli.append(sampleEntry(1));
    await cli.close();

    const backend = openSqliteBackend(file);
    await backend.audit.append(sampleEntry(2));
    await backend.jobs.submit(sampleNewJob());
    await backend.close();

    const reader = openSqliteAudit(file, { readonly: true });
    const report = await verifyChain(reader.records());
    await reader.close();
    assert.equal(report.valid, true);
    assert.equal(report.records, 2);
  });

  test('the file holds API key secrets only as hashes', async () => {
    const file = newFile();
    const backend = openSqliteBackend(file);
    const key = newApiKey();
    await backend.keys.create({ id: key.id, name: 'k', scopes: ['admin'], secretSha256: key.secretSha256 });
    const held = [
      await readFile(file),
      existsSync(`${file}-wal`) ? await readFile(`${file}-wal`) : Buffer.alloc(0),
    ];
    await backend.close();
    const secret = key.token.split('_')[2]!;
    for (const bytes of [...held, await readFile(file)]) {
      assert.equal(bytes.includes(secret), false, 'the secret is not stored');
      assert.equal(bytes.includes(key.token), false);
    }
    assert.ok(
      held.some((bytes) => bytes.includes(key.secretSha256)),
      'its hash is',
    );
  });

  test('without a backoff option, a transient failure waits JOB_BACKOFF', async () => {
    const file = newFile();
    const backend = openSqliteBackend(file);
    try {
      const { job } = await backend.jobs.submit(sampleNewJob());
      const lease = await backend.jobs.claim('w', 60_000);
      assert.ok(lease);
      assert.ok(await backend.jobs.fail(lease, { reason: 'timeout', permanent: false }));
      const raw = new Database(file, { readonly: true });
      const row = raw.prepare('SELECT due_at - updated_at AS wait FROM jobs WHERE id = ?').get(job.id) as {
        wait: number;
      };
      raw.close();
      assert.ok(row.wait >= JOB_BACKOFF.baseMs / 2 && row.wait <= JOB_BACKOFF.baseMs, `waits ${row.wait} ms`);
    } finally {
      await backend.close();
    }
  });
});
