/**
 * The audit trail in a SQLite file (`./hush.db` unless told otherwise), through better-sqlite3.
 * WAL mode, so verifying or exporting never blocks a job appending; appends take the write lock
 * first (BEGIN IMMEDIATE) and wait for it (10 s unless told otherwise), so several processes can append
 * to one log. Triggers refuse UPDATE and DELETE, which stops mistakes, not attackers: whoever can
 * write the file can drop them, and verification relies on the hash chain alone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HushError } from '../errors.js';
import type { AuditEntry } from './entry.js';
import { checkedSucceeded, nextRecord, readRecord, type AuditRecord, type AuditStore } from './store.js';

/** Where the CLI keeps the audit log when no `--db` is given (relative to the working directory). */
export const DEFAULT_AUDIT_PATH = 'hush.db';

const SCHEMA_VERSION = 1;
const BUSY_TIMEOUT_MS = 10_000;

export interface SqliteAuditOptions {
  /** Open an existing log without writing anything (verification, export). */
  readonly?: boolean;
  /** How long to wait for another process's write to finish before giving up; 10 s by default. */
  busyTimeoutMs?: number;
}

/**
 * One row per record. `entry` is the canonical JSON that was hashed; the columns after it copy a
 * few of its fields so lookups are indexed, and are never trusted without checking the entry.
 */
const SCHEMA = `
CREATE TABLE audit_schema (version INTEGER NOT NULL);
INSERT INTO audit_schema (version) VALUES (${SCHEMA_VERSION});
CREATE TABLE audit_records (
  seq INTEGER PRIMARY KEY,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  entry TEXT NOT NULL,
  job_id TEXT NOT NULL,
  input_sha256 TEXT NOT NULL,
  policy_sha256 TEXT NOT NULL,
  status TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX audit_records_job_id ON audit_records (job_id);
CREATE INDEX audit_records_input_policy ON audit_records (input_sha256, policy_sha256, status);
CREATE INDEX audit_records_at ON audit_records (at);
CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

/** What SQLite's error codes mean for someone holding the file. */
const PROBLEMS: Record<string, string> = {
  SQLITE_NOTADB: 'not a SQLite database, so not a Hush audit log',
  SQLITE_CORRUPT: 'the database file is corrupt',
  SQLITE_BUSY: 'the database stayed locked by another process',
  SQLITE_LOCKED: 'the database stayed locked by another process',
  SQLITE_CANTOPEN: 'cannot open the database file',
  SQLITE_READONLY: 'the database cannot be written (read-only)',
  SQLITE_PERM: 'permission denied',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'could not read or write the database file',
};

function storeError(path: string, error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  // Extended codes (SQLITE_IOERR_SHORT_READ, SQLITE_BUSY_SNAPSHOT …) share their primary's meaning.
  const primary = error.code.split('_').slice(0, 2).join('_');
  return new HushError('AUDIT_INVALID', `${path}: ${PROBLEMS[primary] ?? `SQLite error ${error.code}`}`);
}

/** Runs a database call, turning SQLite errors into HushErrors that name the file. */
function guarded<T>(path: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw storeError(path, error);
  }
}

interface RecordRow {
  seq: unknown;
  prev_hash: unknown;
  hash: unknown;
  entry: unknown;
}

/** A row as a record, whatever the file holds: anyone may have written to it. */
function toRecord(row: RecordRow): AuditRecord {
  return readRecord(Number(row.seq), String(row.prev_hash), String(row.hash), String(row.entry));
}

function tableNames(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
}

/** 'empty' for a new file; 'ready' for a Hush audit log of this version; else throws. */
function schemaState(db: Database.Database, path: string): 'empty' | 'ready' {
  const names = tableNames(db);
  if (names.length === 0) return 'empty';
  if (!names.includes('audit_schema') || !names.includes('audit_records')) {
    throw new HushError('AUDIT_INVALID', `${path}: not a Hush audit log (the database holds other tables)`);
  }
  const version = db.prepare('SELECT max(version) FROM audit_schema').pluck().get();
  if (version !== SCHEMA_VERSION) {
    throw new HushError(
      'AUDIT_INVALID',
      `${path}: audit log schema version ${String(version)}; this Hush reads version ${SCHEMA_VERSION}`,
    );
  }
  return 'ready';
}

function openDatabase(path: string, options: SqliteAuditOptions): Database.Database {
  const readonly = options.readonly ?? false;
  if (readonly && !existsSync(path)) throw new HushError('IO', `${path}: no such file`);
  if (!readonly) mkdirSync(dirname(path), { recursive: true });
  const timeout = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const db = guarded(path, () => new Database(path, { readonly, fileMustExist: readonly, timeout }));
  try {
    guarded(path, () => {
      const state = schemaState(db, path); // refuses a foreign database before writing anything
      if (readonly) {
        if (state === 'empty') {
          throw new HushError('AUDIT_INVALID', `${path}: not a Hush audit log (the database is empty)`);
        }
        return;
      }
      // An audit record must survive a power cut once its job has reported success.
      db.pragma('synchronous = FULL');
      if (state === 'ready') return;
      db.pragma('journal_mode = WAL');
      // Another process may be creating the schema too: decide under the write lock.
      db.transaction(() => {
        if (schemaState(db, path) === 'empty') db.exec(SCHEMA);
      }).immediate();
    });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

class SqliteAuditStore implements AuditStore {
  private readonly last: Database.Statement<[], { seq: number; hash: string }>;
  private readonly insert: Database.Statement<Record<string, string | number>>;
  private readonly all: Database.Statement<[], RecordRow>;
  private readonly succeeded: Database.Statement<[string, string], RecordRow>;
  private readonly appendInTransaction: Database.Transaction<(entry: AuditEntry) => AuditRecord>;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    this.last = db.prepare('SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_records (seq, prev_hash, hash, entry, job_id, input_sha256, policy_sha256, status, at)
       VALUES (@seq, @prevHash, @hash, @entry, @jobId, @inputSha256, @policySha256, @status, @at)`,
    );
    this.all = db.prepare('SELECT seq, prev_hash, hash, entry FROM audit_records ORDER BY seq');
    this.succeeded = db.prepare(
      `SELECT seq, prev_hash, hash, entry FROM audit_records
       WHERE input_sha256 = ? AND policy_sha256 = ? AND status = 'succeeded' ORDER BY seq DESC LIMIT 1`,
    );
    this.appendInTransaction = db.transaction((entry: AuditEntry) => {
      const { record, text } = nextRecord(this.last.get(), entry);
      const stored = record.entry;
      this.insert.run({
        seq: record.seq,
        prevHash: record.prevHash,
        hash: record.hash,
        entry: text,
        jobId: stored.jobId,
        inputSha256: stored.input.sha256,
        policySha256: stored.policySha256,
        status: stored.status,
        at: stored.at,
      });
      return record;
    });
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    // IMMEDIATE takes the write lock before reading the last record: no two writers chain onto it.
    return guarded(this.path, () => this.appendInTransaction.immediate(entry));
  }

  async *records(): AsyncIterable<AuditRecord> {
    // One statement, one read transaction: a consistent snapshot even while others append.
    const rows = guarded(this.path, () => this.all.iterate());
    try {
      for (;;) {
        const next = guarded(this.path, () => rows.next());
        if (next.done) return;
        yield toRecord(next.value);
      }
    } finally {
      rows.return?.();
    }
  }

  async lastSucceeded(inputSha256: string, policySha256: string): Promise<AuditRecord | null> {
    const row = guarded(this.path, () => this.succeeded.get(inputSha256, policySha256));
    return row === undefined ? null : checkedSucceeded(toRecord(row), inputSha256, policySha256, this.path);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/**
 * Opens the audit log at `path`, creating it unless `readonly`. Errors name the file: missing,
 * locked, corrupt, not a SQLite database, or a database that is not a Hush audit log.
 */
export function openSqliteAudit(path: string, options: SqliteAuditOptions = {}): AuditStore {
  return new SqliteAuditStore(openDatabase(path, options), path);
}
