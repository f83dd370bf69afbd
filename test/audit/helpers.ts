/**
 * Shared by the audit tests: sample entries, logs written through the real SQLite store in temp
 * directories, and tampering done the way an attacker would, straight on the file.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sha256Hex } from '../../src/audit/chain.js';
import type { AuditEntry } from '../../src/audit/entry.js';
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import type { AuditRecord } from '../../src/audit/store.js';

export const POLICY_SHA256 = sha256Hex('policy');

export function inputSha256(n: number): string {
  return sha256Hex(`input ${n}`);
}

/** A plausible job record: the n-th call of a batch. */
export function sampleEntry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    jobId: `job-${n}`,
    kind: 'redact',
    status: 'succeeded',
    at: new Date(Date.UTC(2025, 0, 1, 9, 0, n)).toISOString(),
    hushVersion: '0.1.0',
    input: {
      file: `calls/call-${n}.wav`,
      sha256: inputSha256(n),
      bytes: 96_044 + n,
      format: 'wav/mulaw',
      durationMs: 60_000 + n,
      channels: 2,
    },
    output: { file: `out/call-${n}.wav`, sha256: sha256Hex(`output ${n}`), bytes: 96_044 + n },
    transcript: null,
    policySha256: POLICY_SHA256,
    mode: 'silence',
    regions: [{ start: 1.5, end: 2.25 + n / 1000, channel: null }],
    counts: { CREDIT_CARD: 1, PERSON_NAME: n % 3 },
    verification: {
      passed: true,
      checks: [{ name: 'region-levels', passed: true, detail: 'max -91.2 dBFS' }],
    },
    latencyMs: 120 + n,
    ...overrides,
  };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hush-audit-test-'));
}

/** A log of `count` sample records at `<dir>/hush.db`, closed; returns its path and records. */
export async function writeLog(
  count: number,
  dir?: string,
): Promise<{ path: string; records: AuditRecord[] }> {
  const path = join(dir ?? (await tempDir()), 'hush.db');
  const store = openSqliteAudit(path);
  const records: AuditRecord[] = [];
  for (let n = 1; n <= count; n++) records.push(await store.append(sampleEntry(n)));
  await store.close();
  return { path, records };
}

export async function readAll(path: string): Promise<AuditRecord[]> {
  const store = openSqliteAudit(path, { readonly: true });
  const records: AuditRecord[] = [];
  for await (const record of store.records()) records.push(record);
  await store.close();
  return records;
}

/** Opens the file with plain SQL, drops the append-only triggers as an attacker would, and runs `change`. */
export function tamper(path: string, change: (db: Database.Database) => void): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER audit_records_no_update; DROP TRIGGER audit_records_no_delete;');
  change(db);
  db.close();
}

/** Adds `by` to the seq of every record from `from` on (in two steps: seq is the primary key). */
export function renumber(db: Database.Database, from: number, by: number): void {
  db.prepare('UPDATE audit_records SET seq = -seq WHERE seq >= ?').run(from);
  db.prepare('UPDATE audit_records SET seq = -seq + ? WHERE seq < 0').run(by);
}
