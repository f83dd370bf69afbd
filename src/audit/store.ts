/**
 * Where the audit trail lives. SQLite by default (sqlite-store.ts); issue 4 adds PostgreSQL behind
 * the same interface. Every store must make `append` atomic against other processes appending to
 * the same log: reading the last record and writing the next one happen in one write transaction,
 * so two writers can never both chain onto the same record.
 */
import { HushError } from '../errors.js';
import { GENESIS_HASH, canonicalJson, hashMatcher, recordHash } from './chain.js';
import type { AuditEntry } from './entry.js';

/** One entry in its place in the chain. */
export interface AuditRecord {
  /** 1, 2, 3 … with no gaps. */
  seq: number;
  /** `hash` of the record before; 64 zeros for the first. */
  prevHash: string;
  /** `recordHash(prevHash, seq, entry)` (chain.ts). */
  hash: string;
  /**
   * The entry as the log holds it. Records read back are not validated: whether they are genuine
   * is what `verifyChain` tells.
   */
  entry: AuditEntry;
}

export interface AuditStore {
  /** Chains `entry` after the last record and stores it, atomically. */
  append(entry: AuditEntry): Promise<AuditRecord>;
  /** Every record in seq order, from one consistent snapshot of the log. */
  records(): AsyncIterable<AuditRecord>;
  /**
   * The latest succeeded job on this input with this policy, for resuming batches; null when none.
   * The record found is checked against its own hash first (not the whole chain: that is `hush
   * audit verify`'s job), so an edited row cannot make a batch skip a file.
   */
  lastSucceeded(inputSha256: string, policySha256: string): Promise<AuditRecord | null>;
  close(): Promise<void>;
}

/**
 * What a store writes when it appends `entry` after `last` (undefined for the first record): the
 * record, and the entry's canonical JSON to keep. The record holds the entry as stored
 * (canonical, without undefined members).
 */
export function nextRecord(
  last: { seq: number; hash: string } | undefined,
  entry: AuditEntry,
): { record: AuditRecord; text: string } {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const text = canonicalJson(entry);
  const stored = JSON.parse(text) as AuditEntry;
  return { record: { seq, prevHash, hash: recordHash(prevHash, seq, stored), entry: stored }, text };
}

/**
 * A record as a store reads it back, whatever the store holds: anyone with write access may have
 * changed it. Entry text that is not JSON stays a string, which hashes unlike any entry, so
 * verification reports it as edited.
 */
export function readRecord(seq: number, prevHash: string, hash: string, entryText: string): AuditRecord {
  let entry: unknown;
  try {
    entry = JSON.parse(entryText);
  } catch {
    entry = entryText;
  }
  return { seq, prevHash, hash, entry: entry as AuditEntry };
}

/**
 * The record a store found for `lastSucceeded`, checked against its own hash and the fields it was
 * found by (an edited row must not make a batch skip a file); throws a HushError naming `log`.
 */
export function checkedSucceeded(
  record: AuditRecord,
  inputSha256: string,
  policySha256: string,
  log: string,
): AuditRecord {
  const entry = record.entry as Partial<AuditEntry> | null;
  const genuine =
    hashMatcher(record.prevHash, record.entry, record.hash)(record.seq) &&
    entry?.input?.sha256 === inputSha256 &&
    entry.policySha256 === policySha256 &&
    entry.status === 'succeeded';
  if (!genuine) {
    throw new HushError(
      'AUDIT_INVALID',
      `${log}: audit record ${record.seq} does not match its hash; run \`hush audit verify\``,
    );
  }
  return record;
}
