/**
 * Where jobs live and how workers take them: one interface, two backends (SQLite embedded, PostgreSQL
 * with pg-boss). A store is also the job queue, so that accepting a job, queueing it and recording
 * its `job.queued` webhook deliveries happen in one transaction: an accepted job is never lost.
 *
 * Every state change writes one webhook delivery per enabled endpoint (the event from `jobEvent`)
 * in the same transaction as the change. Progress within a state sends none.
 */
import type { JobRecord, JobResult, JobState, NewJob } from './job.js';

/** A worker's hold on one attempt of a job. Lost when it expires unrenewed, or the job is cancelled. */
export interface Lease {
  jobId: string;
  workerId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Backend's own handle (a row version, a pg-boss job id). */
  token: string;
}

export interface JobQuery {
  state?: JobState;
  apiKeyId?: string;
  /** ISO 8601, inclusive. */
  createdFrom?: string;
  /** ISO 8601, exclusive. */
  createdTo?: string;
  /** Newest first. */
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface JobPage {
  jobs: JobRecord[];
  nextCursor: string | null;
}

/** Why an attempt failed. Permanent failures (bad input, verification failed) are not retried. */
export interface AttemptFailure {
  reason: string;
  permanent: boolean;
}

export interface JobStore {
  /**
   * Commits the job as queued. With an idempotency key the same API key already used, nothing is
   * created and the first job comes back with `created: false`.
   */
  submit(job: NewJob): Promise<{ job: JobRecord; created: boolean }>;
  get(id: string): Promise<JobRecord | null>;
  list(query: JobQuery): Promise<JobPage>;
  /** Jobs per state (metrics, the limits endpoint). */
  counts(): Promise<Record<JobState, number>>;
  /** Queued jobs due now. */
  queueDepth(): Promise<number>;
  /** Jobs created by this key (null: without a key) since `since`, ISO 8601 (quotas). */
  createdSince(apiKeyId: string | null, since: string): Promise<number>;

  /**
   * Takes the oldest due queued job (or one whose lease expired: its holder died) and starts an
   * attempt under a lease of `leaseMs`; the job becomes `running`. Null when none is due. A job
   * whose lease expired on its last attempt is failed instead ("lease expired"), not claimed.
   */
  claim(workerId: string, leaseMs: number): Promise<Lease | null>;
  /** Extends the lease by `leaseMs` from now; false when it was lost (stop work, publish nothing). */
  renew(lease: Lease, leaseMs: number): Promise<boolean>;
  /** Moves the attempt on (`running` → `verifying`) and records progress; false when the lease was lost. */
  advance(lease: Lease, state: 'running' | 'verifying', progress: number): Promise<boolean>;
  /** Ends the attempt completed with its result; null when the lease was lost (nothing recorded). */
  complete(lease: Lease, result: JobResult): Promise<JobRecord | null>;
  /**
   * Ends the attempt failed. Permanent, or transient on the last attempt: the job fails (dead
   * letter) with the reason and, when given, the result (a verification failure has a report).
   * Otherwise it is queued again, due after an exponential backoff with jitter. Null when the lease
   * was lost.
   */
  fail(lease: Lease, failure: AttemptFailure, result?: JobResult): Promise<JobRecord | null>;
  /** Cancels a queued or running job (a running attempt loses its lease); null when not found. Final jobs stay as they are. */
  cancel(id: string): Promise<JobRecord | null>;
  /** Queues a failed or cancelled job again with fresh attempts (dead-letter replay); null when not found or not final. */
  requeue(id: string): Promise<JobRecord | null>;
}
