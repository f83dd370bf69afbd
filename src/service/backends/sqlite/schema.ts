/**
 * The service's tables, beside the audit log's in the same file. `service_schema` records the
 * version; each migration moves the schema one version on, so a later Hush can change the tables
 * without losing jobs. Times are integer ms since the epoch (see sql.ts); documents (a job's
 * request and result, an event) are JSON text; what is queried has its own column.
 */
import type Database from 'better-sqlite3';
import { HushError } from '../../../errors.js';

/** Migration n (0-based) takes the schema from version n to n + 1. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    progress REAL NOT NULL,
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    request TEXT NOT NULL,
    result TEXT,
    failure TEXT,
    api_key_id TEXT,
    idempotency_key TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    -- queued: when the job may be claimed
    due_at INTEGER,
    -- running / verifying: the attempt's holder
    lease_worker TEXT,
    lease_token TEXT,
    lease_expires_at INTEGER
  );
  -- Jobs without a key are a scope of their own ('' is never a key id).
  CREATE UNIQUE INDEX jobs_idempotency ON jobs (ifnull(api_key_id, ''), idempotency_key)
    WHERE idempotency_key IS NOT NULL;
  CREATE INDEX jobs_due ON jobs (due_at, seq) WHERE state = 'queued';
  CREATE INDEX jobs_lease ON jobs (lease_expires_at, seq) WHERE state IN ('running', 'verifying');
  CREATE INDEX jobs_state ON jobs (state, seq);
  CREATE INDEX jobs_key_created ON jobs (api_key_id, created_at);
  CREATE INDEX jobs_created ON jobs (created_at);

  CREATE TABLE webhook_endpoints (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    description TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
    job_id TEXT NOT NULL,
    event TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER,
    lease_holder TEXT,
    lease_expires_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, seq) WHERE state = 'pending';
  CREATE INDEX webhook_deliveries_state ON webhook_deliveries (state, seq);
  CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);
  CREATE INDEX webhook_deliveries_job ON webhook_deliveries (job_id, seq);
  CREATE TABLE webhook_attempts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    status_code INTEGER,
    error TEXT,
    duration_ms REAL NOT NULL
  );
  CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);

  CREATE TABLE api_keys (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    secret_sha256 TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );

  CREATE TABLE inbound_events (
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (source, event_id)
  ) WITHOUT ROWID;
  `,
];

const SCHEMA_VERSION = MIGRATIONS.length;

function currentVersion(db: Database.Database): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'service_schema'")
    .get();
  if (exists === undefined) return 0;
  return Number(db.prepare('SELECT max(version) FROM service_schema').pluck().get() ?? 0);
}

/** Brings the schema to SCHEMA_VERSION, under the write lock (another process may be opening too). */
export function migrate(db: Database.Database, file: string): void {
  db.transaction(() => {
    const version = currentVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new HushError(
        'IO',
        `${file}: service schema version ${version}; this Hush reads versions up to ${SCHEMA_VERSION}`,
      );
    }
    if (version === SCHEMA_VERSION) return;
    if (version === 0) db.exec('CREATE TABLE service_schema (version INTEGER NOT NULL)');
    for (let next = version; next < SCHEMA_VERSION; next++) db.exec(MIGRATIONS[next]!);
    db.prepare('DELETE FROM service_schema').run();
    db.prepare('INSERT INTO service_schema (version) VALUES (?)').run(SCHEMA_VERSION);
  }).immediate();
}
