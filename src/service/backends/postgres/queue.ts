/**
 * The job queue behind the PostgreSQL backend: pg-boss, on the backend's own pool and in its
 * schema. Every call takes the caller's transaction (pg-boss's `db` option), so a queue change
 * commits or rolls back with the Hush job row it belongs to.
 *
 * How Hush's terms map onto pg-boss:
 * - an attempt's lease is the pg-boss job's heartbeat: `heartbeatSeconds` is the lease in whole
 *   seconds, at least 10 (pg-boss's minimum), and renewing a lease is `touch`;
 * - a worker that stops heartbeating (killed, hung, cut off) is found by pg-boss's supervisor,
 *   which fails the job as "heartbeat timeout": retried after its backoff while attempts remain,
 *   failed otherwise (the job store turns that into "lease expired");
 * - a transient failure is `fail`: pg-boss retries with its exponential backoff with jitter;
 * - every other end (completed, permanent failure, cancelled) ends the pg-boss job, so it never
 *   runs again.
 */
import type pg from 'pg';
import { PgBoss, type CommandResponse, type Db } from 'pg-boss';
import type { BackoffPolicy } from '../../retry.js';
import type { Queryable } from './database.js';

const QUEUE = 'hush-redact';

/** pg-boss refuses a shorter heartbeat. */
export const MIN_LEASE_SECONDS = 10;

/** pg-boss's ceiling on how long a job may stay active; heartbeats, not this, end a dead attempt. */
const MAX_ACTIVE_SECONDS = 24 * 60 * 60;

/** pg-boss deletes jobs queued longer than their retention; an accepted job must never be lost. */
const QUEUED_RETENTION_SECONDS = 10 * 365 * 24 * 60 * 60;

export interface QueueOptions {
  backoff: BackoffPolicy;
  /** How often pg-boss's supervisor looks for attempts whose heartbeat stopped. */
  superviseIntervalSeconds: number;
  onError: (error: Error) => void;
}

/** A pg-boss job's place in its life, as far as the job store needs it. */
export type QueueJobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** The lease length pg-boss can keep for a requested `leaseMs`: whole seconds, at least 10. */
export function leaseSeconds(leaseMs: number): number {
  return Math.max(MIN_LEASE_SECONDS, Math.ceil(leaseMs / 1000));
}

/**
 * pg-boss's backoff after the n-th attempt is `retryDelay × 2^(n-1) × (1 + random)` seconds, at
 * most `retryDelayMax`: Hush's `backoffMs` (half fixed, half random) when `retryDelay` is half the
 * base. pg-boss counts whole seconds, so a base under a second retries at once.
 */
function retryOptions(backoff: BackoffPolicy): {
  retryDelay: number;
  retryBackoff: boolean;
  retryDelayMax?: number;
} {
  const retryDelay = Math.round(backoff.baseMs / 2000);
  if (retryDelay === 0) return { retryDelay: 0, retryBackoff: false };
  return {
    retryDelay,
    retryBackoff: true,
    retryDelayMax: Math.max(retryDelay, Math.round(backoff.maxMs / 1000)),
  };
}

/** pg-boss reports how many jobs a command changed, though its type does not say so. */
function affected(response: CommandResponse): number {
  return (response as { affected?: number }).affected ?? 0;
}

/** The pool, or the caller's transaction, as pg-boss's `db`. */
function asDb(client: Queryable): Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly schema: string,
    private readonly table: string,
    private readonly retry: ReturnType<typeof retryOptions>,
  ) {}

  static async open(pool: pg.Pool, schema: string, options: QueueOptions): Promise<JobQueue> {
    const boss = new PgBoss({
      db: asDb(pool),
      schema,
      schedule: false,
      superviseIntervalSeconds: options.superviseIntervalSeconds,
      monitorIntervalSeconds: options.superviseIntervalSeconds,
    });
    boss.on('error', options.onError);
    await boss.start();
    try {
      await boss.createQueue(QUEUE, {
        expireInSeconds: MAX_ACTIVE_SECONDS,
        retentionSeconds: QUEUED_RETENTION_SECONDS,
      });
      const queue = await boss.getQueue(QUEUE);
      if (queue === null) throw new Error(`pg-boss queue ${QUEUE} was not created`);
      return new JobQueue(boss, schema, queue.table, retryOptions(options.backoff));
    } catch (error) {
      await boss.stop({ graceful: false });
      throw error;
    }
  }

  /** Queues the Hush job `jobId` as pg-boss job `queueId`, to be attempted at most `maxAttempts` times. */
  async send(tx: Queryable, jobId: string, queueId: string, maxAttempts: number): Promise<void> {
    const id = await this.boss.send(
      QUEUE,
      { jobId },
      {
        db: asDb(tx),
        id: queueId,
        retryLimit: maxAttempts - 1,
        ...this.retry,
        expireInSeconds: MAX_ACTIVE_SECONDS,
        retentionSeconds: QUEUED_RETENTION_SECONDS,
        // Heartbeats on; each claim sets the length it leases (see `fetch`).
        heartbeatSeconds: MIN_LEASE_SECONDS,
      },
    );
    if (id !== queueId) throw new Error(`pg-boss did not queue job ${jobId}`);
  }

  /**
   * Takes the next due job (oldest first; locked rows skipped, so two workers never take the same
   * one) and starts its heartbeat at `seconds`.
   */
  async fetch(tx: Queryable, seconds: number): Promise<{ queueId: string; jobId: string } | null> {
    const [job] = await this.boss.fetch<{ jobId: string }>(QUEUE, { db: asDb(tx) });
    if (job === undefined) return null;
    if (job.heartbeatSeconds !== seconds) await this.setHeartbeat(tx, job.id, seconds);
    return { queueId: job.id, jobId: job.data.jobId };
  }

  /** The heartbeat: true when the job is still active (the attempt's hold on it stands). */
  async touch(tx: Queryable, queueId: string, seconds: number): Promise<boolean> {
    if (affected(await this.boss.touch(QUEUE, queueId, { db: asDb(tx) })) !== 1) return false;
    await this.setHeartbeat(tx, queueId, seconds);
    return true;
  }

  /** Ends an active job for good (completed, or failed for a reason retrying cannot mend). */
  async finish(tx: Queryable, queueId: string, output: { outcome: string }): Promise<boolean> {
    return affected(await this.boss.complete(QUEUE, queueId, output, { db: asDb(tx) })) === 1;
  }

  /** A transient failure of the active attempt: pg-boss retries it after its backoff, or fails it when none remain. */
  async fail(tx: Queryable, queueId: string, output: { reason: string }): Promise<boolean> {
    return affected(await this.boss.fail(QUEUE, queueId, output, { db: asDb(tx) })) === 1;
  }

  /** Cancels a job that has not ended (queued, waiting for a retry, or active). */
  async cancel(tx: Queryable, queueId: string): Promise<void> {
    await this.boss.cancel(QUEUE, queueId, { db: asDb(tx) });
  }

  /** Where the job stands, and when it is due; null when pg-boss no longer holds it. */
  async state(tx: Queryable, queueId: string): Promise<{ state: QueueJobState; startAfter: Date } | null> {
    const [job] = await this.boss.findJobs(QUEUE, { id: queueId, db: asDb(tx) });
    return job === undefined ? null : { state: job.state, startAfter: job.startAfter };
  }

  /** Stops the supervisor, waiting for a pass under way; the pool stays open. */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false });
  }

  /**
   * pg-boss fixes a job's heartbeat when the job is sent, while a Hush lease is chosen by the
   * worker claiming it, so the claimed job's heartbeat length is set here, in the claiming
   * transaction, on the column of pg-boss's job table that its supervisor reads. pg-boss is pinned
   * to 12.30.x; the lease-expiry tests fail if a release moves it.
   */
  private async setHeartbeat(tx: Queryable, queueId: string, seconds: number): Promise<void> {
    await tx.query(
      `UPDATE ${this.schema}.${this.table} SET heartbeat_seconds = $3
       WHERE name = $1 AND id = $2 AND state = 'active' AND heartbeat_seconds IS DISTINCT FROM $3`,
      [QUEUE, queueId, seconds],
    );
  }
}
