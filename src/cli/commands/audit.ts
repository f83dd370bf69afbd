/**
 * `hush audit verify` checks the audit trail's hash chain and names each record tampered with;
 * `hush audit export` writes the records as JSON lines for a SIEM. Both open the log read-only.
 * Verification prints seqs and hashes only; export prints the records as they are (entries hold
 * counts, times and hashes, never sensitive values).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_AUDIT_PATH, openSqliteAudit } from '../../audit/sqlite-store.js';
import type { AuditRecord, AuditStore } from '../../audit/store.js';
import { verifyChain, type ChainHead, type ChainReport } from '../../audit/verify.js';
import { HushError } from '../../errors.js';
import { writeStreamStaged } from '../../files.js';

/** Exit code when the audit log fails verification. */
export const EXIT_TAMPERED = 4;

/** Problems listed in the text report; `--json` lists every one. */
const MAX_LISTED = 50;

export interface AuditVerifyOptions {
  db?: string;
  json?: boolean;
  /** A head noted earlier, `SEQ:HASH`. */
  expectHead?: string;
}

export interface AuditExportOptions {
  db?: string;
  format: 'jsonl';
  out?: string;
}

/** `SEQ:HASH`, as verify prints a head and `--expect-head` reads it. */
export function formatHead(head: ChainHead): string {
  return `${head.seq}:${head.hash}`;
}

export function parseHead(text: string): ChainHead {
  const match = /^(\d+):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (match === null) {
    throw new HushError(
      'USAGE',
      '--expect-head: expected SEQ:HASH, the head `hush audit verify` printed (a number, a colon, 64 hex digits)',
    );
  }
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}

async function withLog<T>(db: string, use: (store: AuditStore) => Promise<T>): Promise<T> {
  const store = openSqliteAudit(db, { readonly: true });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

function reportText(db: string, report: ChainReport): string {
  const count = `${report.records} record${report.records === 1 ? '' : 's'}`;
  if (report.valid) {
    const lines = [`${db}: ${count}, hash chain intact.`];
    if (report.head === null) return lines.join('\n');
    lines.push(
      `Head: ${formatHead(report.head)}`,
      'Keep the head somewhere else: `hush audit verify --expect-head SEQ:HASH` later also detects',
      'records cut from the end of the log, or a log rewritten with new hashes.',
    );
    return lines.join('\n');
  }
  const lines = [`${db}: ${count}, TAMPERED: ${report.problems.length} problem(s):`];
  for (const problem of report.problems.slice(0, MAX_LISTED)) {
    lines.push(`  record ${problem.seq}: ${problem.kind}: ${problem.detail}`);
  }
  if (report.problems.length > MAX_LISTED) {
    lines.push(`  … and ${report.problems.length - MAX_LISTED} more (--json lists them all)`);
  }
  if (report.head !== null) lines.push(`Head as it is now: ${formatHead(report.head)}`);
  return lines.join('\n');
}

/** Prints the report to `output` (stdout unless a caller collects it). */
export async function auditVerifyCommand(
  options: AuditVerifyOptions,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const db = options.db ?? DEFAULT_AUDIT_PATH;
  const expectHead = options.expectHead === undefined ? undefined : parseHead(options.expectHead);
  const report = await withLog(db, (store) =>
    verifyChain(store.records(), expectHead === undefined ? {} : { expectHead }),
  );
  output.write(
    options.json ? `${JSON.stringify({ db, ...report }, null, 2)}\n` : `${reportText(db, report)}\n`,
  );
  return report.valid ? 0 : EXIT_TAMPERED;
}

/** One JSON object per line: seq, prevHash, hash and the entry, enough to recheck the chain. */
async function* jsonLines(records: AsyncIterable<AuditRecord>, counter: { lines: number }) {
  for await (const { seq, prevHash, hash, entry } of records) {
    counter.lines++;
    yield `${JSON.stringify({ seq, prevHash, hash, entry })}\n`;
  }
}

/** Text lines as bytes, for a byte sink. */
async function* utf8(lines: AsyncIterable<string>): AsyncGenerator<Buffer> {
  for await (const line of lines) yield Buffer.from(line);
}

/** Writes the lines to `--out`, or to `output` (stdout unless a caller collects it). */
export async function auditExportCommand(
  options: AuditExportOptions,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  if (options.format !== 'jsonl') {
    throw new HushError('USAGE', `--format: the audit log exports as jsonl only`);
  }
  const db = options.db ?? DEFAULT_AUDIT_PATH;
  const out = options.out;
  const counter = { lines: 0 };
  await withLog(db, async (store) => {
    const lines = jsonLines(store.records(), counter);
    if (out === undefined) await pipeline(Readable.from(lines), output, { end: false });
    else await writeStreamStaged(out, utf8(lines));
  });
  if (out !== undefined) output.write(`Wrote ${counter.lines} record(s) from ${db} to ${out}.\n`);
  return 0;
}
