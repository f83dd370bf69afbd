/** API keys in PostgreSQL: the id, name, scopes and the sha256 of the secret, never the secret. */
import type pg from 'pg';
import { sameDigest } from '../../auth/api-key.js';
import type { ApiKey, ApiKeyStore, Scope } from '../../auth/store.js';
import type { KeyColumns } from '../rows.js';
import { NOW, ROWS, type PostgresStored } from './database.js';

const { toKey } = ROWS;

export const KEYS_DDL = (schema: string): string => `
CREATE TABLE IF NOT EXISTS ${schema}.hush_api_keys (
  id text PRIMARY KEY,
  name text NOT NULL,
  scopes text[] NOT NULL,
  secret_sha256 text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
`;

type KeyRow = KeyColumns<PostgresStored>;

export class PostgresApiKeyStore implements ApiKeyStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  async create(key: { id: string; name: string; scopes: Scope[]; secretSha256: string }): Promise<ApiKey> {
    const { rows } = await this.pool.query<KeyRow>(
      `INSERT INTO ${this.schema}.hush_api_keys (id, name, scopes, secret_sha256, created_at)
       VALUES ($1, $2, $3, $4, ${NOW}) RETURNING *`,
      [key.id, key.name, key.scopes, key.secretSha256],
    );
    return toKey(rows[0]!);
  }

  async find(id: string, secretSha256: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT * FROM ${this.schema}.hush_api_keys WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    const row = rows[0];
    // The digest is compared here, in constant time, not in the WHERE clause.
    return row !== undefined && sameDigest(row.secret_sha256, secretSha256) ? toKey(row) : null;
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT * FROM ${this.schema}.hush_api_keys ORDER BY created_at, id`,
    );
    return rows.map(toKey);
  }

  async revoke(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.schema}.hush_api_keys SET revoked_at = COALESCE(revoked_at, ${NOW}) WHERE id = $1`,
      [id],
    );
    return rowCount === 1;
  }

  async activeCount(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${this.schema}.hush_api_keys WHERE revoked_at IS NULL`,
    );
    return rows[0]!.count;
  }
}
