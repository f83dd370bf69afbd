/**
 * The audit trail in PostgreSQL, for the scaled-out service: the same chain as the SQLite store
 * (chain.ts), in table `hush_audit_records` of a schema. An append locks the chain's head row
 * (`SELECT … FOR UPDATE`) before reading the last record, so appends from any number of processes
 * queue behind each other and never chain onto the same record. Triggers refuse UPDATE, DELETE and
 * TRUNCATE, which stops mistakes, not attackers: verification relies on the hash chain alone.
 */
import pg from 'pg';
import {
  DEFAULT_SCHEMA,
  installSchema,
  schemaName,
  withTransaction,
} from '../service/backends/postgres/database.js';
import type { AuditEntry } from './entry.js';
import { checkedSucceeded, nextRecord, readRecord, type AuditRecord, type AuditStore } from './store.js';

const SCHEMA_VERSION = 1;

/** Records read per round trip while iterating the log. */
const PAGE = 500;

export type PostgresAuditOptions =
  | { /** The caller's pool, which it closes itself. */ pool: pg.Pool; schema?: string }
  | { connectionString: string; schema?: string };

/**
 * `entry` is the canonical JSON that was hashed, kept as text so it reads back exactly; the columns
 * after it copy a few of its fields so lookups are indexed, and are never trusted without checking
 * the entry. The head table holds one row, locked by every append.
 */
const DDL = (schema: string): string => `
CREATE TABLE IF NOT EXISTS ${schema}.hush_audit_head (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row));
INSERT INTO ${schema}.hush_audit_head DEFAULT VALUES ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS ${schema}.hush_audit_records (
  seq bigint PRIMARY KEY,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  entry text NOT NULL,
  job_id text NOT NULL,
  input_sha256 text NOT NULL,
  policy_sha256 text NOT NULL,
  status text NOT NULL,
  at text NOT NULL
);
CREATE INDEX IF NOT EXISTS hush_audit_records_job_id ON ${schema}.hush_audit_records (job_id);
CREATE INDEX IF NOT EXISTS hush_audit_records_input_policy
  ON ${schema}.hush_audit_records (input_sha256, policy_sha256, status);
CREATE INDEX IF NOT EXISTS hush_audit_records_at ON ${schema}.hush_audit_records (at);
CREATE OR REPLACE FUNCTION ${schema}.hush_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
DROP TRIGGER IF EXISTS hush_audit_records_no_change ON ${schema}.hush_audit_records;
CREATE TRIGGER hush_audit_records_no_change BEFORE UPDATE OR DELETE ON ${schema}.hush_audit_records
  FOR EACH ROW EXECUTE FUNCTION ${schema}.hush_audit_append_only();
DROP TRIGGER IF EXISTS hush_audit_records_no_truncate ON ${schema}.hush_audit_records;
CREATE TRIGGER hush_audit_records_no_truncate BEFORE TRUNCATE ON ${schema}.hush_audit_records
  FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.hush_audit_append_only();
`;

interface RecordRow {
  seq: string;
  prev_hash: string;
  hash: string;
  entry: string;
}

/** A row as a record, whatever the table holds: anyone with write access may have changed it. */
function toRecord(row: RecordRow): AuditRecord {
  return readRecord(Number(row.seq), row.prev_hash, row.hash, row.entry);
}

class PostgresAuditStore implements AuditStore {
  private readonly table: string;
  private readonly head: string;
  private readonly label: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly ownsPool: boolean,
  ) {
    this.table = `${schema}.hush_audit_records`;
    this.head = `${schema}.hush_audit_head`;
    this.label = `PostgreSQL audit log (schema ${schema})`;
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    return withTransaction(this.pool, async (tx) => {
      // Every appender waits here for the one before to commit; the read after sees its record.
      await tx.query(`SELECT only_row FROM ${this.head} FOR UPDATE`);
      const { rows } = await tx.query<{ seq: string; hash: string }>(
        `SELECT seq, hash FROM ${this.table} ORDER BY seq DESC LIMIT 1`,
      );
      const last = rows[0] === undefined ? undefined : { seq: Number(rows[0].seq), hash: rows[0].hash };
      const { record, text } = nextRecord(last, entry);
      const stored = record.entry;
      await tx.query(
        `INSERT INTO ${this.table} (seq, prev_hash, hash, entry, job_id, input_sha256, policy_sha256, status, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          record.seq,
          record.prevHash,
          record.hash,
          text,
          stored.jobId,
          stored.input.sha256,
          stored.policySha256,
          stored.status,
          stored.at,
        ],
      );
      return record;
    });
  }

  async *records(): AsyncIterable<AuditRecord> {
    // One repeatable-read transaction: a consistent snapshot even while others append.
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(
        `DECLARE audit_records NO SCROLL CURSOR FOR SELECT seq, prev_hash, hash, entry FROM ${this.table} ORDER BY seq`,
      );
      for (;;) {
        const { rows } = await client.query<RecordRow>(`FETCH ${PAGE} FROM audit_records`);
        for (const row of rows) yield toRecord(row);
        if (rows.length < PAGE) break;
      }
    } finally {
      await client.query('ROLLBACK').catch((error: Error) => {
        broken = error;
      });
      client.release(broken);
    }
  }

  async lastSucceeded(inputSha256: string, policySha256: string): Promise<AuditRecord | null> {
    const { rows } = await this.pool.query<RecordRow>(
      `SELECT seq, prev_hash, hash, entry FROM ${this.table}
       WHERE input_sha256 = $1 AND policy_sha256 = $2 AND status = 'succeeded' ORDER BY seq DESC LIMIT 1`,
      [inputSha256, policySha256],
    );
    return rows[0] === undefined
      ? null
      : checkedSucceeded(toRecord(rows[0]), inputSha256, policySha256, this.label);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}

/**
 * Opens the audit log in `schema` (`hush` by default), creating its tables when they are not
 * there. Given a connection string it opens (and on close ends) a pool of its own.
 */
export async function openPostgresAudit(options: PostgresAuditOptions): Promise<AuditStore> {
  const schema = schemaName(options.schema ?? DEFAULT_SCHEMA);
  const ownsPool = !('pool' in options);
  const pool = 'pool' in options ? options.pool : new pg.Pool({ connectionString: options.connectionString });
  // A connection lost while idle is replaced on the next query; it must not end the process.
  if (ownsPool) pool.on('error', (error) => process.emitWarning(error));
  try {
    await installSchema(pool, schema, 'audit', SCHEMA_VERSION, DDL(schema));
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }
  return new PostgresAuditStore(pool, schema, ownsPool);
}
