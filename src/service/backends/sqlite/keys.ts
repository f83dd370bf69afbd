/** API keys in SQLite: the secret's sha256 only, compared in constant time. */
import type Database from 'better-sqlite3';
import { sameDigest } from '../../auth/api-key.js';
import type { ApiKey, ApiKeyStore, Scope } from '../../auth/store.js';
import type { KeyColumns } from '../rows.js';
import { ROWS, type SqliteStored } from './sql.js';

const { toKey } = ROWS;

type KeyRow = KeyColumns<SqliteStored>;

export class SqliteApiKeyStore implements ApiKeyStore {
  constructor(private readonly db: Database.Database) {}

  async create(key: { id: string; name: string; scopes: Scope[]; secretSha256: string }): Promise<ApiKey> {
    const row: KeyRow = {
      id: key.id,
      name: key.name,
      scopes: JSON.stringify(key.scopes),
      secret_sha256: key.secretSha256,
      created_at: Date.now(),
      revoked_at: null,
    };
    this.db
      .prepare(
        `INSERT INTO api_keys (id, name, scopes, secret_sha256, created_at, revoked_at)
         VALUES (@id, @name, @scopes, @secret_sha256, @created_at, @revoked_at)`,
      )
      .run(row);
    return toKey(row);
  }

  async find(id: string, secretSha256: string): Promise<ApiKey | null> {
    const row = this.db
      .prepare<[string], KeyRow>('SELECT * FROM api_keys WHERE id = ? AND revoked_at IS NULL')
      .get(id);
    return row !== undefined && sameDigest(row.secret_sha256, secretSha256) ? toKey(row) : null;
  }

  async list(): Promise<ApiKey[]> {
    return this.db.prepare<[], KeyRow>('SELECT * FROM api_keys ORDER BY seq').all().map(toKey);
  }

  /** False when there is no such key; revoking a revoked key keeps its first revocation time. */
  async revoke(id: string): Promise<boolean> {
    const found = this.db
      .prepare('UPDATE api_keys SET revoked_at = ifnull(revoked_at, ?) WHERE id = ?')
      .run(Date.now(), id);
    return found.changes === 1;
  }

  async activeCount(): Promise<number> {
    return this.db
      .prepare<[], number>('SELECT count(*) FROM api_keys WHERE revoked_at IS NULL')
      .pluck()
      .get()!;
  }
}
