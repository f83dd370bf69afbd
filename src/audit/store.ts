/**
 * Where the audit trail lives. SQLite by default (sqlite-store.ts); issue 4 adds PostgreSQL behind
 * the same interface. Every store must make `append` atomic against other processes appending to
 * the same log: reading the last record and writing the next one happen in one write transaction,
 * so two writers can never both chain onto the same record.
 */
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
