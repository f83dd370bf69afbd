/**
 * Webhook endpoints, deliveries and attempts in SQLite. `enqueue` is how job changes write their
 * deliveries: called inside the job store's transaction, so a change and its deliveries commit
 * together. Dispatchers lease deliveries under the write lock, so two never take the same one.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { JobEvent } from '../../jobs/job.js';
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
import { ROWS, checkLimit, decodeCursor, page, toMs, where, type SqliteStored } from './sql.js';
import type { AttemptColumns, DeliveryColumns, EndpointColumns } from '../rows.js';

const { toAttempt, toDelivery, toEndpoint } = ROWS;

type EndpointRow = EndpointColumns<SqliteStored>;

interface DeliveryRow extends DeliveryColumns<SqliteStored> {
  seq: number;
}

type AttemptRow = AttemptColumns<SqliteStored>;

const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'failed'];

export class SqliteWebhookStore implements WebhookStore {
  constructor(
    private readonly db: Database.Database,
    /** Notified when a delivery comes due now outside a job change (replay). */
    private readonly deliveries: WorkSignal,
  ) {}

  /**
   * Writes one pending delivery of `event` per enabled endpoint that takes its type; due now.
   * False when no endpoint takes it.
   */
  enqueue(event: JobEvent, now: number): boolean {
    const endpoints = this.db
      .prepare<[], Pick<EndpointRow, 'id' | 'events'>>(
        'SELECT id, events FROM webhook_endpoints WHERE enabled = 1',
      )
      .all();
    const insert = this.db.prepare(
      `INSERT INTO webhook_deliveries (id, endpoint_id, job_id, event, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    );
    const text = JSON.stringify(event);
    let written = false;
    for (const endpoint of endpoints) {
      const events = JSON.parse(endpoint.events) as string[];
      if (events.length > 0 && !events.includes(event.type)) continue;
      insert.run(randomUUID(), endpoint.id, event.data.jobId, text, now, now, now);
      written = true;
    }
    return written;
  }

  async addEndpoint(endpoint: {
    url: string;
    secret: string;
    events: string[];
    description: string | null;
  }): Promise<WebhookEndpoint> {
    const row: EndpointRow = {
      id: randomUUID(),
      url: endpoint.url,
      secret: endpoint.secret,
      events: JSON.stringify(endpoint.events),
      enabled: 1,
      description: endpoint.description,
      created_at: Date.now(),
    };
    this.db
      .prepare(
        `INSERT INTO webhook_endpoints (id, url, secret, events, enabled, description, created_at)
         VALUES (@id, @url, @secret, @events, @enabled, @description, @created_at)`,
      )
      .run(row);
    return toEndpoint(row);
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    return this.db
      .prepare<[], EndpointRow>('SELECT * FROM webhook_endpoints ORDER BY seq')
      .all()
      .map(toEndpoint);
  }

  async disableEndpoint(id: string): Promise<boolean> {
    return this.db.prepare('UPDATE webhook_endpoints SET enabled = 0 WHERE id = ?').run(id).changes === 1;
  }

  /** Deliveries for disabled endpoints stay pending, unsent. */
  async claimDue(
    dispatcherId: string,
    limit: number,
    leaseMs: number,
  ): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint }[]> {
    checkLimit(limit);
    return this.db
      .transaction(() => {
        const now = Date.now();
        const rows = this.db
          .prepare<[number, number, number], DeliveryRow>(
            `SELECT d.* FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
             WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND ifnull(d.lease_expires_at, 0) <= ?
               AND e.enabled = 1
             ORDER BY d.next_attempt_at, d.seq LIMIT ?`,
          )
          .all(now, now, limit);
        const lease = this.db.prepare(
          'UPDATE webhook_deliveries SET lease_holder = ?, lease_expires_at = ? WHERE id = ?',
        );
        const endpoint = this.db.prepare<[string], EndpointRow>(
          'SELECT * FROM webhook_endpoints WHERE id = ?',
        );
        return rows.map((row) => {
          lease.run(dispatcherId, now + leaseMs, row.id);
          return { delivery: toDelivery(row), endpoint: toEndpoint(endpoint.get(row.endpoint_id)!) };
        });
      })
      .immediate();
  }

  async recordAttempt(attempt: DeliveryAttempt, outcome: AttemptOutcome): Promise<void> {
    const at = toMs(attempt.at, 'attempt.at');
    const next = outcome.state === 'pending' ? toMs(outcome.nextAttemptAt, 'nextAttemptAt') : null;
    this.db
      .transaction(() => {
        const now = Date.now();
        const updated = this.db
          .prepare(
            `UPDATE webhook_deliveries SET state = ?, attempts = max(attempts, ?), next_attempt_at = ?,
               lease_holder = NULL, lease_expires_at = NULL, updated_at = ?
             WHERE id = ?`,
          )
          .run(outcome.state, attempt.attempt, next, now, attempt.deliveryId);
        if (updated.changes !== 1) throw new Error(`recordAttempt: no delivery ${attempt.deliveryId}`);
        this.db
          .prepare(
            `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(
            attempt.deliveryId,
            attempt.attempt,
            at,
            attempt.statusCode,
            attempt.error,
            attempt.durationMs,
          );
      })
      .immediate();
  }

  async getDelivery(id: string): Promise<WebhookDelivery | null> {
    const row = this.db
      .prepare<[string], DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE id = ?`)
      .get(id);
    return row === undefined ? null : toDelivery(row);
  }

  async listDeliveries(
    query: DeliveryQuery,
  ): Promise<{ deliveries: WebhookDelivery[]; nextCursor: string | null }> {
    const limit = checkLimit(query.limit);
    const params = {
      state: query.state ?? null,
      endpointId: query.endpointId ?? null,
      jobId: query.jobId ?? null,
      before: query.cursor === undefined ? null : decodeCursor(query.cursor),
      take: limit + 1,
    };
    const rows = this.db
      .prepare<typeof params, DeliveryRow>(
        `SELECT * FROM webhook_deliveries
         ${where([
           params.state !== null && 'state = @state',
           params.endpointId !== null && 'endpoint_id = @endpointId',
           params.jobId !== null && 'job_id = @jobId',
           params.before !== null && 'seq < @before',
         ])}
         ORDER BY seq DESC LIMIT @take`,
      )
      .all(params);
    const { items, nextCursor } = page(rows, limit, toDelivery);
    return { deliveries: items, nextCursor };
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return this.db
      .prepare<[string], AttemptRow>(
        `SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM webhook_attempts
         WHERE delivery_id = ? ORDER BY attempt, seq`,
      )
      .all(deliveryId)
      .map(toAttempt);
  }

  async replay(id: string): Promise<WebhookDelivery | null> {
    const now = Date.now();
    const row = this.db
      .prepare<[number, number, string], DeliveryRow>(
        `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = ?, lease_holder = NULL,
           lease_expires_at = NULL, updated_at = ?
         WHERE id = ? RETURNING *`,
      )
      .get(now, now, id);
    if (row === undefined) return null;
    // One statement, committed as it returns.
    this.deliveries.notify();
    return toDelivery(row);
  }

  async counts(): Promise<Record<DeliveryState, number>> {
    const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<
      DeliveryState,
      number
    >;
    const rows = this.db
      .prepare<[], { state: DeliveryState; n: number }>(
        'SELECT state, count(*) AS n FROM webhook_deliveries GROUP BY state',
      )
      .all();
    for (const { state, n } of rows) counts[state] = n;
    return counts;
  }
}
