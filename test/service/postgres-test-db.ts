/**
 * The real PostgreSQL the PostgreSQL tests run against (CI starts it): its address, a fresh schema
 * per test file, and a failure that says what to do when the server is not running. These tests
 * never skip: a missing server is a failed run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.HUSH_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses. */
export function freshSchema(label: string): string {
  return `hush_test_${label}_${randomBytes(5).toString('hex')}`;
}

function where(): string {
  const url = new URL(POSTGRES_URL);
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is not reachable at ${where()} (${(error as Error).message}). Start it ` +
        '(`pg_ctlcluster 15 main start`) or point HUSH_TEST_POSTGRES_URL at a server.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Fails the test file, with what to do, when PostgreSQL does not answer. */
export async function requirePostgres(): Promise<void> {
  await withClient((client) => client.query('SELECT 1'));
}

export async function dropSchemas(schemas: Iterable<string>): Promise<void> {
  const names = [...schemas];
  if (names.length > 0)
    await withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${names.join(', ')} CASCADE`));
}

/** Runs one query on a connection of its own (tampering, inspection). */
export function query<R extends pg.QueryResultRow>(
  text: string,
  values?: unknown[],
): Promise<pg.QueryResult<R>> {
  return withClient((client) => client.query<R>(text, values));
}
