/**
 * The PostgreSQL backend, for scale-out: any number of API and worker processes on any machines
 * share one database. Hush's tables (`hush_*`) and pg-boss's queue live in one schema (`hush` by
 * default), created on first open. Everything goes through one `pg` pool, pg-boss included, so
 * `close` ends every connection and timer.
 *
 * Leases are pg-boss heartbeats, kept in whole seconds and never under 10 s (pg-boss's minimum):
 * a `leaseMs` below that is rounded up. A worker that dies is noticed once its lease has run out
 * and pg-boss's supervisor has run (every `superviseIntervalSeconds`); its job is then claimed
 * again after the retry backoff, or failed ("lease expired after N attempts") when that was the last
 * attempt.
 */
import pg from 'pg';
import { openPostgresAudit } from '../../../audit/postgres-store.js';
import type { ServiceBackend } from '../../backend.js';
import { JOB_BACKOFF, type BackoffPolicy } from '../../retry.js';
import { workSignals } from '../../signal.js';
import { DEFAULT_SCHEMA, installSchema, schemaName } from './database.js';
import { INBOUND_DDL, PostgresInboundEventLog } from './inbound.js';
import { JOBS_DDL, PostgresJobStore } from './jobs.js';
import { KEYS_DDL, PostgresApiKeyStore } from './keys.js';
import { JobQueue } from './queue.js';
import { PostgresWebhookStore, WEBHOOKS_DDL } from './webhooks.js';

const SCHEMA_VERSION = 1;

export interface PostgresBackendOptions {
  connectionString: string;
  /** Schema holding Hush's tables and pg-boss's; `hush` by default. */
  schema?: string;
  /** Connections in the pool (pg-boss's supervisor shares it); 10 by default. */
  maxConnections?: number;
  /** Backoff between attempts of a job; JOB_BACKOFF by default, in whole seconds as pg-boss keeps it. */
  backoff?: BackoffPolicy;
  /** How often pg-boss looks for attempts whose heartbeat stopped; 10 s by default. */
  superviseIntervalSeconds?: number;
  /**
   * Errors of background work (pg-boss's supervisor, connections lost while idle), which no caller
   * awaits; process warnings by default.
   */
  onError?: (error: Error) => void;
}

const DEFAULT_SUPERVISE_INTERVAL_SECONDS = 10;

export async function openPostgresBackend(options: PostgresBackendOptions): Promise<ServiceBackend> {
  const schema = schemaName(options.schema ?? DEFAULT_SCHEMA);
  const onError = options.onError ?? ((error: Error) => process.emitWarning(error));
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  pool.on('error', onError);
  let queue: JobQueue | undefined;
  try {
    await installSchema(
      pool,
      schema,
      'service',
      SCHEMA_VERSION,
      [JOBS_DDL, WEBHOOKS_DDL, KEYS_DDL, INBOUND_DDL].map((ddl) => ddl(schema)).join('\n'),
    );
    const audit = await openPostgresAudit({ pool, schema });
    queue = await JobQueue.open(pool, schema, {
      backoff: options.backoff ?? JOB_BACKOFF,
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? DEFAULT_SUPERVISE_INTERVAL_SECONDS,
      onError,
    });
    const opened = queue;
    const signals = workSignals();
    let closing: Promise<void> | undefined;
    return {
      kind: 'postgres',
      jobs: new PostgresJobStore(pool, schema, opened, signals),
      webhooks: new PostgresWebhookStore(pool, schema, signals.deliveries),
      keys: new PostgresApiKeyStore(pool, schema),
      audit,
      inbound: new PostgresInboundEventLog(pool, schema),
      signals,
      close() {
        closing ??= (async () => {
          await opened.close();
          await audit.close();
          await pool.end();
        })();
        return closing;
      },
    };
  } catch (error) {
    await queue?.close();
    await pool.end();
    throw error;
  }
}
