/**
 * The PostgreSQL backend: the backend contract on the real server (leases are pg-boss heartbeats,
 * so at least 10 s: the expiry tests take that long), then what only PostgreSQL shows: the schema
 * installed once by processes opening together, pg-boss's queue agreeing with the job rows, and a
 * submit that commits all or nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServiceBackend } from '../../src/service/backend.js';
import {
  openPostgresBackend,
  type PostgresBackendOptions,
} from '../../src/service/backends/postgres/index.js';
import { JOB_BACKOFF } from '../../src/service/retry.js';
import { describeBackendContract, sampleNewJob, sampleResult } from './backend-contract.js';
import { POSTGRES_URL, dropSchemas, freshSchema, query, requirePostgres } from './postgres-test-db.js';

const BASE = freshSchema('backend');
const schemas = new Set<string>();
const backgroundErrors: Error[] = [];

function open(schema: string, options: Partial<PostgresBackendOptions> = {}): Promise<ServiceBackend> {
  schemas.add(schema);
  return openPostgresBackend({
    connectionString: POSTGRES_URL,
    schema,
    // pg-boss's supervisor looks for stopped heartbeats every second, not every 10.
    superviseIntervalSeconds: 1,
    onError: (error) => backgroundErrors.push(error),
    ...options,
  });
}

before(requirePostgres);

after(async () => {
  await dropSchemas(schemas);
  assert.deepEqual(
    backgroundErrors.map((error) => error.message),
    [],
    'no error in background work',
  );
});

describeBackendContract(
  'postgres',
  // 10 s is the shortest heartbeat pg-boss keeps; its backoff counts whole seconds ([1, 2] s first).
  { leaseMs: 10_000, backoff: JOB_BACKOFF, maxWaitMs: 20_000 },
  ({ storage, backoff }) => open(`${BASE}_${storage}`, { backoff }),
);

/** pg-boss's row for a Hush job: the columns the mapping relies on. */
async function queueRow(schema: string, jobId: string) {
  const { rows } = await query<{
    state: string;
    retry_limit: number;
    heartbeat_seconds: number;
    start_after: Date;
  }>(
    `SELECT q.state, q.retry_limit, q.heartbeat_seconds, q.start_after
     FROM ${schema}.job q JOIN ${schema}.hush_jobs j ON j.queue_id = q.id WHERE j.id = $1`,
    [jobId],
  );
  assert.equal(rows.length, 1, `one pg-boss job for ${jobId}`);
  return rows[0]!;
}

describe('the PostgreSQL backend on its server', () => {
  test('processes opening a new schema together install it once; another version is refused', async () => {
    const schema = `${BASE}_install`;
    const backends = await Promise.all([open(schema), open(schema), open(schema)]);
    await Promise.all(backends.map((backend) => backend.close()));
    const { rows } = await query<{ component: string; version: number }>(
      `SELECT component, version FROM ${schema}.hush_schema ORDER BY component`,
    );
    assert.deepEqual(
      rows.map((row) => ({ ...row })),
      [
        { component: 'audit', version: 1 },
        { component: 'service', version: 1 },
      ],
    );

    await query(`UPDATE ${schema}.hush_schema SET version = 99 WHERE component = 'service'`);
    await assert.rejects(open(schema), /Hush service tables are at version 99; this Hush uses version 1/);
  });

  test("pg-boss's queue follows the jobs: retries, heartbeats, permanent failures and cancels", async () => {
    const schema = `${BASE}_queue`;
    const backend = await open(schema);
    try {
      const retried = (await backend.jobs.submit(sampleNewJob({ maxAttempts: 3 }))).job;
      const failed = (await backend.jobs.submit(sampleNewJob({ maxAttempts: 3 }))).job;
      const cancelled = (await backend.jobs.submit(sampleNewJob())).job;
      assert.equal((await queueRow(schema, retried.id)).retry_limit, 2, 'attempts after the first');

      // A lease is a heartbeat in whole seconds, never under pg-boss's 10.
      const lease = (await backend.jobs.claim('w1', 1))!;
      assert.equal(lease.jobId, retried.id);
      assert.equal((await queueRow(schema, retried.id)).heartbeat_seconds, 10);
      assert.ok(await backend.jobs.renew(lease, 12_500));
      assert.equal((await queueRow(schema, retried.id)).heartbeat_seconds, 13);

      const queued = await backend.jobs.fail(lease, { reason: 'timeout', permanent: false });
      const retry = await queueRow(schema, retried.id);
      assert.equal(retry.state, 'retry');
      const { rows } = await query<{ due_at: Date }>(`SELECT due_at FROM ${schema}.hush_jobs WHERE id = $1`, [
        queued!.id,
      ]);
      assert.equal(
        rows[0]!.due_at.getTime(),
        retry.start_after.getTime(),
        "the job is due when pg-boss's retry is",
      );

      const other = (await backend.jobs.claim('w1', 10_000))!;
      assert.equal(other.jobId, failed.id);
      await backend.jobs.fail(other, { reason: 'bad input', permanent: true }, sampleResult());
      assert.equal((await queueRow(schema, failed.id)).state, 'completed', 'ended: never run again');

      await backend.jobs.cancel(cancelled.id);
      assert.equal((await queueRow(schema, cancelled.id)).state, 'cancelled');
    } finally {
      await backend.close();
    }
  });

  test('a submit whose queue entry cannot be written commits nothing', async () => {
    const schema = `${BASE}_atomic`;
    const backend = await open(schema);
    try {
      await backend.webhooks.addEndpoint({
        url: 'https://hooks.example.com/h',
        secret: 'whsec_c2VjcmV0',
        events: [],
        description: null,
      });
      await query(`ALTER TABLE ${schema}.job_common ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`);
      const job = sampleNewJob();
      await assert.rejects(backend.jobs.submit(job), /refuse_all/);
      await query(`ALTER TABLE ${schema}.job_common DROP CONSTRAINT refuse_all`);

      assert.equal(await backend.jobs.get(job.id), null);
      assert.deepEqual((await backend.webhooks.listDeliveries({ limit: 10 })).deliveries, []);
      assert.equal(
        (await backend.jobs.submit(job)).created,
        true,
        'the same job goes in once the queue takes it',
      );
    } finally {
      await backend.close();
    }
  });

  test('an unreachable server fails the open with the reason', async () => {
    const url = new URL(POSTGRES_URL);
    url.port = '1';
    await assert.rejects(
      openPostgresBackend({ connectionString: url.toString(), schema: `${BASE}_nowhere` }),
      /ECONNREFUSED/,
    );
  });
});
