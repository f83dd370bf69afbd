/**
 * `hush batch DIR|MANIFEST`: redacts many recordings, `--jobs` at a time on worker threads, each
 * as `hush redact` would (job/run.ts) with one audit record per job. Resumable: a recording whose
 * input hash and settings hash have a succeeded audit record, and whose published output is still
 * there with the recorded hash (and whose transcript is the one recorded), is skipped. Prints a
 * summary with the reason for every failure, and exits non-zero when any recording failed.
 */
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AuditStore } from '../../audit/store.js';
import { DEFAULT_AUDIT_PATH, openSqliteAudit } from '../../audit/sqlite-store.js';
import { batchInputs, type BatchItem } from '../batch/inputs.js';
import { openPool, type BatchPool } from '../batch/pool.js';
import { startProgress } from '../batch/progress.js';
import { EXIT } from '../../job/run.js';
import type { JobSettings } from '../../job/run.js';
import { runSettings, type SettingsOptions } from '../../job/settings.js';
import { DEFAULT_OUT_DIR } from './redact.js';

export interface BatchCommandOptions extends SettingsOptions {
  out?: string;
  jobs?: number;
  db?: string;
  json?: boolean;
}

/** Parallel jobs when --jobs is not given: one per CPU, up to 4 (more mostly contends for the disk). */
const DEFAULT_JOBS = Math.min(4, availableParallelism());

interface ItemResult {
  audio: string;
  status: 'done' | 'skipped' | 'failed';
  exitCode: number;
  failure: string | null;
  output: string | null;
  report: string | null;
}

interface Context {
  pool: BatchPool;
  store: AuditStore;
  settings: JobSettings;
}

const failed = (item: BatchItem, exitCode: number, failure: string): ItemResult => ({
  audio: item.audio,
  status: 'failed',
  exitCode,
  failure,
  output: null,
  report: null,
});

/**
 * Whether a succeeded record of the same inputs and settings still has its output in place; also
 * the recording's hash, so the job need not hash it again. A fingerprint that fails (a file
 * missing) says "not done": the job then meets the same problem and reports it properly.
 */
async function alreadyDone(item: BatchItem, output: string, { pool, store, settings }: Context) {
  const fingerprint = await pool
    .fingerprint({ audio: item.audio, source: item.transcript ?? item.regions ?? null, output })
    .catch(() => null);
  if (fingerprint === null) return { done: false };
  const record =
    fingerprint.output === null ? null : await store.lastSucceeded(fingerprint.audio, settings.policySha256);
  const entry = record?.entry;
  const done =
    entry?.output != null &&
    resolve(entry.output.file) === resolve(output) &&
    entry.output.sha256 === fingerprint.output &&
    (entry.transcript?.input.sha256 ?? null) === fingerprint.source;
  return { done, audioSha256: fingerprint.audio };
}

async function processItem(item: BatchItem, context: Context): Promise<ItemResult> {
  if (item.problem !== undefined) return failed(item, EXIT.badInput, item.problem);
  const output = join(item.outDir, basename(item.audio));
  const { done, audioSha256 } = await alreadyDone(item, output, context);
  if (done)
    return { audio: item.audio, status: 'skipped', exitCode: EXIT.ok, failure: null, output, report: null };
  let summary;
  try {
    summary = await context.pool.redact(
      { ...item, ...(audioSha256 ? { audioSha256 } : {}) },
      context.settings,
    );
  } catch {
    // The job catches its own errors; this is the worker itself failing (its message could hold content).
    return failed(item, EXIT.internal, 'internal error (details withheld)');
  }
  if (summary.entry) await context.store.append(summary.entry);
  return {
    audio: item.audio,
    status: summary.exitCode === EXIT.ok ? 'done' : 'failed',
    exitCode: summary.exitCode,
    failure: summary.failure,
    output: summary.published.audio,
    report: summary.published.report,
  };
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
) {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** 0 when nothing failed; else the most serious failure's code: internal, then verification, then input. */
function exitCode(results: readonly ItemResult[]): number {
  const codes = new Set(results.map((result) => result.exitCode));
  for (const code of [EXIT.internal, EXIT.verificationFailed, EXIT.badInput])
    if (codes.has(code)) return code;
  return EXIT.ok;
}

function summary(results: readonly ItemResult[], seconds: number, json: boolean): string {
  const count = (status: ItemResult['status']) => results.filter((result) => result.status === status).length;
  if (json) {
    return `${JSON.stringify(
      {
        total: results.length,
        done: count('done'),
        skipped: count('skipped'),
        failed: count('failed'),
        recordings: results,
      },
      null,
      2,
    )}\n`;
  }
  const lines = [
    `${results.length} recording(s): ${count('done')} done, ${count('skipped')} skipped, ${count('failed')} failed (${seconds.toFixed(1)} s).`,
  ];
  const failures = results.filter((result) => result.status === 'failed');
  // Most reasons already start with the recording's path.
  const reason = (result: ItemResult) =>
    result.failure?.startsWith(result.audio) ? result.failure : `${result.audio}: ${result.failure}`;
  if (failures.length > 0) lines.push('Failed:', ...failures.map((result) => `  ${reason(result)}`));
  return `${lines.join('\n')}\n`;
}

export async function batchCommand(
  input: string,
  options: BatchCommandOptions,
  hushVersion: string,
): Promise<number> {
  const started = performance.now();
  const out = options.out ?? DEFAULT_OUT_DIR;
  const { settings, dispose } = await runSettings(options, hushVersion);
  try {
    const items = await batchInputs(input, { out, raw: settings.raw !== undefined });
    const jobs = options.jobs ?? DEFAULT_JOBS;
    const store = openSqliteAudit(options.db ?? DEFAULT_AUDIT_PATH);
    const pool = openPool(Math.max(1, Math.min(jobs, items.length)));
    const progress = startProgress(items.length);
    const results: ItemResult[] = [];
    try {
      await forEachLimited(items, jobs, async (item, index) => {
        results[index] = await processItem(item, { pool, store, settings });
        progress.advance(results[index].status === 'failed');
      });
    } finally {
      progress.stop();
      await pool.close();
      await store.close();
    }
    process.stdout.write(summary(results, (performance.now() - started) / 1000, options.json === true));
    return exitCode(results);
  } finally {
    await dispose();
  }
}
