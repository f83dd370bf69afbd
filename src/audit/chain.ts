/**
 * The hash chain of the audit trail, as pure computation. Each record's hash covers its place
 * (seq), the hash of the record before it and its entry, so changing, removing, inserting or moving
 * a record breaks the chain at that place. The encoding is written down in docs/audit.md so that
 * anyone can recompute it without Hush.
 */
import { createHash } from 'node:crypto';

/** The `prevHash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** Prefix of every hashed record: a hash made for anything else can never pass for a record's. */
const RECORD_DOMAIN = 'hush-audit-record/v1\n';

/**
 * JSON with object keys sorted (by UTF-16 code unit) and no whitespace, numbers as JavaScript
 * writes them: one value, one text, as RFC 8785 specifies for the plain data an entry holds.
 * Keys whose value is `undefined` are left out, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && isPlainObject(value)) {
    const members = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a value of type ${typeof value}`);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The hash one record's content would have at any seq. Verification tries a record at other seqs
 * to tell where a moved record came from, so the entry is encoded once. The text hashed is
 * `hush-audit-record/v1\n` + canonicalJson({ entry, prevHash, seq }), written out here with its
 * keys in canonical order.
 */
export function recordHasher(prevHash: string, entry: unknown): (seq: number) => string {
  const head = `${RECORD_DOMAIN}{"entry":${canonicalJson(entry)},"prevHash":${JSON.stringify(prevHash)},"seq":`;
  return (seq) => sha256Hex(`${head}${canonicalJson(seq)}}`);
}

/** sha256 (hex) of a record: what its `hash` must be. */
export function recordHash(prevHash: string, seq: number, entry: unknown): string {
  return recordHasher(prevHash, entry)(seq);
}

/**
 * Whether `hash` is the hash of this content at a given seq. Content canonical JSON cannot encode
 * (a number beyond double range, which only tampered text holds) matches no seq.
 */
export function hashMatcher(prevHash: string, entry: unknown, hash: string): (seq: number) => boolean {
  let hashAt: (seq: number) => string;
  try {
    hashAt = recordHasher(prevHash, entry);
  } catch (error) {
    if (error instanceof TypeError) return () => false;
    throw error;
  }
  return (seq) => Number.isSafeInteger(seq) && seq >= 1 && hashAt(seq) === hash;
}
