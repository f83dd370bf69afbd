/**
 * The API key format: `hush_<id>_<secret>`, the id to find the row, the secret (32 random bytes,
 * base64url) checked against its stored sha256 in constant time.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

const FORMAT = /^hush_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  id: string;
  /** The whole key, to show once. */
  token: string;
  secretSha256: string;
}

export function secretSha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newApiKey(): NewApiKey {
  const id = randomUUID().replaceAll('-', '');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `hush_${id}_${secret}`, secretSha256: secretSha256(secret) };
}

/** The id and the secret's hash of a presented key; null when it is not in the key format. */
export function parseApiKey(token: string): { id: string; secretSha256: string } | null {
  const match = FORMAT.exec(token);
  return match ? { id: match[1]!, secretSha256: secretSha256(match[2]!) } : null;
}

/** Constant-time equality of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
