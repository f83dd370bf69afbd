/**
 * kill -9 in the middle of a job: two `hush worker` processes share a backend; the recording's URL
 * stalls until the worker that claimed the job has been killed (SIGKILL); the other takes the job
 * once the lease expired and finishes it. The job completes once, on its second attempt, with one
 * `job.completed` webhook and one succeeded audit entry, and the audit chain verifies. On SQLite
 * (leases of 1.5 s) and on PostgreSQL (pg-boss's minimum of 10 s).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { verifyChain } from '../../../src/audit/verify.js';
import { openBackend } from '../../../src/service/open-backend.js';
import { LocalFileStore } from '../../../src/service/files/local.js';
import { newWebhookSecret } from '../../../src/service/webhooks/signing.js';
import { removeTempDirs, tempDir } from '../../cli/helpers.js';
import { dropSchemas, freshSchema, POSTGRES_URL, requirePostgres } from '../postgres-test-db.js';
import {
  auditRecords,
  finalJob,
  serveWav,
  startHush,
  stopHush,
  submitCall,
  testServer,
  waitFor,
  webhookReceiver,
  type HushProcess,
} from './helpers.js';

after(removeTempDirs);

async function killMidJob(db: string, leaseSeconds: number, maxWaitMs: number): Promise<void> {
  const dir = await tempDir();
  const filesDir = join(dir, 'files');
  const backend = await openBackend(db);
  const files = new LocalFileStore(filesDir);
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const recordings = await testServer(async (_request, response, n) => {
    if (n === 1) await released; // the first worker to ask is killed while it waits
    serveWav(response);
  });
  const receiver = await webhookReceiver();
  const workers: HushProcess[] = [];
  try {
    await backend.webhooks.addEndpoint({
      url: `${receiver.url}/hooks`,
      secret: newWebhookSecret(),
      events: ['job.completed'],
      description: null,
    });
    const env = {
      HUSH_LEASE_SECONDS: String(leaseSeconds),
      HUSH_URL_ALLOW: '127.0.0.1',
      HUSH_DRAIN_SECONDS: '5',
    };
    for (let i = 0; i < 2; i++)
      workers.push(startHush(['worker', '--db', db, '--files', filesDir, '--concurrency', '1'], env));
    for (const worker of workers)
      await worker.waitForLog('the worker to start', (line) => line.msg === 'job runner started');

    const job = await submitCall(backend, files, dir, {
      recordingUrl: `${recordings.url}/call.wav?token=planted`,
    });
    await waitFor('the recording to be asked for', () => recordings.requests === 1, maxWaitMs);
    const claimedBy = (worker: HushProcess) =>
      worker.logs.some((line) => line.msg === 'job claimed' && line.jobId === job.id);
    const holder = await waitFor('the holder to log its claim', () => workers.find(claimedBy));
    const other = workers.find((worker) => worker !== holder)!;
    const running = await backend.jobs.get(job.id);
    assert.equal(running!.state, 'running');
    holder.child.kill('SIGKILL');
    await holder.exit;
    release();

    const done = await finalJob(backend, job.id, maxWaitMs);
    assert.equal(done.state, 'completed', done.failure ?? '');
    assert.equal(done.attempts, 2);
    assert.ok(claimedBy(other), 'the other worker finished it');
    assert.equal(recordings.requests, 2);

    const records = (await auditRecords(backend)).filter((record) => record.entry.jobId === job.id);
    assert.deepEqual(
      records.map((record) => record.entry.status),
      ['succeeded'],
    );
    assert.equal(records[0]!.seq, done.result!.auditSeq);
    assert.equal((await verifyChain(backend.audit.records())).valid, true);

    const deliveries = await waitFor(
      'the completed webhook to be delivered',
      async () => {
        const { deliveries: found } = await backend.webhooks.listDeliveries({ jobId: job.id, limit: 50 });
        return found.every((delivery) => delivery.state !== 'pending') && found.length > 0 && found;
      },
      maxWaitMs,
    );
    assert.deepEqual(
      deliveries.map((delivery) => [delivery.event.type, delivery.state]),
      [['job.completed', 'delivered']],
    );
    assert.deepEqual(
      receiver.events.map(({ event }) => [event.type, event.data.jobId, event.data.attempts]),
      [['job.completed', job.id, 2]],
    );

    // The survivor drains and exits cleanly on SIGTERM.
    other.child.kill('SIGTERM');
    assert.equal(await other.exit, 0, other.stderr());
  } catch (error) {
    // What the workers said is what explains a failure here.
    const said = workers.map((worker) => `${worker.stdout.join('\n')}\n${worker.stderr()}`).join('\n---\n');
    throw new Error(`${(error as Error).message}\nworkers:\n${said}`, { cause: error });
  } finally {
    release();
    for (const worker of workers) await stopHush(worker);
    await recordings.close();
    await receiver.close();
    await backend.close();
  }
}

describe('a worker killed mid-job (kill -9)', () => {
  test('SQLite: the other worker finishes the job once; one completed webhook, one audit entry', async () => {
    const dir = await tempDir();
    await killMidJob(join(dir, 'hush.db'), 1.5, 20_000);
  });

  test('PostgreSQL: the other worker finishes the job once; one completed webhook, one audit entry', async () => {
    await requirePostgres();
    const schema = freshSchema('kill');
    try {
      await killMidJob(`${POSTGRES_URL}?schema=${schema}`, 10, 45_000);
    } finally {
      await dropSchemas([schema]);
    }
  });
});
