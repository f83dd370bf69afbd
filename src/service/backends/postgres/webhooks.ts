/**
 * Webhook endpoints, deliveries and delivery attempts in PostgreSQL. Deliveries are written by the
 * job store in the transaction of the state change they report (`recordJobEvent`); dispatchers
 * lease due ones with `FOR UPDATE SKIP LOCKED`, so two dispatchers never send the same delivery at
 * once.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { JobRecord } from '../../jobs/job.js';
import { jobEvent } from '../../jobs/events.js';
import type {
  AttemptOutcome,
  DeliveryAttempt,
  DeliveryQuery,
  DeliveryState,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookStore,
} from '../../webhooks/store.js';
import type { WorkSignal } from '../../signal.js';
import type { AttemptColumns, DeliveryColumns, EndpointColumns } from '../rows.js';
import { NOW, ROWS, newestFirst, withTransaction, type PostgresStored, type Queryable } from './database.js';

const { toAttempt, toDelivery, toEndpoint } = ROWS;

export const WEBHOOKS_DDL = (schema: string): string => `
CREATE TABLE IF NOT EXISTS ${schema}.hush_webhook_endpoints (
  id text PRIMARY KEY,
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL,
  enabled boolean NOT NULL,
  description text,
  created_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ${schema}.hush_webhook_deliveries (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES ${schema}.hush_webhook_endpoints (id),
  job_id text NOT NULL,
  event jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL,
  next_attempt_at timestamptz,
  lease_holder text,
  lease_expires_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS hush_webhook_deliveries_due ON ${schema}.hush_webhook_deliveries (next_attempt_at)
  WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS hush_webhook_deliveries_job ON ${schema}.hush_webhook_deliveries (job_id);
CREATE TABLE IF NOT EXISTS ${schema}.hush_webhook_attempts (
  seq bigserial PRIMARY KEY,
  delivery_id text NOT NULL REFERENCES ${schema}.hush_webhook_deliveries (id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  status_code integer,
  error text,
  duration_ms integer NOT NULL
);
CREATE INDEX IF NOT EXISTS hush_webhook_attempts_delivery ON ${schema}.hush_webhook_attempts (delivery_id, seq);
`;

type EndpointRow = EndpointColumns<PostgresStored>;

interface DeliveryRow extends DeliveryColumns<PostgresStored> {
  seq: string;
}

type AttemptRow = AttemptColumns<PostgresStored>;

/**
 * One delivery of the job's current state (`jobEvent`) per enabled endpoint that takes its event
 * type, in the caller's transaction; false when no endpoint takes it.
 */
export async function recordJobEvent(tx: Queryable, schema: string, job: JobRecord): Promise<boolean> {
  const event = jobEvent(job, job.updatedAt);
  const { rowCount } = await tx.query(
    `INSERT INTO ${schema}.hush_webhook_deliveries
       (id, endpoint_id, job_id, event, state, attempts, next_attempt_at, created_at, updated_at)
     SELECT gen_random_uuid()::text, e.id, $1, $2, 'pending', 0, ${NOW}, ${NOW}, ${NOW}
     FROM ${schema}.hush_webhook_endpoints e
     WHERE e.enabled AND (cardinality(e.events) = 0 OR $3 = ANY (e.events))
     ORDER BY e.created_at, e.id`,
    [job.id, event, event.type],
  );
  return (rowCount ?? 0) > 0;
}

export class PostgresWebhookStore implements WebhookStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    /** Notified when a delivery comes due now outside a job change (replay). */
    private readonly deliveries: WorkSignal,
  ) {}

  async addEndpoint(endpoint: {
    url: string;
    secret: string;
    events: string[];
    description: string | null;
  }): Promise<WebhookEndpoint> {
    const { rows } = await this.pool.query<EndpointRow>(
      `INSERT INTO ${this.schema}.hush_webhook_endpoints (id, url, secret, events, enabled, description, created_at)
       VALUES ($1, $2, $3, $4, true, $5, ${NOW}) RETURNING *`,
      [randomUUID(), endpoint.url, endpoint.secret, endpoint.events, endpoint.description],
    );
    return toEndpoint(rows[0]!);
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    const { rows } = await this.pool.query<EndpointRow>(
      `SELECT * FROM ${this.schema}.hush_webhook_endpoints ORDER BY created_at, id`,
    );
    return rows.map(toEndpoint);
  }

  async disableEndpoint(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.schema}.hush_webhook_endpoints SET enabled = false WHERE id = $1`,
      [id],
    );
    return rowCount === 1;
  }

  async claimDue(
    dispatcherId: string,
    limit: number,
    leaseMs: number,
  ): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint }[]> {
    // Deliveries for a disabled endpoint stay pending, for the record, and are not sent.
    const { rows } = await this.pool.query<DeliveryRow>(
      `UPDATE ${this.schema}.hush_webhook_deliveries d
       SET lease_holder = $1, lease_expires_at = now() + $3 * interval '1 millisecond'
       WHERE d.id IN (
         SELECT due.id FROM ${this.schema}.hush_webhook_deliveries due
         JOIN ${this.schema}.hush_webhook_endpoints e ON e.id = due.endpoint_id
         WHERE due.state = 'pending' AND due.next_attempt_at <= now() AND e.enabled
           AND (due.lease_expires_at IS NULL OR due.lease_expires_at <= now())
         ORDER BY due.next_attempt_at, due.seq
         LIMIT $2
         FOR UPDATE OF due SKIP LOCKED
       )
       RETURNING d.*`,
      [dispatcherId, limit, leaseMs],
    );
    if (rows.length === 0) return [];
    const endpoints = new Map((await this.listEndpoints()).map((endpoint) => [endpoint.id, endpoint]));
    return rows
      .sort(
        (a, b) =>
          a.next_attempt_at!.getTime() - b.next_attempt_at!.getTime() || Number(a.seq) - Number(b.seq),
      )
      .map((row) => ({ delivery: toDelivery(row), endpoint: endpoints.get(row.endpoint_id)! }));
  }

  async recordAttempt(attempt: DeliveryAttempt, outcome: AttemptOutcome): Promise<void> {
    await withTransaction(this.pool, async (tx) => {
      await tx.query(
        `INSERT INTO ${this.schema}.hush_webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          attempt.deliveryId,
          attempt.attempt,
          attempt.at,
          attempt.statusCode,
          attempt.error,
          attempt.durationMs,
        ],
      );
      await tx.query(
        `UPDATE ${this.schema}.hush_webhook_deliveries
         SET state = $2, attempts = GREATEST(attempts, $3), next_attempt_at = $4,
             lease_holder = NULL, lease_expires_at = NULL, updated_at = ${NOW}
         WHERE id = $1`,
        [
          attempt.deliveryId,
          outcome.state,
          attempt.attempt,
          outcome.state === 'pending' ? outcome.nextAttemptAt : null,
        ],
      );
    });
  }

  async getDelivery(id: string): Promise<WebhookDelivery | null> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT * FROM ${this.schema}.hush_webhook_deliveries WHERE id = $1`,
      [id],
    );
    return rows[0] === undefined ? null : toDelivery(rows[0]);
  }

  async listDeliveries(
    query: DeliveryQuery,
  ): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }> {
    const { rows, nextCursor } = await newestFirst<DeliveryRow>(
      this.pool,
      `${this.schema}.hush_webhook_deliveries`,
      [
        ['state = ?', query.state],
        ['endpoint_id = ?', query.endpointId],
        ['job_id = ?', query.jobId],
      ],
      query,
    );
    return { deliveries: rows.map(toDelivery), nextCursor };
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    const { rows } = await this.pool.query<AttemptRow>(
      `SELECT * FROM ${this.schema}.hush_webhook_attempts WHERE delivery_id = $1 ORDER BY seq`,
      [deliveryId],
    );
    return rows.map(toAttempt);
  }

  async replay(id: string): Promise<WebhookDelivery | null> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `UPDATE ${this.schema}.hush_webhook_deliveries
       SET state = 'pending', next_attempt_at = ${NOW}, lease_holder = NULL, lease_expires_at = NULL,
           updated_at = ${NOW}
       WHERE id = $1 RETURNING *`,
      [id],
    );
    if (rows[0] === undefined) return null;
    // One statement, committed as it returns.
    this.deliveries.notify();
    return toDelivery(rows[0]);
  }

  async counts(): Promise<Record<DeliveryState, number>> {
    const { rows } = await this.pool.query<{ state: DeliveryState; count: number }>(
      `SELECT state, count(*)::int AS count FROM ${this.schema}.hush_webhook_deliveries GROUP BY state`,
    );
    const counts: Record<DeliveryState, number> = { pending: 0, delivered: 0, failed: 0 };
    for (const row of rows) counts[row.state] = row.count;
    return counts;
  }
}
