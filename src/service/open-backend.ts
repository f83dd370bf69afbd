/**
 * The backend a `--db` value names: a `postgres://` (or `postgresql://`) URL, or a SQLite file. Each
 * backend's module is loaded only when named, so a SQLite service never loads pg or pg-boss.
 *
 * A URL may say which schema to use with `?schema=NAME` (several deployments, or tests, in one
 * database); the parameter is taken off before the URL reaches the driver.
 */
import type { ServiceBackend } from './backend.js';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

/** `postgres://…?schema=s&sslmode=x` → the URL without `schema`, and `s`. */
export function splitSchema(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { connectionString: url };
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** `onError` hears of errors in background work nobody awaits (PostgreSQL's idle connections, pg-boss's supervisor). */
export async function openBackend(spec: string, onError?: (error: Error) => void): Promise<ServiceBackend> {
  if (isPostgresUrl(spec)) {
    const { openPostgresBackend } = await import('./backends/postgres/index.js');
    return openPostgresBackend({ ...splitSchema(spec), ...(onError ? { onError } : {}) });
  }
  const { openSqliteBackend } = await import('./backends/sqlite/index.js');
  return openSqliteBackend(spec);
}
