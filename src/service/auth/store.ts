/**
 * API keys. The secret is shown once, when the key is created; stores keep only its sha256 (the
 * secret is 32 random bytes, so a plain hash is enough) and compare in constant time.
 */
export const SCOPES = ['redact', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  revokedAt: string | null;
}

export interface ApiKeyStore {
  /** Stores a key given its id and the sha256 of its secret (see api-key.ts for both). */
  create(key: { id: string; name: string; scopes: Scope[]; secretSha256: string }): Promise<ApiKey>;
  /** The key with this id whose secret hashes to `secretSha256`, unrevoked; null otherwise. */
  find(id: string, secretSha256: string): Promise<ApiKey | null>;
  list(): Promise<ApiKey[]>;
  revoke(id: string): Promise<boolean>;
  /** Unrevoked keys; a server bound beyond loopback refuses to start with none. */
  activeCount(): Promise<number>;
}
