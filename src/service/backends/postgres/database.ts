/**
 * PostgreSQL plumbing shared by the service backend and the PostgreSQL audit store: schema names,
 * transactions on one pooled client, and installing versioned tables exactly once even when several
 * processes open the same database at the same moment.
 */
import type pg from 'pg';
import { HushError } from '../../../errors.js';
import type { WorkSignal } from '../../signal.js';
import { rowMappers } from '../rows.js';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/** Hush writes schema names into SQL unquoted, so only plain lower-case identifiers are taken. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const DEFAULT_SCHEMA = 'hush';

/** The schema name, checked; throws a HushError naming what is wrong. */
export function schemaName(schema: string = DEFAULT_SCHEMA): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new HushError(
      'USAGE',
      `PostgreSQL schema "${schema}": use lower-case letters, digits and underscores (at most 63, not starting with a digit)`,
    );
  }
  return schema;
}

/** Times are kept to the millisecond, as JavaScript and ISO 8601 strings hold them. */
export const NOW = "date_trunc('milliseconds', now())";

export function isoTime(value: Date): string;
export function isoTime(value: Date | null): string | null;
export function isoTime(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** PostgreSQL's stored forms, as the pg driver returns them: Date, array or parsed jsonb, boolean. */
export interface PostgresStored {
  time: Date;
  structured: unknown;
  flag: boolean;
}

export const ROWS = rowMappers<PostgresStored>({
  time: isoTime,
  structured: <T>(value: unknown) => value as T,
  flag: (value) => value,
});

/**
 * Runs `work` in one transaction on one client: committed when it returns, rolled back when it
 * throws. A client whose rollback fails is discarded rather than returned to the pool.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A transaction under way in `signalledTransaction`. */
export interface SignalledTransaction extends Queryable {
  /** Notifies `signal` once this transaction has committed; never when it rolls back. */
  notifyOnCommit(signal: WorkSignal): void;
}

/**
 * `withTransaction` that wakes sleepers for the work it made ready only after the commit: one
 * woken sooner could look before the work is visible, or for work rolled back.
 */
export async function signalledTransaction<T>(
  pool: pg.Pool,
  work: (tx: SignalledTransaction) => Promise<T>,
): Promise<T> {
  const ready = new Set<WorkSignal>();
  const result = await withTransaction(pool, (client) =>
    work({ query: client.query.bind(client), notifyOnCommit: (signal) => ready.add(signal) }),
  );
  for (const signal of ready) signal.notify();
  return result;
}

/**
 * Creates `component`'s tables in `schema` at `version` unless they are there already; refuses a
 * schema holding another version. Runs under a transaction-level advisory lock on the schema, so
 * two processes opening a new database at once install it once, and DDL is transactional: a
 * failed install leaves nothing behind.
 */
export async function installSchema(
  pool: pg.Pool,
  schema: string,
  component: string,
  version: number,
  ddl: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`hush-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.hush_schema (component text PRIMARY KEY, version integer NOT NULL)`,
    );
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM ${schema}.hush_schema WHERE component = $1`,
      [component],
    );
    const installed = rows[0]?.version;
    if (installed === version) return;
    if (installed !== undefined) {
      throw new HushError(
        'USAGE',
        `PostgreSQL schema "${schema}": Hush ${component} tables are at version ${installed}; this Hush uses version ${version}`,
      );
    }
    await client.query(ddl);
    await client.query(`INSERT INTO ${schema}.hush_schema (component, version) VALUES ($1, $2)`, [
      component,
      version,
    ]);
  });
}

/** Opaque page cursors: the last row's sequence number, so pages stay stable while rows are added. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const match = /^seq:([0-9]{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new HushError('USAGE', 'cursor: not a cursor from this list');
  return match[1]!;
}

/** A list filter: SQL with one `?` for its value, applied only when the value is not undefined. */
export type Filter = readonly [sql: string, value: unknown];

/** One page of `table`'s rows, newest first: the given filters, after the cursor. */
export async function newestFirst<Row extends pg.QueryResultRow & { seq: string }>(
  db: Queryable,
  table: string,
  filters: readonly Filter[],
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const cursor: Filter = ['seq < ?', page.cursor === undefined ? undefined : decodeCursor(page.cursor)];
  const values: unknown[] = [];
  const where: string[] = [];
  for (const [sql, value] of [...filters, cursor]) {
    if (value === undefined) continue;
    values.push(value);
    where.push(sql.replace('?', `$${values.length}`));
  }
  values.push(page.limit + 1);
  const { rows } = await db.query<Row>(
    `SELECT * FROM ${table} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY seq DESC LIMIT $${values.length}`,
    values,
  );
  const rowsOfPage = rows.slice(0, page.limit);
  return {
    rows: rowsOfPage,
    nextCursor: rows.length > page.limit ? encodeCursor(rowsOfPage.at(-1)!.seq) : null,
  };
}
