/**
 * Jobs in PostgreSQL: each job's record is a row of `hush_jobs`, and its place in the queue is a
 * pg-boss job (`queue_id`). Every change to both, and the webhook deliveries it causes, commits in
 * one transaction.
 *
 * Locks are always taken in one order, pg-boss's job row first and then the Hush row, so a claim
 * racing a cancel or a late worker never deadlocks: a lease holder's call does its pg-boss step
 * first, then checks the Hush row still belongs to its lease, and rolls both back when not.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { HushError } from '../../../errors.js';
import {
  FINAL_STATES,
  JOB_STATES,
  type JobRecord,
  type JobResult,
  type JobState,
  type NewJob,
} from '../../jobs/job.js';
import type { AttemptFailure, JobPage, JobQuery, JobStore, Lease } from '../../jobs/store.js';
import type { WorkSignals } from '../../signal.js';
import {
  NOW,
  ROWS,
  type PostgresStored,
  newestFirst,
  signalledTransaction,
  type Queryable,
  type SignalledTransaction,
} from './database.js';
import { leaseSeconds, type JobQueue } from './queue.js';
import { recordJobEvent } from './webhooks.js';
import type { JobColumns } from '../rows.js';

const { toJob } = ROWS;

export const JOBS_DDL = (schema: string): string => `
CREATE TABLE IF NOT EXISTS ${schema}.hush_jobs (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  state text NOT NULL CHECK (state IN (${JOB_STATES.map((state) => `'${state}'`).join(', ')})),
  progress double precision NOT NULL,
  attempts integer NOT NULL,
  max_attempts integer NOT NULL,
  request jsonb NOT NULL,
  result jsonb,
  failure text,
  api_key_id text,
  idempotency_key text,
  queue_id uuid NOT NULL,
  due_at timestamptz,
  lease_worker text,
  lease_seconds integer,
  lease_expires_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS hush_jobs_idempotency ON ${schema}.hush_jobs ((COALESCE(api_key_id, '')), idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS hush_jobs_state ON ${schema}.hush_jobs (state, due_at);
CREATE INDEX IF NOT EXISTS hush_jobs_created ON ${schema}.hush_jobs (created_at);
CREATE INDEX IF NOT EXISTS hush_jobs_key_created ON ${schema}.hush_jobs (api_key_id, created_at);
CREATE INDEX IF NOT EXISTS hush_jobs_leases ON ${schema}.hush_jobs (lease_expires_at)
  WHERE state IN ('running', 'verifying');
`;

interface JobRow extends JobColumns<PostgresStored> {
  seq: string;
  queue_id: string;
  due_at: Date | null;
}

const NO_LEASE = 'lease_worker = NULL, lease_seconds = NULL, lease_expires_at = NULL';

/**
 * A lease token names the pg-boss job and the attempt (`<uuid>/<attempt>`): pg-boss keeps one job
 * id across retries, and each attempt's token must differ. Anything else holds no lease (and must
 * not reach a uuid cast).
 */
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([1-9][0-9]{0,8})$/;

function leaseToken(queueId: string, attempt: number): string {
  return `${queueId}/${attempt}`;
}

/** Expired leases looked at per claim: enough to keep up, few enough to keep a claim quick. */
const RECONCILE_BATCH = 20;

/** Thrown inside a transaction to roll it back: the caller's lease is gone. */
class LeaseLost extends Error {}

function attemptsText(count: number): string {
  return `${count} attempt${count === 1 ? '' : 's'}`;
}

export class PostgresJobStore implements JobStore {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly queue: JobQueue,
    private readonly signals: WorkSignals,
  ) {
    this.table = `${schema}.hush_jobs`;
  }

  async submit(job: NewJob): Promise<{ job: JobRecord; created: boolean }> {
    if (!Number.isInteger(job.maxAttempts) || job.maxAttempts < 1) {
      throw new HushError('USAGE', `job ${job.id}: maxAttempts must be a whole number, at least 1`);
    }
    return signalledTransaction(this.pool, async (tx) => {
      const queueId = randomUUID();
      const { rows } = await tx.query<JobRow>(
        `INSERT INTO ${this.table} (id, state, progress, attempts, max_attempts, request, api_key_id, idempotency_key,
           queue_id, due_at, created_at, updated_at)
         VALUES ($1, 'queued', 0, 0, $2, $3, $4, $5, $6, ${NOW}, ${NOW}, ${NOW})
         ON CONFLICT ((COALESCE(api_key_id, '')), idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING *`,
        [job.id, job.maxAttempts, job.request, job.apiKeyId, job.idempotencyKey, queueId],
      );
      if (rows[0] === undefined) {
        const { rows: first } = await tx.query<JobRow>(
          `SELECT * FROM ${this.table} WHERE COALESCE(api_key_id, '') = COALESCE($1, '') AND idempotency_key = $2`,
          [job.apiKeyId, job.idempotencyKey],
        );
        return { job: toJob(first[0]!), created: false };
      }
      await this.queue.send(tx, job.id, queueId, job.maxAttempts);
      return { job: await this.announce(tx, rows[0]), created: true };
    });
  }

  async get(id: string): Promise<JobRecord | null> {
    const { rows } = await this.pool.query<JobRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : toJob(rows[0]);
  }

  async list(query: JobQuery): Promise<JobPage> {
    const { rows, nextCursor } = await newestFirst<JobRow>(
      this.pool,
      this.table,
      [
        ['state = ?', query.state],
        ['api_key_id = ?', query.apiKeyId],
        ['created_at >= ?', query.createdFrom],
        ['created_at < ?', query.createdTo],
      ],
      query,
    );
    return { jobs: rows.map(toJob), nextCursor };
  }

  async counts(): Promise<Record<JobState, number>> {
    const { rows } = await this.pool.query<{ state: JobState; count: number }>(
      `SELECT state, count(*)::int AS count FROM ${this.table} GROUP BY state`,
    );
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
    for (const row of rows) counts[row.state] = row.count;
    return counts;
  }

  async queueDepth(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${this.table} WHERE state = 'queued' AND due_at <= now()`,
    );
    return rows[0]!.count;
  }

  async createdSince(apiKeyId: string | null, since: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${this.table} WHERE api_key_id IS NOT DISTINCT FROM $1 AND created_at >= $2`,
      [apiKeyId, since],
    );
    return rows[0]!.count;
  }

  /**
   * Settles attempts whose lease expired once pg-boss's supervisor has acted on them, then takes
   * the next due job from pg-boss. The lease is `leaseMs` rounded up to whole seconds, at least
   * 10 s: the heartbeat pg-boss can keep.
   */
  async claim(workerId: string, leaseMs: number): Promise<Lease | null> {
    const seconds = leaseSeconds(leaseMs);
    await this.settleExpiredLeases();
    for (;;) {
      const claimed = await signalledTransaction(this.pool, async (tx) => {
        const taken = await this.queue.fetch(tx, seconds);
        if (taken === null) return null;
        const row = await this.read(tx, taken.jobId, 'FOR UPDATE');
        if (row === undefined || row.queue_id !== taken.queueId || FINAL_STATES.has(row.state)) {
          // A queue entry with no live job behind it (both change together, so never expected): end it.
          await this.queue.finish(tx, taken.queueId, { outcome: 'orphaned' });
          return 'orphaned' as const;
        }
        const attempt = row.attempts + 1;
        await this.update(
          tx,
          row.id,
          `state = 'running', attempts = $2, progress = 0, due_at = NULL, lease_worker = $3, lease_seconds = $4::int,
           lease_expires_at = now() + $4::int * interval '1 second', started_at = COALESCE(started_at, ${NOW})`,
          [attempt, workerId, seconds],
        );
        return { jobId: row.id, workerId, attempt, token: leaseToken(taken.queueId, attempt) };
      });
      if (claimed !== 'orphaned') return claimed;
    }
  }

  async renew(lease: Lease, leaseMs: number): Promise<boolean> {
    const seconds = leaseSeconds(leaseMs);
    const renewed = await this.underLease(lease, async (tx, queueId) => {
      if (!(await this.queue.touch(tx, queueId, seconds))) throw new LeaseLost();
      await this.held(tx, lease, queueId);
      await tx.query(
        `UPDATE ${this.table} SET lease_seconds = $2::int, lease_expires_at = now() + $2::int * interval '1 second' WHERE id = $1`,
        [lease.jobId, seconds],
      );
      return true;
    });
    return renewed ?? false;
  }

  async advance(lease: Lease, state: 'running' | 'verifying', progress: number): Promise<boolean> {
    const advanced = await this.underLease(lease, async (tx, queueId) => {
      const row = await this.held(tx, lease, queueId);
      // Progress within a state is not an event.
      await this.update(tx, lease.jobId, 'state = $2, progress = $3', [state, progress], state !== row.state);
      return true;
    });
    return advanced ?? false;
  }

  async complete(lease: Lease, result: JobResult): Promise<JobRecord | null> {
    return this.underLease(lease, async (tx, queueId) => {
      if (!(await this.queue.finish(tx, queueId, { outcome: 'completed' }))) throw new LeaseLost();
      await this.held(tx, lease, queueId);
      return this.update(
        tx,
        lease.jobId,
        `state = 'completed', progress = 1, result = $2, failure = NULL, finished_at = ${NOW}, ${NO_LEASE}`,
        [result],
      );
    });
  }

  async fail(lease: Lease, failure: AttemptFailure, result?: JobResult): Promise<JobRecord | null> {
    return this.underLease(lease, async (tx, queueId) => {
      const ended = failure.permanent
        ? await this.queue.finish(tx, queueId, { outcome: 'failed' })
        : await this.queue.fail(tx, queueId, { reason: failure.reason });
      if (!ended) throw new LeaseLost();
      await this.held(tx, lease, queueId);
      // pg-boss decides, from the attempts left, whether a transient failure is retried.
      const next = failure.permanent ? null : await this.queue.state(tx, queueId);
      if (next !== null && (next.state === 'retry' || next.state === 'created')) {
        return this.update(tx, lease.jobId, `state = 'queued', failure = $2, due_at = $3, ${NO_LEASE}`, [
          failure.reason,
          next.startAfter,
        ]);
      }
      return this.update(
        tx,
        lease.jobId,
        `state = 'failed', failure = $2, result = COALESCE($3, result), finished_at = ${NOW}, ${NO_LEASE}`,
        [failure.reason, result ?? null],
      );
    });
  }

  async cancel(id: string): Promise<JobRecord | null> {
    return signalledTransaction(this.pool, async (tx) => {
      const current = await this.read(tx, id, '');
      if (current === undefined) return null;
      if (FINAL_STATES.has(current.state)) return toJob(current);
      // pg-boss's row first (see the top of this file): a claim under way commits before this.
      await this.queue.cancel(tx, current.queue_id);
      const row = (await this.read(tx, id, 'FOR UPDATE'))!;
      if (FINAL_STATES.has(row.state)) return toJob(row);
      return this.update(tx, id, `state = 'cancelled', due_at = NULL, finished_at = ${NOW}, ${NO_LEASE}`, []);
    });
  }

  async requeue(id: string): Promise<JobRecord | null> {
    return signalledTransaction(this.pool, async (tx) => {
      const row = await this.read(tx, id, 'FOR UPDATE');
      if (row === undefined || (row.state !== 'failed' && row.state !== 'cancelled')) return null;
      const queueId = randomUUID();
      await this.queue.send(tx, id, queueId, row.max_attempts);
      return this.update(
        tx,
        id,
        `state = 'queued', attempts = 0, progress = 0, result = NULL, failure = NULL, queue_id = $2,
         due_at = ${NOW}, started_at = NULL, finished_at = NULL, ${NO_LEASE}`,
        [queueId],
      );
    });
  }

  /**
   * Attempts whose holder stopped renewing: once pg-boss's supervisor has failed them for their
   * missed heartbeat, the job shows what pg-boss did, queued for a retry after its backoff, or
   * failed when that was the last attempt. Until then pg-boss still holds the job active.
   */
  private async settleExpiredLeases(): Promise<void> {
    await signalledTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<JobRow>(
        `SELECT * FROM ${this.table} WHERE state IN ('running', 'verifying') AND lease_expires_at <= now()
         ORDER BY lease_expires_at LIMIT ${RECONCILE_BATCH} FOR UPDATE SKIP LOCKED`,
      );
      for (const row of rows) {
        const queued = await this.queue.state(tx, row.queue_id);
        if (queued?.state === 'active') continue;
        if (queued?.state === 'retry' || queued?.state === 'created') {
          await this.update(
            tx,
            row.id,
            `state = 'queued', failure = 'lease expired', due_at = $2, ${NO_LEASE}`,
            [queued.startAfter],
          );
        } else {
          await this.update(tx, row.id, `state = 'failed', failure = $2, finished_at = ${NOW}, ${NO_LEASE}`, [
            `lease expired after ${attemptsText(row.attempts)}`,
          ]);
        }
      }
    });
  }

  /** Runs `work` for the holder of `lease`; null when the lease is lost (nothing is changed). */
  private async underLease<T>(
    lease: Lease,
    work: (tx: SignalledTransaction, queueId: string) => Promise<T>,
  ): Promise<T | null> {
    const token = TOKEN.exec(lease.token);
    if (token === null || Number(token[2]) !== lease.attempt) return null;
    try {
      return await signalledTransaction(this.pool, (tx) => work(tx, token[1]!));
    } catch (error) {
      if (error instanceof LeaseLost) return null;
      throw error;
    }
  }

  /** The job row, locked, when it still belongs to this lease's attempt and the lease has not expired. */
  private async held(tx: Queryable, lease: Lease, queueId: string): Promise<JobRow> {
    const { rows } = await tx.query<JobRow>(
      `SELECT * FROM ${this.table}
       WHERE id = $1 AND queue_id = $2 AND attempts = $3 AND lease_worker = $4
         AND state IN ('running', 'verifying') AND lease_expires_at > now()
       FOR UPDATE`,
      [lease.jobId, queueId, lease.attempt, lease.workerId],
    );
    if (rows[0] === undefined) throw new LeaseLost();
    return rows[0];
  }

  private async read(tx: Queryable, id: string, lock: '' | 'FOR UPDATE'): Promise<JobRow | undefined> {
    const { rows } = await tx.query<JobRow>(`SELECT * FROM ${this.table} WHERE id = $1 ${lock}`, [id]);
    return rows[0];
  }

  /**
   * Applies `assignments` (parameters from $2, after the job id) and returns the job; a state
   * change is announced in the same transaction.
   */
  private async update(
    tx: SignalledTransaction,
    id: string,
    assignments: string,
    values: unknown[],
    stateChanged = true,
  ): Promise<JobRecord> {
    const { rows } = await tx.query<JobRow>(
      `UPDATE ${this.table} SET ${assignments}, updated_at = ${NOW} WHERE id = $1 RETURNING *`,
      [id, ...values],
    );
    return stateChanged ? this.announce(tx, rows[0]!) : toJob(rows[0]!);
  }

  /**
   * Writes the webhook deliveries of the job's new state and wakes, after the commit, the sleepers
   * for what is ready: those deliveries, and the job when it is claimable now (due by the time of
   * the change, not queued to wait out a backoff).
   */
  private async announce(tx: SignalledTransaction, row: JobRow): Promise<JobRecord> {
    const job = toJob(row);
    if (await recordJobEvent(tx, this.schema, job)) tx.notifyOnCommit(this.signals.deliveries);
    if (row.state === 'queued' && row.due_at !== null && row.due_at.getTime() <= row.updated_at.getTime()) {
      tx.notifyOnCommit(this.signals.jobs);
    }
    return job;
  }
}
