/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
 * `id.timestamp.body` with a `whsec_` secret, sent as `v1,<base64>`. Outbound deliveries are signed
 * here and inbound events from `hmac` sources are verified here, with the `standardwebhooks`
 * library receivers use, so both ends compute the same bytes.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** How far a signed timestamp may be from now, either way (the Standard Webhooks default). */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  /** The event id: the same on every attempt, so receivers deduplicate on it. */
  'webhook-id': string;
  /** Unix seconds of this attempt. */
  'webhook-timestamp': string;
  /** Space-separated `v1,<base64>` signatures. */
  'webhook-signature': string;
}

const SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
/** Below this the HMAC key is too short to be a secret (Standard Webhooks asks 24 to 64 bytes). */
const MIN_SECRET_BYTES = 24;

/** A new endpoint secret: `whsec_` + 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Whether `value` is a `whsec_` secret of at least 24 bytes. */
export function isWebhookSecret(value: string): boolean {
  return SECRET.test(value) && Buffer.from(value.slice('whsec_'.length), 'base64').length >= MIN_SECRET_BYTES;
}

export function signWebhook(secret: string, id: string, at: Date, body: string): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

export type Verification = { ok: true; id: string } | { ok: false; reason: string };

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Checks a signed request against `secret` at time `now`. The reason for a refusal names what is
 * wrong (a missing header, a stale timestamp, no matching signature) and never quotes a value.
 * Header names are expected in lower case, as Node gives them.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
  now: Date,
): Verification {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  const missing = [
    ['webhook-id', id],
    ['webhook-timestamp', timestamp],
    ['webhook-signature', signatures],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) return { ok: false, reason: `missing header ${missing.join(', ')}` };
  if (!/^\d{1,12}$/.test(timestamp!)) {
    return { ok: false, reason: 'webhook-timestamp is not a Unix time in seconds' };
  }
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (skew < -SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'webhook-timestamp is stale: more than 5 minutes in the past' };
  }
  if (skew > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'webhook-timestamp is stale: more than 5 minutes in the future' };
  }
  const expected = Buffer.from(
    signWebhook(secret, id!, new Date(Number(timestamp) * 1000), body.toString('utf8'))['webhook-signature'],
  );
  // Several signatures may be sent while a secret is rotated; any one that matches is enough.
  const matches = signatures!.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, id: id! } : { ok: false, reason: 'webhook-signature does not match' };
}
