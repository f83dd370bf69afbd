/**
 * The rows both backends store, and how they become the service's records, written once. The
 * backends keep the same columns under the same names and differ only in how their drivers hand
 * back three kinds of value: a time (SQLite: integer ms; PostgreSQL: a Date), a list or object
 * (SQLite: JSON text; PostgreSQL: an array or a parsed jsonb value) and a flag (SQLite: 0 or 1;
 * PostgreSQL: a boolean). A backend names those forms (`Stored`), says how to read them
 * (`Readers`), and gets one mapper per record from `rowMappers`.
 */
import type { ApiKey, Scope } from '../auth/store.js';
import type { JobEvent, JobRecord, JobRequest, JobResult, JobState } from '../jobs/job.js';
import type { DeliveryAttempt, DeliveryState, WebhookDelivery, WebhookEndpoint } from '../webhooks/store.js';

/** How a backend's driver returns times, structured values and flags. */
export interface Stored {
  time: unknown;
  structured: unknown;
  flag: unknown;
}

export interface Readers<S extends Stored> {
  /** ISO 8601 (UTC, ms). */
  time(value: S['time']): string;
  structured<T>(value: S['structured']): T;
  flag(value: S['flag']): boolean;
}

export interface JobColumns<S extends Stored> {
  id: string;
  state: JobState;
  progress: number;
  attempts: number;
  max_attempts: number;
  request: S['structured'];
  result: S['structured'] | null;
  failure: string | null;
  api_key_id: string | null;
  idempotency_key: string | null;
  created_at: S['time'];
  updated_at: S['time'];
  started_at: S['time'] | null;
  finished_at: S['time'] | null;
}

export interface KeyColumns<S extends Stored> {
  id: string;
  name: string;
  scopes: S['structured'];
  secret_sha256: string;
  created_at: S['time'];
  revoked_at: S['time'] | null;
}

export interface EndpointColumns<S extends Stored> {
  id: string;
  url: string;
  secret: string;
  events: S['structured'];
  enabled: S['flag'];
  description: string | null;
  created_at: S['time'];
}

export interface DeliveryColumns<S extends Stored> {
  id: string;
  endpoint_id: string;
  event: S['structured'];
  state: DeliveryState;
  attempts: number;
  next_attempt_at: S['time'] | null;
  created_at: S['time'];
  updated_at: S['time'];
}

export interface AttemptColumns<S extends Stored> {
  delivery_id: string;
  attempt: number;
  at: S['time'];
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export function rowMappers<S extends Stored>(read: Readers<S>) {
  const time = (value: S['time'] | null): string | null => (value === null ? null : read.time(value));
  return {
    toJob: (row: JobColumns<S>): JobRecord => ({
      id: row.id,
      state: row.state,
      progress: row.progress,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      request: read.structured<JobRequest>(row.request),
      result: row.result === null ? null : read.structured<JobResult>(row.result),
      failure: row.failure,
      apiKeyId: row.api_key_id,
      idempotencyKey: row.idempotency_key,
      createdAt: read.time(row.created_at),
      updatedAt: read.time(row.updated_at),
      startedAt: time(row.started_at),
      finishedAt: time(row.finished_at),
    }),
    toKey: (row: KeyColumns<S>): ApiKey => ({
      id: row.id,
      name: row.name,
      scopes: read.structured<Scope[]>(row.scopes),
      createdAt: read.time(row.created_at),
      revokedAt: time(row.revoked_at),
    }),
    toEndpoint: (row: EndpointColumns<S>): WebhookEndpoint => ({
      id: row.id,
      url: row.url,
      secret: row.secret,
      events: read.structured<string[]>(row.events),
      enabled: read.flag(row.enabled),
      description: row.description,
      createdAt: read.time(row.created_at),
    }),
    toDelivery: (row: DeliveryColumns<S>): WebhookDelivery => ({
      id: row.id,
      endpointId: row.endpoint_id,
      event: read.structured<JobEvent>(row.event),
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: time(row.next_attempt_at),
      createdAt: read.time(row.created_at),
      updatedAt: read.time(row.updated_at),
    }),
    toAttempt: (row: AttemptColumns<S>): DeliveryAttempt => ({
      deliveryId: row.delivery_id,
      attempt: row.attempt,
      at: read.time(row.at),
      statusCode: row.status_code,
      error: row.error,
      durationMs: row.duration_ms,
    }),
  };
}
