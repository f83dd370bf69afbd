/**
 * Proof that an inbound event comes from its source: a Standard Webhooks signature with a fresh
 * timestamp, or the shared token, compared in constant time. Refusals say what is wrong and never
 * echo what was presented.
 */
import { sameDigest, secretSha256 } from '../auth/api-key.js';
import { verifyWebhook } from '../webhooks/signing.js';
import type { InboundAuth } from './source.js';

export type Headers = Record<string, string | string[] | undefined>;
export type Query = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The token presented, or why none was. */
function presentedToken(headers: Headers, query: Query): { token: string } | { missing: string } {
  const authorization = first(headers.authorization);
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    return token === undefined ? { missing: 'the Authorization header is not "Bearer <token>"' } : { token };
  }
  const token = first(query.token);
  return token === undefined
    ? { missing: 'missing token: send Authorization: Bearer <token> or ?token=<token>' }
    : { token };
}

/** Null when the request is authentic; otherwise the reason, for a 401. */
export function authenticate(
  auth: InboundAuth,
  headers: Headers,
  query: Query,
  body: Buffer,
  now: Date,
): string | null {
  if (auth.scheme === 'hmac') {
    const verification = verifyWebhook(auth.secret, headers, body, now);
    return verification.ok ? null : verification.reason;
  }
  const presented = presentedToken(headers, query);
  if ('missing' in presented) return presented.missing;
  // Equal-length digests, so the comparison reveals neither the token nor its length.
  return sameDigest(secretSha256(presented.token), secretSha256(auth.token)) ? null : 'token does not match';
}
