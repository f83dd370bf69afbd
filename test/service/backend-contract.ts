/**
 * The contract every `ServiceBackend` passes (src/service/backend.ts): SQLite in
 * test/service/sqlite-backend.test.ts, PostgreSQL in test/service/postgres-backend.test.ts. Not a
 * test file itself: a test file calls
 *
 *   describeBackendContract('sqlite', timing, open)
 *
 * and the contract registers its `describe` / `test` blocks.
 *
 * `open(options)` must return a backend over the storage named `options.storage`:
 * - a name not seen before is new, empty storage (a SQLite file, a PostgreSQL schema). Every test
 *   opens its own, so tests never see each other's rows;
 * - the same name again opens the same storage through another connection, as a second process
 *   would (the contract does this for concurrent claims);
 * - the backend must use `options.backoff` as its job backoff policy, and may use
 *   `options.leaseMs` (the lease every claim in the contract asks for) where it must decide a
 *   lease before `claim` (pg-boss sets expiry when a job is sent).
 * Names are lowercase letters and digits, at most 24 characters. The contract closes every backend
 * it opened; the test file removes the storage afterwards (temp dir, DROP SCHEMA).
 *
 * `timing` sets the contract's clock: `leaseMs` is the lease asked of `claim` / `renew` /
 * `claimDue` in tests where leases must expire; `backoff` is what `open` receives; `maxWaitMs` is
 * the longest any condition (an expired lease noticed, a retry coming due) is awaited before the
 * test fails. Waits poll with a short interval and a deadline; nothing sleeps longer than needed.
 * A transient failure after attempt 1 must not be claimable for `backoff.baseMs / 2` (the least
 * `backoffMs` can return) and must be within `maxWaitMs`.
 *
 * Beyond the interface comments, the contract fixes: lists (jobs, deliveries) are newest first in
 * the order rows were written, even within one millisecond; times come back as
 * `Date#toISOString()` strings; a list cursor the backend did not issue is refused; `claimDue`
 * skips the pending deliveries of disabled endpoints; a claim that takes over an expired lease
 * announces `job.running` (the new attempt) even when the job was already running; `signals` are
 * notified by the time the committing call resolves.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, test } from 'node:test';
import { sha256Hex } from '../../src/audit/chain.js';
import { verifyChain } from '../../src/audit/verify.js';
import { newApiKey } from '../../src/service/auth/api-key.js';
import type { ServiceBackend } from '../../src/service/backend.js';
import { JOB_STATES, type JobRecord, type JobResult, type NewJob } from '../../src/service/jobs/job.js';
import type { Lease } from '../../src/service/jobs/store.js';
import type { BackoffPolicy } from '../../src/service/retry.js';
import type { WorkSignal } from '../../src/service/signal.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../src/service/webhooks/store.js';
import { sampleEntry } from '../audit/helpers.js';

/** What `open` receives. */
export interface BackendTestOptions {
  /** Names the storage: new name, empty storage; same name, same storage (another connection). */
  storage: string;
  /** The job backoff policy the backend must be opened with. */
  backoff: BackoffPolicy;
  /** The lease every claim in the contract asks for. */
  leaseMs: number;
}

export type OpenBackend = (options: BackendTestOptions) => Promise<ServiceBackend>;

/** The contract's clock for one backend (see the module comment). */
export interface ContractTiming {
  leaseMs: number;
  backoff: BackoffPolicy;
  maxWaitMs: number;
}

/** A job request as the API would build it (references, settings, metadata; no content). */
export function sampleNewJob(overrides: Partial<NewJob> = {}): NewJob {
  return {
    id: randomUUID(),
    request: {
      recording: {
        kind: 'file',
        key: 'jobs/sample/input/call.wav',
        name: 'call.wav',
        bytes: 96_044,
        sha256: sha256Hex('call.wav'),
      },
      transcript: { kind: 'url', url: 'https://files.example.com/t.json?sig=abc', name: 't.json' },
      regions: null,
      transcriptFormat: null,
      patterns: ['CREDIT_CARD', '\\bref-[0-9]{6}\\b'],
      replacementType: 'silence',
      customAudioUrl: null,
      language: 'en-US',
      includeTranscript: true,
      metadata: { callId: 'call-1', queue: 'billing' },
    },
    apiKeyId: null,
    idempotencyKey: null,
    maxAttempts: 3,
    ...overrides,
  };
}

export function sampleResult(): JobResult {
  const file = (name: string) => ({
    key: `jobs/sample/output/${name}`,
    name,
    bytes: 1_000,
    sha256: sha256Hex(name),
  });
  return {
    recording: file('call.wav'),
    transcript: file('t.json'),
    report: file('report.json'),
    regions: [{ start: 1.5, end: 3.25, channel: 1 }],
    counts: { CREDIT_CARD: 1 },
    verification: {
      passed: true,
      checks: [{ name: 'region-levels', passed: true, detail: 'max -91.2 dBFS' }],
    },
    auditSeq: 7,
  };
}

export function describeBackendContract(name: string, timing: ContractTiming, open: OpenBackend): void {
  const { leaseMs, maxWaitMs } = timing;
  /** Long enough never to expire within a test, for tests about something else. */
  const longLeaseMs = Math.max(leaseMs * 20, 60_000);
  const pollMs = Math.max(5, Math.min(50, Math.floor(leaseMs / 10)));
  const prefix = `c${randomBytes(4).toString('hex')}`;
  let opened: ServiceBackend[] = [];
  let storages = 0;

  async function openStorage(storage: string): Promise<ServiceBackend> {
    const backend = await open({ storage, backoff: timing.backoff, leaseMs });
    opened.push(backend);
    return backend;
  }

  /** A backend over new, empty storage; its name opens it again. */
  async function fresh(): Promise<{ backend: ServiceBackend; storage: string }> {
    const storage = `${prefix}n${++storages}`;
    return { backend: await openStorage(storage), storage };
  }

  /** Polls `probe` until it returns something other than null / undefined / false. */
  async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
      if (Date.now() > deadline) assert.fail(`${what}: not within ${maxWaitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async function mustGet(backend: ServiceBackend, id: string): Promise<JobRecord> {
    const job = await backend.jobs.get(id);
    assert.ok(job, `job ${id} exists`);
    return job;
  }

  async function submit(backend: ServiceBackend, overrides: Partial<NewJob> = {}): Promise<JobRecord> {
    const { job, created } = await backend.jobs.submit(sampleNewJob(overrides));
    assert.equal(created, true);
    return job;
  }

  async function mustClaim(backend: ServiceBackend, workerId = 'worker-a', ms = longLeaseMs): Promise<Lease> {
    const lease = await backend.jobs.claim(workerId, ms);
    assert.ok(lease, 'a job was claimable');
    return lease;
  }

  /** Every delivery of a job (all endpoints), oldest first. */
  async function deliveriesOf(backend: ServiceBackend, jobId: string, endpointId?: string) {
    const query = endpointId === undefined ? { jobId, limit: 100 } : { jobId, endpointId, limit: 100 };
    const { deliveries } = await backend.webhooks.listDeliveries(query);
    return deliveries.reverse();
  }

  async function typesOf(backend: ServiceBackend, jobId: string, endpointId?: string): Promise<string[]> {
    return (await deliveriesOf(backend, jobId, endpointId)).map((delivery) => delivery.event.type);
  }

  async function addEndpoint(backend: ServiceBackend, events: string[] = []): Promise<WebhookEndpoint> {
    return backend.webhooks.addEndpoint({
      url: 'https://hooks.example.com/hush',
      secret: `whsec_${randomBytes(24).toString('base64')}`,
      events,
      description: null,
    });
  }

  const isIso = (value: string | null) => value !== null && new Date(value).toISOString() === value;

  /** Whether a sleeper on `signal` is woken by `commit` (by the time it resolves), and not before. */
  async function wakes(signal: WorkSignal, commit: () => Promise<unknown>): Promise<boolean> {
    // A notify nobody waited for is kept for the next wait: drop it, to see this commit's.
    await signal.wait(0);
    let woken = false;
    const sleeping = signal.wait(5_000).then(() => (woken = true));
    await new Promise(setImmediate);
    assert.equal(woken, false, 'woken before the commit');
    await commit();
    await new Promise(setImmediate);
    const result = woken;
    // Ends the sleep either way, so no timer outlives the test.
    signal.notify();
    await sleeping;
    return result;
  }

  describe(`${name} backend contract`, () => {
    afterEach(async () => {
      const closing = opened;
      opened = [];
      await Promise.all(closing.map((backend) => backend.close()));
    });

    describe('jobs: submit', () => {
      test('submit commits a queued job; get returns it', async () => {
        const { backend } = await fresh();
        const request = sampleNewJob({ apiKeyId: 'key-1', maxAttempts: 4 });
        const { job, created } = await backend.jobs.submit(request);
        assert.equal(created, true);
        assert.equal(job.id, request.id);
        assert.equal(job.state, 'queued');
        assert.equal(job.progress, 0);
        assert.equal(job.attempts, 0);
        assert.equal(job.maxAttempts, 4);
        assert.deepEqual(job.request, request.request);
        assert.equal(job.result, null);
        assert.equal(job.failure, null);
        assert.equal(job.apiKeyId, 'key-1');
        assert.equal(job.idempotencyKey, null);
        assert.ok(isIso(job.createdAt) && isIso(job.updatedAt), 'times are ISO 8601');
        assert.equal(job.startedAt, null);
        assert.equal(job.finishedAt, null);
        assert.deepEqual(await backend.jobs.get(job.id), job);
        assert.equal(await backend.jobs.get(randomUUID()), null);
      });

      test('an idempotency key returns the first job for the same API key and writes nothing', async () => {
        const { backend } = await fresh();
        const endpoint = await addEndpoint(backend);
        const first = await submit(backend, { apiKeyId: 'key-a', idempotencyKey: 'order-1' });
        const again = await backend.jobs.submit(
          sampleNewJob({ apiKeyId: 'key-a', idempotencyKey: 'order-1' }),
        );
        assert.equal(again.created, false);
        assert.deepEqual(again.job, first);

        // Another key, and no key, are scopes of their own.
        const otherKey = await submit(backend, { apiKeyId: 'key-b', idempotencyKey: 'order-1' });
        const noKey = await submit(backend, { apiKeyId: null, idempotencyKey: 'order-1' });
        const noKeyAgain = await backend.jobs.submit(
          sampleNewJob({ apiKeyId: null, idempotencyKey: 'order-1' }),
        );
        assert.equal(noKeyAgain.created, false);
        assert.equal(noKeyAgain.job.id, noKey.id);
        // Without an idempotency key every submit is a new job.
        await submit(backend, { apiKeyId: 'key-a' });
        await submit(backend, { apiKeyId: 'key-a' });

        assert.equal((await backend.jobs.counts()).queued, 5);
        assert.notEqual(otherKey.id, first.id);
        const { deliveries } = await backend.webhooks.listDeliveries({ endpointId: endpoint.id, limit: 100 });
        assert.equal(deliveries.length, 5, 'one job.queued delivery per job created, none for the replays');
      });
    });

    describe('jobs: reading', () => {
      test('list is newest first in cursor pages, stable when jobs arrive between pages', async () => {
        const { backend } = await fresh();
        const ids: string[] = [];
        for (let n = 0; n < 7; n++) ids.push((await submit(backend)).id);
        const newestFirst = [...ids].reverse();

        const first = await backend.jobs.list({ limit: 3 });
        assert.deepEqual(
          first.jobs.map((job) => job.id),
          newestFirst.slice(0, 3),
        );
        assert.ok(first.nextCursor);
        // Jobs submitted now are newer than the first page: they must not shift the later pages.
        await submit(backend);
        await submit(backend);
        const second = await backend.jobs.list({ limit: 3, cursor: first.nextCursor });
        assert.deepEqual(
          second.jobs.map((job) => job.id),
          newestFirst.slice(3, 6),
        );
        assert.ok(second.nextCursor);
        const third = await backend.jobs.list({ limit: 3, cursor: second.nextCursor });
        assert.deepEqual(
          third.jobs.map((job) => job.id),
          newestFirst.slice(6),
        );
        assert.equal(third.nextCursor, null);

        const all = await backend.jobs.list({ limit: 100 });
        assert.equal(all.jobs.length, 9);
        assert.equal(all.nextCursor, null);
        assert.deepEqual(all.jobs[0], await backend.jobs.get(all.jobs[0]!.id), 'list returns whole records');
      });

      test('list filters by state, API key and creation time', async () => {
        const { backend } = await fresh();
        const jobs: JobRecord[] = [];
        for (let n = 0; n < 6; n++) {
          jobs.push(await submit(backend, { apiKeyId: n % 2 === 0 ? 'key-even' : 'key-odd' }));
          await new Promise((resolve) => setTimeout(resolve, 3)); // distinct creation times
        }
        const lease = await mustClaim(backend); // the oldest: jobs[0]
        assert.equal(lease.jobId, jobs[0]!.id);
        const ids = (page: { jobs: JobRecord[] }) => page.jobs.map((job) => job.id);
        const newestFirst = (list: JobRecord[]) => list.map((job) => job.id).reverse();

        assert.deepEqual(ids(await backend.jobs.list({ limit: 10, state: 'running' })), [jobs[0]!.id]);
        assert.deepEqual(
          ids(await backend.jobs.list({ limit: 10, state: 'queued' })),
          newestFirst(jobs.slice(1)),
        );
        assert.deepEqual(ids(await backend.jobs.list({ limit: 10, state: 'failed' })), []);
        assert.deepEqual(
          ids(await backend.jobs.list({ limit: 10, apiKeyId: 'key-odd' })),
          newestFirst(jobs.filter((_, n) => n % 2 === 1)),
        );
        assert.deepEqual(
          ids(await backend.jobs.list({ limit: 10, apiKeyId: 'key-even', state: 'queued' })),
          newestFirst([jobs[2]!, jobs[4]!]),
        );

        const from = jobs[2]!.createdAt;
        const to = jobs[4]!.createdAt;
        const at = (job: JobRecord) => Date.parse(job.createdAt);
        const inRange = jobs.filter((job) => at(job) >= Date.parse(from) && at(job) < Date.parse(to));
        assert.ok(
          inRange.some((job) => job.id === jobs[2]!.id),
          'createdFrom is inclusive',
        );
        assert.deepEqual(
          ids(await backend.jobs.list({ limit: 10, createdFrom: from, createdTo: to })),
          newestFirst(inRange),
        );

        // Filters hold across pages.
        const page1 = await backend.jobs.list({ limit: 1, apiKeyId: 'key-odd' });
        const page2 = await backend.jobs.list({ limit: 1, apiKeyId: 'key-odd', cursor: page1.nextCursor! });
        assert.deepEqual(
          [...ids(page1), ...ids(page2)],
          newestFirst(jobs.filter((_, n) => n % 2 === 1)).slice(0, 2),
        );
      });

      test('list refuses a cursor it did not issue', async () => {
        const { backend } = await fresh();
        await submit(backend);
        await assert.rejects(backend.jobs.list({ limit: 10, cursor: 'not-a-cursor' }));
      });

      test('counts every state (zeros too), queue depth of due jobs, jobs created per key', async () => {
        const { backend } = await fresh();
        const zeros = Object.fromEntries(JOB_STATES.map((state) => [state, 0]));
        assert.deepEqual(await backend.jobs.counts(), zeros);
        assert.equal(await backend.jobs.queueDepth(), 0);

        const before = new Date(Date.now() - 1).toISOString();
        for (let n = 0; n < 3; n++) await submit(backend, { apiKeyId: 'key-a' });
        await submit(backend, { apiKeyId: null });
        await mustClaim(backend);
        const retried = await mustClaim(backend);
        assert.ok(await backend.jobs.fail(retried, { reason: 'store unreachable', permanent: false }));

        assert.deepEqual(await backend.jobs.counts(), { ...zeros, queued: 3, running: 1 });
        assert.equal(await backend.jobs.queueDepth(), 2, 'the job waiting for its retry is not due yet');
        assert.equal(await backend.jobs.createdSince('key-a', before), 3);
        assert.equal(await backend.jobs.createdSince(null, before), 1);
        assert.equal(await backend.jobs.createdSince('key-b', before), 0);
        assert.equal(
          await backend.jobs.createdSince('key-a', new Date(Date.now() + 60_000).toISOString()),
          0,
        );
      });
    });

    describe('jobs: leases', () => {
      test('claim takes the oldest due job first, starts attempt 1, and returns null when none is due', async () => {
        const { backend } = await fresh();
        const jobs = [await submit(backend), await submit(backend), await submit(backend)];
        const leases = [
          await mustClaim(backend, 'w1'),
          await mustClaim(backend, 'w2'),
          await mustClaim(backend, 'w1'),
        ];
        assert.deepEqual(
          leases.map((lease) => lease.jobId),
          jobs.map((job) => job.id),
        );
        assert.deepEqual(
          leases.map((lease) => [lease.workerId, lease.attempt]),
          [
            ['w1', 1],
            ['w2', 1],
            ['w1', 1],
          ],
        );
        assert.equal(typeof leases[0]!.token, 'string');
        assert.equal(await backend.jobs.claim('w3', longLeaseMs), null);
        const running = await mustGet(backend, jobs[0]!.id);
        assert.equal(running.state, 'running');
        assert.equal(running.attempts, 1);
        assert.ok(isIso(running.startedAt));
      });

      test('a renewed lease keeps the job; advance records progress and verifying; complete ends it', async () => {
        const { backend } = await fresh();
        const job = await submit(backend);
        const lease = await mustClaim(backend, 'w1', leaseMs);
        // Renew past the first lease's end: nobody else may claim the job meanwhile.
        const until = Date.now() + leaseMs * 1.5;
        while (Date.now() < until) {
          assert.equal(await backend.jobs.renew(lease, leaseMs), true);
          assert.equal(await backend.jobs.claim('w2', leaseMs), null);
          await new Promise((resolve) => setTimeout(resolve, leaseMs / 4));
        }
        assert.equal(await backend.jobs.advance(lease, 'running', 0.4), true);
        assert.equal((await mustGet(backend, job.id)).progress, 0.4);
        assert.equal(await backend.jobs.advance(lease, 'verifying', 0.9), true);
        const verifying = await mustGet(backend, job.id);
        assert.equal(verifying.state, 'verifying');
        assert.equal(verifying.progress, 0.9);
        assert.equal(await backend.jobs.renew(lease, leaseMs), true);

        const result = sampleResult();
        const done = await backend.jobs.complete(lease, result);
        assert.ok(done);
        assert.equal(done.state, 'completed');
        assert.deepEqual(done.result, result);
        assert.equal(done.failure, null);
        assert.equal(done.attempts, 1);
        assert.ok(isIso(done.finishedAt));
        assert.deepEqual(await backend.jobs.get(job.id), done);
        // The attempt is over: its lease holds nothing any more.
        assert.equal(await backend.jobs.renew(lease, leaseMs), false);
        assert.equal(await backend.jobs.complete(lease, result), null);
        assert.equal(await backend.jobs.claim('w2', leaseMs), null);
      });

      test('a lease that is not the holder’s (worker, attempt or token) is refused', async () => {
        const { backend } = await fresh();
        const job = await submit(backend);
        const lease = await mustClaim(backend);
        const forged: Lease[] = [
          { ...lease, workerId: 'someone-else' },
          { ...lease, attempt: lease.attempt + 1 },
          { ...lease, token: `${lease.token}x` },
          { ...lease, jobId: randomUUID() },
        ];
        for (const other of forged) {
          assert.equal(await backend.jobs.renew(other, longLeaseMs), false);
          assert.equal(await backend.jobs.advance(other, 'verifying', 0.5), false);
          assert.equal(await backend.jobs.complete(other, sampleResult()), null);
          assert.equal(await backend.jobs.fail(other, { reason: 'x', permanent: true }), null);
        }
        const unchanged = await mustGet(backend, job.id);
        assert.equal(unchanged.state, 'running');
        assert.equal(unchanged.progress, 0);
        assert.equal(await backend.jobs.renew(lease, longLeaseMs), true);
      });

      test('an expired lease is claimed again as the next attempt; the old holder is refused', async () => {
        const { backend } = await fresh();
        const endpoint = await addEndpoint(backend);
        const job = await submit(backend, { maxAttempts: 3 });
        const dead = await mustClaim(backend, 'w1', leaseMs);
        assert.ok(await backend.jobs.advance(dead, 'running', 0.8));
        const second = await waitFor('the expired job claimed again', () =>
          backend.jobs.claim('w2', longLeaseMs),
        );
        assert.equal(second.jobId, job.id);
        assert.equal(second.workerId, 'w2');
        assert.equal(second.attempt, 2);
        assert.notEqual(second.token, dead.token);

        assert.equal(await backend.jobs.renew(dead, longLeaseMs), false);
        assert.equal(await backend.jobs.advance(dead, 'verifying', 1), false);
        assert.equal(await backend.jobs.complete(dead, sampleResult()), null);
        assert.equal(await backend.jobs.fail(dead, { reason: 'late', permanent: true }), null);
        const running = await mustGet(backend, job.id);
        assert.equal(running.state, 'running');
        assert.equal(running.attempts, 2);

        const done = await backend.jobs.complete(second, sampleResult());
        assert.equal(done?.state, 'completed');
        assert.equal(done.attempts, 2);
        const events = await deliveriesOf(backend, job.id, endpoint.id);
        assert.ok(
          events.some(
            (delivery) => delivery.event.type === 'job.running' && delivery.event.data.attempts === 2,
          ),
          'the new attempt is announced, though the state stays running',
        );
      });

      test('a lease expiring on the last attempt fails the job instead of claiming it', async () => {
        const { backend } = await fresh();
        const endpoint = await addEndpoint(backend);
        const job = await submit(backend, { maxAttempts: 1 });
        const dead = await mustClaim(backend, 'w1', leaseMs);
        assert.ok(await backend.jobs.advance(dead, 'verifying', 0.8), 'verifying expires like running');
        const failed = await waitFor('the job failed by its expired lease', async () => {
          const lease = await backend.jobs.claim('w2', longLeaseMs);
          assert.equal(lease, null, 'a job out of attempts is never claimed');
          const current = await mustGet(backend, job.id);
          return current.state === 'failed' && current;
        });
        assert.match(failed.failure ?? '', /lease expired/);
        assert.equal(failed.attempts, 1);
        assert.ok(isIso(failed.finishedAt));
        assert.equal(await backend.jobs.complete(dead, sampleResult()), null);
        assert.equal((await mustGet(backend, job.id)).state, 'failed');
        assert.deepEqual(await typesOf(backend, job.id, endpoint.id), [
          'job.queued',
          'job.running',
          'job.verifying',
          'job.failed',
        ]);
      });
    });

    describe('jobs: failures', () => {
      test('a transient failure queues the job again, claimable only after the backoff', async () => {
        const { backend } = await fresh();
        const job = await submit(backend, { maxAttempts: 3 });
        const first = await mustClaim(backend);
        const failedAt = Date.now();
        const queued = await backend.jobs.fail(first, { reason: 'object store timed out', permanent: false });
        assert.ok(queued);
        assert.equal(queued.state, 'queued');
        assert.equal(queued.failure, 'object store timed out');
        assert.equal(queued.attempts, 1);
        assert.equal(await backend.jobs.claim('w2', longLeaseMs), null, 'not due before its backoff');
        assert.equal(await backend.jobs.renew(first, longLeaseMs), false, 'the failed attempt holds nothing');

        const second = await waitFor('the retry coming due', () => backend.jobs.claim('w2', longLeaseMs));
        assert.ok(
          Date.now() - failedAt >= timing.backoff.baseMs / 2 - 5,
          `claimed ${Date.now() - failedAt} ms after the failure, before the least backoff`,
        );
        assert.equal(second.jobId, job.id);
        assert.equal(second.attempt, 2);
        assert.equal((await mustGet(backend, job.id)).state, 'running');
      });

      test('a permanent failure ends the job failed with its reason and result, not retried', async () => {
        const { backend } = await fresh();
        const job = await submit(backend, { maxAttempts: 3 });
        const lease = await mustClaim(backend);
        const report = { ...sampleResult(), verification: { passed: false, checks: [] } };
        const failed = await backend.jobs.fail(
          lease,
          { reason: 'verification failed', permanent: true },
          report,
        );
        assert.ok(failed);
        assert.equal(failed.state, 'failed');
        assert.equal(failed.failure, 'verification failed');
        assert.deepEqual(failed.result, report);
        assert.equal(failed.attempts, 1);
        assert.ok(isIso(failed.finishedAt));
        assert.deepEqual(await backend.jobs.get(job.id), failed);
        assert.equal(await backend.jobs.claim('w2', longLeaseMs), null);
        assert.equal(await backend.jobs.queueDepth(), 0);
      });

      test('transient failures until the attempts run out end the job failed', async () => {
        const { backend } = await fresh();
        const endpoint = await addEndpoint(backend);
        const job = await submit(backend, { maxAttempts: 2 });
        const first = await mustClaim(backend);
        assert.equal(
          (await backend.jobs.fail(first, { reason: 'fetch timed out', permanent: false }))?.state,
          'queued',
        );
        const second = await waitFor('the retry', () => backend.jobs.claim('w1', longLeaseMs));
        const failed = await backend.jobs.fail(second, { reason: 'fetch timed out again', permanent: false });
        assert.equal(failed?.state, 'failed');
        assert.equal(failed.failure, 'fetch timed out again');
        assert.equal(failed.attempts, 2);
        assert.equal(failed.result, null);
        assert.equal(await backend.jobs.claim('w1', longLeaseMs), null);
        assert.deepEqual(await typesOf(backend, job.id, endpoint.id), [
          'job.queued',
          'job.running',
          'job.queued',
          'job.running',
          'job.failed',
        ]);
      });
    });

    describe('jobs: cancel and requeue', () => {
      test('cancelling a queued job: cancelled, never claimed', async () => {
        const { backend } = await fresh();
        const job = await submit(backend);
        const cancelled = await backend.jobs.cancel(job.id);
        assert.equal(cancelled?.state, 'cancelled');
        assert.ok(isIso(cancelled.finishedAt));
        assert.equal(await backend.jobs.claim('w1', longLeaseMs), null);
        assert.equal(await backend.jobs.cancel(randomUUID()), null);
      });

      test('cancelling a running job takes the lease from its holder', async () => {
        const { backend } = await fresh();
        const job = await submit(backend);
        const lease = await mustClaim(backend);
        assert.equal((await backend.jobs.cancel(job.id))?.state, 'cancelled');
        assert.equal(await backend.jobs.renew(lease, longLeaseMs), false);
        assert.equal(await backend.jobs.advance(lease, 'verifying', 0.9), false);
        assert.equal(await backend.jobs.complete(lease, sampleResult()), null);
        assert.equal(await backend.jobs.fail(lease, { reason: 'x', permanent: false }), null);
        const after = await mustGet(backend, job.id);
        assert.equal(after.state, 'cancelled');
        assert.equal(after.result, null);
        assert.equal(await backend.jobs.claim('w2', longLeaseMs), null);
      });

      test('a final job stays as it is when cancelled', async () => {
        const { backend } = await fresh();
        const job = await submit(backend);
        const done = await backend.jobs.complete(await mustClaim(backend), sampleResult());
        assert.ok(done);
        assert.deepEqual(await backend.jobs.cancel(job.id), done);
        assert.deepEqual(await backend.jobs.get(job.id), done);
      });

      test('requeue gives a failed or cancelled job fresh attempts; other jobs are refused', async () => {
        const { backend } = await fresh();
        const endpoint = await addEndpoint(backend);
        const failedJob = await submit(backend, { maxAttempts: 1 });
        const failed = await backend.jobs.fail(await mustClaim(backend), {
          reason: 'bad input',
          permanent: true,
        });
        assert.equal(failed?.state, 'failed');
        const requeued = await backend.jobs.requeue(failedJob.id);
        assert.ok(requeued);
        assert.equal(requeued.state, 'queued');
        assert.equal(requeued.attempts, 0);
        assert.equal(requeued.failure, null);
        assert.equal(requeued.finishedAt, null);
        const lease = await mustClaim(backend);
        assert.equal(lease.jobId, failedJob.id);
        assert.equal(lease.attempt, 1);
        assert.deepEqual(await typesOf(backend, failedJob.id, endpoint.id), [
          'job.queued',
          'job.running',
          'job.failed',
          'job.queued',
          'job.running',
        ]);

        const cancelledJob = await submit(backend);
        await backend.jobs.cancel(cancelledJob.id);
        assert.equal((await backend.jobs.requeue(cancelledJob.id))?.state, 'queued');

        assert.equal(await backend.jobs.requeue(failedJob.id), null, 'running');
        assert.equal(await backend.jobs.requeue(cancelledJob.id), null, 'queued');
        await backend.jobs.complete(lease, sampleResult());
        assert.equal(await backend.jobs.requeue(failedJob.id), null, 'completed');
        assert.equal(await backend.jobs.requeue(randomUUID()), null, 'unknown');
      });
    });

    describe('jobs: concurrency', () => {
      test('5 claimers over two connections, 20 jobs: each job claimed exactly once', async () => {
        const { backend, storage } = await fresh();
        const peer = await openStorage(storage);
        const ids = new Set<string>();
        for (let n = 0; n < 20; n++) ids.add((await submit(n % 2 === 0 ? backend : peer)).id);
        assert.ok(
          await peer.jobs.get([...ids][0]!),
          'a job submitted on one connection is seen on the other',
        );

        const claimed: string[] = [];
        const claimer = async (worker: number) => {
          const store = worker % 2 === 0 ? backend.jobs : peer.jobs;
          for (;;) {
            const lease = await store.claim(`w${worker}`, longLeaseMs);
            if (lease === null) return;
            claimed.push(lease.jobId);
            assert.ok(await store.advance(lease, 'verifying', 0.5));
            assert.ok(
              await store.complete(lease, sampleResult()),
              `${lease.jobId} completed by its only holder`,
            );
          }
        };
        await Promise.all([0, 1, 2, 3, 4].map(claimer));
        assert.equal(claimed.length, 20, 'no job claimed twice');
        assert.deepEqual(new Set(claimed), ids);
        assert.equal((await backend.jobs.counts()).completed, 20);
      });
    });

    describe('webhook deliveries written with job changes', () => {
      test('one delivery per state change per enabled endpoint whose events match', async () => {
        const { backend } = await fresh();
        const all = await addEndpoint(backend);
        const finals = await addEndpoint(backend, ['job.completed', 'job.failed']);
        const disabled = await addEndpoint(backend);
        assert.equal(await backend.webhooks.disableEndpoint(disabled.id), true);

        const job = await submit(backend);
        const lease = await mustClaim(backend);
        assert.ok(await backend.jobs.advance(lease, 'running', 0.3), 'progress within a state');
        assert.ok(await backend.jobs.advance(lease, 'running', 0.6));
        assert.ok(await backend.jobs.advance(lease, 'verifying', 0.9));
        assert.ok(await backend.jobs.advance(lease, 'verifying', 0.95));
        assert.ok(await backend.jobs.renew(lease, longLeaseMs));
        const result = sampleResult();
        assert.ok(await backend.jobs.complete(lease, result));

        const delivered = await deliveriesOf(backend, job.id, all.id);
        assert.deepEqual(
          delivered.map((delivery) => delivery.event.type),
          ['job.queued', 'job.running', 'job.verifying', 'job.completed'],
        );
        assert.deepEqual(await typesOf(backend, job.id, finals.id), ['job.completed']);
        assert.deepEqual(await typesOf(backend, job.id, disabled.id), []);

        for (const delivery of delivered) {
          assert.equal(delivery.endpointId, all.id);
          assert.equal(delivery.state, 'pending');
          assert.equal(delivery.attempts, 0);
          assert.ok(isIso(delivery.nextAttemptAt) && isIso(delivery.createdAt) && isIso(delivery.updatedAt));
          assert.equal(delivery.event.data.jobId, job.id);
          assert.equal(delivery.event.data.state, delivery.event.type.slice('job.'.length));
          assert.deepEqual(delivery.event.data.metadata, job.request.metadata);
          assert.ok(isIso(delivery.event.at));
        }
        assert.equal(
          new Set(delivered.map((delivery) => delivery.event.id)).size,
          4,
          'every event has its own id',
        );
        const completed = delivered[3]!.event;
        assert.equal(completed.data.attempts, 1);
        assert.deepEqual(completed.data.result, {
          counts: result.counts,
          verification: result.verification,
          regions: result.regions,
        });
        assert.equal(delivered[0]!.event.data.result, null);
        assert.equal(delivered[2]!.event.data.progress, 0.9);
      });

      test('retries, permanent failures, cancels and requeues are announced; a disabled endpoint keeps its past', async () => {
        const { backend } = await fresh();
        const endpoint = await addEndpoint(backend);
        const retried = await submit(backend);
        const cancelled = await submit(backend);
        const retry = await backend.jobs.fail(await mustClaim(backend), {
          reason: 'timeout',
          permanent: false,
        });
        assert.equal(retry?.state, 'queued');
        const lease = await mustClaim(backend);
        assert.equal(lease.jobId, cancelled.id, 'the retry is not due yet');
        await backend.jobs.cancel(cancelled.id);
        await backend.jobs.requeue(cancelled.id);

        const retryEvents = await deliveriesOf(backend, retried.id, endpoint.id);
        assert.deepEqual(
          retryEvents.map((delivery) => delivery.event.type),
          ['job.queued', 'job.running', 'job.queued'],
        );
        assert.equal(retryEvents[2]!.event.data.failure, 'timeout');
        assert.equal(retryEvents[2]!.event.data.attempts, 1);
        assert.deepEqual(await typesOf(backend, cancelled.id, endpoint.id), [
          'job.queued',
          'job.running',
          'job.cancelled',
          'job.queued',
        ]);

        assert.ok(await backend.webhooks.disableEndpoint(endpoint.id));
        await submit(backend);
        await backend.jobs.cancel(retried.id);
        const { deliveries } = await backend.webhooks.listDeliveries({ endpointId: endpoint.id, limit: 100 });
        assert.equal(deliveries.length, 7, 'nothing new for a disabled endpoint, nothing old removed');
        assert.deepEqual(
          await backend.webhooks.claimDue('d1', 10, longLeaseMs),
          [],
          'nor is anything sent to it',
        );
      });
    });

    describe('signals', () => {
      test('signals.jobs wakes a sleeper once a job is claimable: submitted or requeued, not retried after a backoff', async () => {
        const { backend } = await fresh();
        const { jobs } = backend.signals;
        const started = Date.now();
        assert.equal(await wakes(jobs, () => submit(backend)), true, 'submit');
        assert.ok(Date.now() - started < 1_000, `woken ${Date.now() - started} ms after the wait began`);
        const lease = await mustClaim(backend);
        const failure = { reason: 'object store timed out', permanent: false };
        assert.equal(await wakes(jobs, () => backend.jobs.fail(lease, failure)), false, 'fail, due later');
        const job = await backend.jobs.cancel(lease.jobId);
        assert.equal(job?.state, 'cancelled');
        assert.equal(await wakes(jobs, () => backend.jobs.requeue(lease.jobId)), true, 'requeue');
      });

      test('signals.deliveries wakes a sleeper once deliveries are written: a state change, a replay', async () => {
        const { backend } = await fresh();
        const { deliveries } = backend.signals;
        await addEndpoint(backend);
        const job = await submit(backend);
        let lease: Lease | undefined;
        assert.equal(await wakes(deliveries, async () => (lease = await mustClaim(backend))), true, 'claim');
        const progress = () => backend.jobs.advance(lease!, 'running', 0.5);
        assert.equal(await wakes(deliveries, progress), false, 'progress within a state');
        const [delivery] = await deliveriesOf(backend, job.id);
        assert.equal(await wakes(deliveries, () => backend.webhooks.replay(delivery!.id)), true, 'replay');
      });
    });

    describe('webhooks', () => {
      test('endpoints are added, listed and disabled', async () => {
        const { backend } = await fresh();
        const endpoint = await backend.webhooks.addEndpoint({
          url: 'https://hooks.example.com/a',
          secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
          events: ['job.completed'],
          description: 'compliance',
        });
        assert.equal(endpoint.url, 'https://hooks.example.com/a');
        assert.equal(endpoint.secret, 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=');
        assert.deepEqual(endpoint.events, ['job.completed']);
        assert.equal(endpoint.enabled, true);
        assert.equal(endpoint.description, 'compliance');
        assert.ok(isIso(endpoint.createdAt));
        const other = await addEndpoint(backend);
        assert.deepEqual(
          (await backend.webhooks.listEndpoints()).map((e) => e.id).sort(),
          [endpoint.id, other.id].sort(),
        );
        assert.equal(await backend.webhooks.disableEndpoint(endpoint.id), true);
        assert.equal(await backend.webhooks.disableEndpoint(randomUUID()), false);
        const listed = await backend.webhooks.listEndpoints();
        assert.deepEqual(
          listed.find((e) => e.id === endpoint.id),
          { ...endpoint, enabled: false },
        );
      });

      test('claimDue leases due deliveries to one dispatcher; others get the rest, then them again after expiry', async () => {
        const { backend, storage } = await fresh();
        const peer = await openStorage(storage);
        const endpoints = [await addEndpoint(backend), await addEndpoint(backend)];
        for (let n = 0; n < 3; n++) await submit(backend);

        const [a, b] = await Promise.all([
          backend.webhooks.claimDue('d1', 4, leaseMs),
          peer.webhooks.claimDue('d2', 4, leaseMs),
        ]);
        const idsA = a.map((item) => item.delivery.id);
        const idsB = b.map((item) => item.delivery.id);
        assert.equal(idsA.length + idsB.length, 6);
        assert.ok(idsA.length <= 4 && idsB.length <= 4, 'limit respected');
        assert.equal(new Set([...idsA, ...idsB]).size, 6, 'no delivery leased twice');
        for (const { delivery, endpoint } of [...a, ...b]) {
          assert.equal(endpoint.id, delivery.endpointId);
          assert.ok(endpoints.some((e) => e.id === endpoint.id && e.secret === endpoint.secret));
          assert.equal(delivery.event.type, 'job.queued');
        }
        assert.deepEqual(await backend.webhooks.claimDue('d3', 10, leaseMs), []);

        // A dispatcher that died leaves its deliveries to be leased again.
        const again = await waitFor('expired delivery leases', async () => {
          const items = await backend.webhooks.claimDue('d3', 10, longLeaseMs);
          return items.length > 0 && items;
        });
        const reclaimed = new Set(again.map((item) => item.delivery.id));
        const rest = await waitFor('the remaining expired leases', async () => {
          for (const item of await backend.webhooks.claimDue('d3', 10, longLeaseMs))
            reclaimed.add(item.delivery.id);
          return reclaimed.size === 6;
        });
        assert.ok(rest);
      });

      test('recordAttempt stores the attempt and applies its outcome; replay makes a delivery due now', async () => {
        const { backend } = await fresh();
        await addEndpoint(backend);
        for (let n = 0; n < 3; n++) await submit(backend);
        const claimed = await backend.webhooks.claimDue('d1', 10, longLeaseMs);
        assert.equal(claimed.length, 3);
        const [ok, retry, dead] = claimed.map((item) => item.delivery);
        const at = new Date().toISOString();

        const success = { deliveryId: ok!.id, attempt: 1, at, statusCode: 204, error: null, durationMs: 12 };
        await backend.webhooks.recordAttempt(success, { state: 'delivered' });
        const delivered = await backend.webhooks.getDelivery(ok!.id);
        assert.equal(delivered?.state, 'delivered');
        assert.equal(delivered.attempts, 1);
        assert.equal(delivered.nextAttemptAt, null);
        assert.deepEqual(await backend.webhooks.attempts(ok!.id), [success]);

        const later = new Date(Date.now() + 60_000).toISOString();
        const refused = {
          deliveryId: retry!.id,
          attempt: 1,
          at,
          statusCode: 503,
          error: 'HTTP 503',
          durationMs: 40,
        };
        await backend.webhooks.recordAttempt(refused, { state: 'pending', nextAttemptAt: later });
        const pending = await backend.webhooks.getDelivery(retry!.id);
        assert.equal(pending?.state, 'pending');
        assert.equal(pending.attempts, 1);
        assert.equal(pending.nextAttemptAt, later);

        const attempts = [1, 2].map((attempt) => ({
          deliveryId: dead!.id,
          attempt,
          at,
          statusCode: null,
          error: 'connection refused',
          durationMs: 3,
        }));
        await backend.webhooks.recordAttempt(attempts[0]!, { state: 'pending', nextAttemptAt: at });
        const retaken = await backend.webhooks.claimDue('d2', 10, longLeaseMs);
        assert.deepEqual(
          retaken.map((item) => item.delivery.id),
          [dead!.id],
          'a recorded attempt ends the lease: a delivery due again is claimed at once',
        );
        await backend.webhooks.recordAttempt(attempts[1]!, { state: 'failed' });
        const failed = await backend.webhooks.getDelivery(dead!.id);
        assert.equal(failed?.state, 'failed');
        assert.equal(failed.attempts, 2);
        assert.equal(failed.nextAttemptAt, null);
        assert.deepEqual(await backend.webhooks.attempts(dead!.id), attempts);
        assert.deepEqual(await backend.webhooks.counts(), { pending: 1, delivered: 1, failed: 1 });

        // Neither the one due in a minute nor the final ones are leased.
        assert.deepEqual(await backend.webhooks.claimDue('d2', 10, longLeaseMs), []);
        const replayed = await backend.webhooks.replay(dead!.id);
        assert.equal(replayed?.state, 'pending');
        assert.ok(Date.parse(replayed.nextAttemptAt!) <= Date.now());
        const due = await backend.webhooks.claimDue('d2', 10, longLeaseMs);
        assert.deepEqual(
          due.map((item) => item.delivery.id),
          [dead!.id],
        );
        assert.equal(due[0]!.delivery.attempts, 2, 'replay keeps the attempts made');
        assert.equal((await backend.webhooks.replay(ok!.id))?.state, 'pending');
        assert.equal(await backend.webhooks.replay(randomUUID()), null);
        assert.equal(await backend.webhooks.getDelivery(randomUUID()), null);
      });

      test('listDeliveries filters by state, endpoint and job, newest first in cursor pages', async () => {
        const { backend } = await fresh();
        const first = await addEndpoint(backend);
        const second = await addEndpoint(backend);
        const jobs = [await submit(backend), await submit(backend)];
        const list = (query: Parameters<typeof backend.webhooks.listDeliveries>[0]) =>
          backend.webhooks.listDeliveries(query).then((page) => page.deliveries.map((d) => d.id));
        const all = await backend.webhooks.listDeliveries({ limit: 100 });
        assert.equal(all.deliveries.length, 4);
        assert.equal(all.nextCursor, null);
        const [newest] = all.deliveries;
        assert.equal(newest!.event.data.jobId, jobs[1]!.id);

        const pages: string[] = [];
        let cursor: string | undefined;
        do {
          const page: { deliveries: WebhookDelivery[]; nextCursor: string | null } =
            await backend.webhooks.listDeliveries(cursor === undefined ? { limit: 3 } : { limit: 3, cursor });
          pages.push(...page.deliveries.map((d) => d.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        assert.deepEqual(
          pages,
          all.deliveries.map((d) => d.id),
        );

        assert.equal((await list({ limit: 10, endpointId: second.id })).length, 2);
        assert.equal((await list({ limit: 10, jobId: jobs[0]!.id, endpointId: first.id })).length, 1);
        const [one] = await backend.webhooks.claimDue('d1', 1, longLeaseMs);
        await backend.webhooks.recordAttempt(
          {
            deliveryId: one!.delivery.id,
            attempt: 1,
            at: new Date().toISOString(),
            statusCode: 200,
            error: null,
            durationMs: 1,
          },
          { state: 'delivered' },
        );
        assert.deepEqual(await list({ limit: 10, state: 'delivered' }), [one!.delivery.id]);
        assert.equal((await list({ limit: 10, state: 'pending' })).length, 3);
        await assert.rejects(backend.webhooks.listDeliveries({ limit: 10, cursor: 'not-a-cursor' }));
      });
    });

    describe('API keys', () => {
      test('keys are found by id and secret hash only while unrevoked', async () => {
        const { backend } = await fresh();
        assert.equal(await backend.keys.activeCount(), 0);
        const made = newApiKey();
        const key = await backend.keys.create({
          id: made.id,
          name: 'ingest',
          scopes: ['redact', 'read'],
          secretSha256: made.secretSha256,
        });
        assert.deepEqual(
          { ...key, createdAt: undefined },
          { id: made.id, name: 'ingest', scopes: ['redact', 'read'], revokedAt: null, createdAt: undefined },
        );
        assert.ok(isIso(key.createdAt));
        const other = newApiKey();
        await backend.keys.create({
          id: other.id,
          name: 'admin',
          scopes: ['admin'],
          secretSha256: other.secretSha256,
        });

        assert.deepEqual(await backend.keys.find(made.id, made.secretSha256), key);
        assert.equal(await backend.keys.find(made.id, other.secretSha256), null);
        assert.equal(await backend.keys.find(other.id, made.secretSha256), null);
        assert.equal(await backend.keys.find(made.id, 'not hex'), null);
        assert.equal(await backend.keys.find(newApiKey().id, made.secretSha256), null);
        assert.equal(await backend.keys.activeCount(), 2);

        assert.equal(await backend.keys.revoke(made.id), true);
        assert.equal(await backend.keys.revoke(newApiKey().id), false);
        assert.equal(await backend.keys.find(made.id, made.secretSha256), null);
        assert.equal(await backend.keys.activeCount(), 1);
        const listed = await backend.keys.list();
        assert.deepEqual(listed.map((k) => k.id).sort(), [made.id, other.id].sort());
        assert.ok(isIso(listed.find((k) => k.id === made.id)!.revokedAt));
        assert.ok(
          listed.every((k) => !('secretSha256' in k)),
          'listed keys carry no secret hash',
        );
      });
    });

    describe('inbound events', () => {
      test('an event id is first seen once per source', async () => {
        const { backend } = await fresh();
        const at = new Date().toISOString();
        assert.equal(await backend.inbound.firstSeen('genesys', 'evt-1', at), true);
        assert.equal(await backend.inbound.firstSeen('genesys', 'evt-1', at), false);
        assert.equal(await backend.inbound.firstSeen('symbl', 'evt-1', at), true);
        assert.equal(await backend.inbound.firstSeen('genesys', 'evt-2', at), true);
      });
    });

    describe('audit', () => {
      test('appended records form a valid chain, from any connection', async () => {
        const { backend, storage } = await fresh();
        const peer = await openStorage(storage);
        const appended = await Promise.all(
          [1, 2, 3, 4].map((n) => (n % 2 === 0 ? backend : peer).audit.append(sampleEntry(n))),
        );
        assert.deepEqual(appended.map((record) => record.seq).sort(), [1, 2, 3, 4]);
        const report = await verifyChain(backend.audit.records());
        assert.equal(report.valid, true);
        assert.equal(report.records, 4);
        assert.equal((await verifyChain(peer.audit.records())).head?.hash, report.head?.hash);
      });
    });
  });
}
