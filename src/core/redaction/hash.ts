/**
 * The keyed-hash operator: `[TYPE:<12 hex>]` from HMAC-SHA256 over the type and the entity's
 * canonical value. The same value under the same key always gives the same token, so a reviewer
 * can follow one card or caller through calls without seeing it; without the key, low-entropy
 * values (card numbers, dates) cannot be brute-forced back from the token.
 */
import { createHmac } from 'node:crypto';
import type { EntityType } from '../entities.js';
import { HushError } from '../../errors.js';

/** Keys shorter than this are too easy to guess for a token that protects low-entropy values. */
export const MIN_HASH_KEY_BYTES = 16;

/** Case, spaces and dashes do not change what a value identifies. */
function canonical(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015]+/gu, '');
}

export function hash(type: EntityType, value: string, key: Uint8Array | undefined): string {
  if (!key) throw new HushError('USAGE', 'the hash style needs a secret key (give --hash-key-file)');
  if (key.length < MIN_HASH_KEY_BYTES) {
    throw new HushError('USAGE', `the hash key must be at least ${MIN_HASH_KEY_BYTES} bytes long`);
  }
  const digest = createHmac('sha256', key)
    .update(`${type}\u001f${canonical(value)}`)
    .digest('hex');
  return `[${type}:${digest.slice(0, 12)}]`;
}
