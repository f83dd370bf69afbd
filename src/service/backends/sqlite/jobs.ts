/**
 * Jobs in SQLite, and the queue workers take them from. Every write runs in a BEGIN IMMEDIATE
 * transaction, which takes the file's write lock before reading: two connections (threads,
 * processes) can never both see a job as claimable and both take it. `now` is read once the lock
 * is held, so lease times are compared against the same clock as every other writer's.
 *
 * A lease is held while the row's state is running or verifying with the lease's worker, attempt
 * and token, and its time has not run out. Expired leases are taken over by the next claim (the
 * next attempt), or end the job failed when it was the last attempt.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { HushError } from '../../../errors.js';
import { jobEvent } from '../../jobs/events.js';
import {
  FINAL_STATES,
  JOB_STATES,
  type JobEvent,
  type JobRecord,
  type JobResult,
  type JobState,
  type NewJob,
} from '../../jobs/job.js';
import type { AttemptFailure, JobPage, JobQuery, JobStore, Lease } from '../../jobs/store.js';
import { backoffMs, type BackoffPolicy } from '../../retry.js';
import type { WorkSignal, WorkSignals } from '../../signal.js';
import {
  ROWS,
  checkLeaseMs,
  checkLimit,
  decodeCursor,
  page,
  toIso,
  toMs,
  where,
  type SqliteStored,
} from './sql.js';
import type { JobColumns } from '../rows.js';

const { toJob } = ROWS;

interface JobRow extends JobColumns<SqliteStored> {
  seq: number;
  due_at: number | null;
  lease_worker: string | null;
  lease_token: string | null;
  lease_expires_at: number | null;
}

type Change = Partial<
  Pick<
    JobRow,
    | 'state'
    | 'progress'
    | 'attempts'
    | 'result'
    | 'failure'
    | 'started_at'
    | 'finished_at'
    | 'due_at'
    | 'lease_worker'
    | 'lease_token'
    | 'lease_expires_at'
  >
>;

const NO_LEASE = { lease_worker: null, lease_token: null, lease_expires_at: null } as const;

/** Rows whose attempt is under a lease (expired or not). */
const LEASED = "state IN ('running', 'verifying')";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class SqliteJobStore implements JobStore {
  /**
   * What the transaction under way made ready, notified once it commits. One set serves every
   * transaction: better-sqlite3 runs each synchronously, so they never interleave.
   */
  private readonly ready = new Set<WorkSignal>();

  constructor(
    private readonly db: Database.Database,
    private readonly backoff: BackoffPolicy,
    /** Writes the deliveries of a job event, inside the current transaction; false when none. */
    private readonly enqueue: (event: JobEvent, now: number) => boolean,
    private readonly signals: WorkSignals,
  ) {}

  /**
   * Runs `action` in a write transaction, with the time read under the lock; once it commits,
   * wakes the sleepers for what it made ready (a sleeper woken sooner could look before the work
   * is visible).
   */
  private write<T>(action: (now: number) => T): T {
    try {
      const result = this.db.transaction(() => action(Date.now())).immediate();
      for (const signal of this.ready) signal.notify();
      return result;
    } finally {
      this.ready.clear();
    }
  }

  /**
   * Writes the deliveries of the job's event (in the caller's transaction) and notes what is ready
   * after the commit: those deliveries, and the job when it is claimable now (not when queued to
   * wait out a backoff).
   */
  private announce(job: JobRecord, dueAt: number | null, now: number): void {
    if (this.enqueue(jobEvent(job, toIso(now)), now)) this.ready.add(this.signals.deliveries);
    if (job.state === 'queued' && dueAt !== null && dueAt <= now) this.ready.add(this.signals.jobs);
  }

  private row(id: string): JobRow | undefined {
    return this.db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id);
  }

  /** The job's row while `lease` holds it; undefined when the lease was lost. */
  private held(lease: Lease, now: number): JobRow | undefined {
    return this.db
      .prepare<[string, string, number, string, number], JobRow>(
        `SELECT * FROM jobs WHERE id = ? AND ${LEASED} AND lease_worker = ? AND attempts = ?
           AND lease_token = ? AND lease_expires_at > ?`,
      )
      .get(lease.jobId, lease.workerId, lease.attempt, lease.token, now);
  }

  /**
   * Applies `change` to the job; when its state or attempt changed, writes the event's deliveries
   * (in the caller's transaction). Progress within a state announces nothing.
   */
  private change(row: JobRow, change: Change, now: number): JobRecord {
    const next: JobRow = { ...row, ...change, updated_at: now };
    this.db
      .prepare(
        `UPDATE jobs SET state = @state, progress = @progress, attempts = @attempts, result = @result,
           failure = @failure, updated_at = @updated_at, started_at = @started_at, finished_at = @finished_at,
           due_at = @due_at, lease_worker = @lease_worker, lease_token = @lease_token,
           lease_expires_at = @lease_expires_at
         WHERE seq = @seq`,
      )
      .run(next);
    const job = toJob(next);
    if (next.state !== row.state || next.attempts !== row.attempts) this.announce(job, next.due_at, now);
    return job;
  }

  async submit(job: NewJob): Promise<{ job: JobRecord; created: boolean }> {
    if (!Number.isSafeInteger(job.maxAttempts) || job.maxAttempts < 1) {
      throw new HushError('USAGE', 'maxAttempts: must be a positive integer');
    }
    return this.write((now) => {
      if (job.idempotencyKey !== null) {
        const first = this.db
          .prepare<[string | null, string], JobRow>(
            "SELECT * FROM jobs WHERE ifnull(api_key_id, '') = ifnull(?, '') AND idempotency_key = ?",
          )
          .get(job.apiKeyId, job.idempotencyKey);
        if (first !== undefined) return { job: toJob(first), created: false };
      }
      const row: Omit<JobRow, 'seq'> = {
        id: job.id,
        state: 'queued',
        progress: 0,
        attempts: 0,
        max_attempts: job.maxAttempts,
        request: JSON.stringify(job.request),
        result: null,
        failure: null,
        api_key_id: job.apiKeyId,
        idempotency_key: job.idempotencyKey,
        created_at: now,
        updated_at: now,
        started_at: null,
        finished_at: null,
        due_at: now,
        ...NO_LEASE,
      };
      const columns = Object.keys(row);
      this.db
        .prepare(
          `INSERT INTO jobs (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        )
        .run(row);
      const record = toJob(row);
      this.announce(record, row.due_at, now);
      return { job: record, created: true };
    });
  }

  async get(id: string): Promise<JobRecord | null> {
    const row = this.row(id);
    return row === undefined ? null : toJob(row);
  }

  async list(query: JobQuery): Promise<JobPage> {
    const limit = checkLimit(query.limit);
    const params = {
      state: query.state ?? null,
      apiKeyId: query.apiKeyId ?? null,
      from: query.createdFrom === undefined ? null : toMs(query.createdFrom, 'createdFrom'),
      to: query.createdTo === undefined ? null : toMs(query.createdTo, 'createdTo'),
      before: query.cursor === undefined ? null : decodeCursor(query.cursor),
      take: limit + 1,
    };
    const rows = this.db
      .prepare<typeof params, JobRow>(
        `SELECT * FROM jobs
         ${where([
           params.state !== null && 'state = @state',
           params.apiKeyId !== null && 'api_key_id = @apiKeyId',
           params.from !== null && 'created_at >= @from',
           params.to !== null && 'created_at < @to',
           params.before !== null && 'seq < @before',
         ])}
         ORDER BY seq DESC LIMIT @take`,
      )
      .all(params);
    const { items, nextCursor } = page(rows, limit, toJob);
    return { jobs: items, nextCursor };
  }

  async counts(): Promise<Record<JobState, number>> {
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
    const rows = this.db
      .prepare<[], { state: JobState; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state')
      .all();
    for (const { state, n } of rows) counts[state] = n;
    return counts;
  }

  async queueDepth(): Promise<number> {
    return this.db
      .prepare<[number], number>("SELECT count(*) FROM jobs WHERE state = 'queued' AND due_at <= ?")
      .pluck()
      .get(Date.now())!;
  }

  async createdSince(apiKeyId: string | null, since: string): Promise<number> {
    return this.db
      .prepare<[string | null, number], number>(
        'SELECT count(*) FROM jobs WHERE api_key_id IS ? AND created_at >= ?',
      )
      .pluck()
      .get(apiKeyId, toMs(since, 'since'))!;
  }

  async claim(workerId: string, leaseMs: number): Promise<Lease | null> {
    checkLeaseMs(leaseMs);
    return this.write((now) => {
      this.failExpiredLastAttempts(now);
      const row = this.nextClaimable(now);
      if (row === undefined) return null;
      const lease: Lease = { jobId: row.id, workerId, attempt: row.attempts + 1, token: randomUUID() };
      this.change(
        row,
        {
          state: 'running',
          progress: 0,
          attempts: lease.attempt,
          started_at: row.started_at ?? now,
          due_at: null,
          lease_worker: workerId,
          lease_token: lease.token,
          lease_expires_at: now + leaseMs,
        },
        now,
      );
      return lease;
    });
  }

  /** Jobs whose holder died on their last attempt end failed: nothing is left to retry them. */
  private failExpiredLastAttempts(now: number): void {
    const rows = this.db
      .prepare<[number], JobRow>(
        `SELECT * FROM jobs WHERE ${LEASED} AND lease_expires_at <= ? AND attempts >= max_attempts`,
      )
      .all(now);
    for (const row of rows) {
      const failure = `lease expired after ${plural(row.attempts, 'attempt')}`;
      this.change(row, { state: 'failed', failure, finished_at: now, ...NO_LEASE }, now);
    }
  }

  /** The queued job due longest, or the job whose lease expired longest ago, whichever came first. */
  private nextClaimable(now: number): JobRow | undefined {
    const queued = this.db
      .prepare<[number], JobRow>(
        "SELECT * FROM jobs WHERE state = 'queued' AND due_at <= ? ORDER BY due_at, seq LIMIT 1",
      )
      .get(now);
    const expired = this.db
      .prepare<[number], JobRow>(
        `SELECT * FROM jobs WHERE ${LEASED} AND lease_expires_at <= ? ORDER BY lease_expires_at, seq LIMIT 1`,
      )
      .get(now);
    if (queued === undefined || expired === undefined) return queued ?? expired;
    return expired.lease_expires_at! < queued.due_at! ? expired : queued;
  }

  async renew(lease: Lease, leaseMs: number): Promise<boolean> {
    checkLeaseMs(leaseMs);
    return this.write((now) => {
      const row = this.held(lease, now);
      if (row === undefined) return false;
      this.db.prepare('UPDATE jobs SET lease_expires_at = ? WHERE seq = ?').run(now + leaseMs, row.seq);
      return true;
    });
  }

  async advance(lease: Lease, state: 'running' | 'verifying', progress: number): Promise<boolean> {
    if (!(progress >= 0 && progress <= 1)) throw new HushError('USAGE', 'progress: must be between 0 and 1');
    return this.write((now) => {
      const row = this.held(lease, now);
      if (row === undefined) return false;
      if (row.state === 'verifying' && state === 'running') {
        throw new Error(`job ${row.id}: an attempt moves from running to verifying, not back`);
      }
      this.change(row, { state, progress }, now);
      return true;
    });
  }

  async complete(lease: Lease, result: JobResult): Promise<JobRecord | null> {
    return this.write((now) => {
      const row = this.held(lease, now);
      if (row === undefined) return null;
      return this.change(
        row,
        {
          state: 'completed',
          progress: 1,
          result: JSON.stringify(result),
          failure: null,
          finished_at: now,
          ...NO_LEASE,
        },
        now,
      );
    });
  }

  async fail(lease: Lease, failure: AttemptFailure, result?: JobResult): Promise<JobRecord | null> {
    return this.write((now) => {
      const row = this.held(lease, now);
      if (row === undefined) return null;
      if (failure.permanent || row.attempts >= row.max_attempts) {
        const stored = result === undefined ? row.result : JSON.stringify(result);
        return this.change(
          row,
          { state: 'failed', failure: failure.reason, result: stored, finished_at: now, ...NO_LEASE },
          now,
        );
      }
      const due = now + backoffMs(row.attempts, this.backoff);
      return this.change(
        row,
        { state: 'queued', progress: 0, failure: failure.reason, due_at: due, ...NO_LEASE },
        now,
      );
    });
  }

  async cancel(id: string): Promise<JobRecord | null> {
    return this.write((now) => {
      const row = this.row(id);
      if (row === undefined) return null;
      if (FINAL_STATES.has(row.state)) return toJob(row);
      return this.change(row, { state: 'cancelled', finished_at: now, due_at: null, ...NO_LEASE }, now);
    });
  }

  async requeue(id: string): Promise<JobRecord | null> {
    return this.write((now) => {
      const row = this.row(id);
      if (row === undefined || (row.state !== 'failed' && row.state !== 'cancelled')) return null;
      return this.change(
        row,
        {
          state: 'queued',
          progress: 0,
          attempts: 0,
          result: null,
          failure: null,
          started_at: null,
          finished_at: null,
          due_at: now,
          ...NO_LEASE,
        },
        now,
      );
    });
  }
}
