/**
 * The embedded backend: jobs, webhooks, API keys, inbound events and the audit log in one SQLite
 * file. The audit log is the CLI's own store (src/audit/sqlite-store.ts) on the same file, so
 * `hush audit verify --db <file>` checks the service's records too; it is opened first, which
 * creates its tables in a new file and refuses a file that is something else. The service's tables
 * sit beside them (schema.ts).
 *
 * WAL mode, so readers never wait for a writer; every write takes the lock first (BEGIN IMMEDIATE)
 * and waits up to `busyTimeoutMs` for another connection's, so any number of processes (`hush
 * serve`, `hush worker`) can share the file on one machine.
 */
import Database from 'better-sqlite3';
import { openSqliteAudit } from '../../../audit/sqlite-store.js';
import type { ServiceBackend } from '../../backend.js';
import { JOB_BACKOFF, type BackoffPolicy } from '../../retry.js';
import { workSignals } from '../../signal.js';
import { SqliteInboundEventLog } from './inbound.js';
import { SqliteJobStore } from './jobs.js';
import { SqliteApiKeyStore } from './keys.js';
import { migrate } from './schema.js';
import { SqliteWebhookStore } from './webhooks.js';

export interface SqliteBackendOptions {
  /** Delays between a job's attempts after transient failures; JOB_BACKOFF by default. */
  backoff?: BackoffPolicy;
  /** How long a write waits for another connection's to finish before failing; 10 s by default. */
  busyTimeoutMs?: number;
}

const BUSY_TIMEOUT_MS = 10_000;

export function openSqliteBackend(file: string, options: SqliteBackendOptions = {}): ServiceBackend {
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const audit = openSqliteAudit(file, { busyTimeoutMs });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    // A job is accepted once committed: the commit must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
  } catch (error) {
    db?.close();
    void audit.close();
    throw error;
  }
  const connection = db;
  const signals = workSignals();
  const webhooks = new SqliteWebhookStore(connection, signals.deliveries);
  return {
    kind: 'sqlite',
    jobs: new SqliteJobStore(
      connection,
      options.backoff ?? JOB_BACKOFF,
      (event, now) => webhooks.enqueue(event, now),
      signals,
    ),
    webhooks,
    keys: new SqliteApiKeyStore(connection),
    audit,
    inbound: new SqliteInboundEventLog(connection),
    signals,
    async close() {
      connection.close();
      await audit.close();
    },
  };
}
