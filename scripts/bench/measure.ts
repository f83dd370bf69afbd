/** Timing helpers: run something many times and summarise the durations. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Milliseconds. */
  min: number;
  median: number;
  p95: number;
  runs: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export function summarise(durations: readonly number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    runs: sorted.length,
  };
}

/**
 * A variable some machines set for every process (this development machine does) that makes each
 * Node process parse the whole CA bundle as it starts: `node -e 0` takes about 120 ms with it and
 * 40 ms without. A user's machine normally has none, so the processes the bench times run without
 * it; the report says so and shows the floor with it as well (see `CA_ENV`).
 */
export const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';

/** The environment every timed process runs in: the bench's own, less `CA_VARIABLE`. */
export const TIMED_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== CA_VARIABLE),
);

/** The bench's own environment, `CA_VARIABLE` included, when it sets one; null otherwise. */
export const CA_ENV: NodeJS.ProcessEnv | null = process.env[CA_VARIABLE] ? process.env : null;

/** Runs `work` `warmup` times untimed, then `runs` times timed. */
export async function time(work: () => unknown, runs: number, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await work();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  return summarise(durations);
}

/** Runs a process to its end (in `TIMED_ENV` unless told): its wall time in ms, and what it wrote to stderr. */
export function runProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = TIMED_ENV,
): { elapsed: number; stderr: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  }
  return { elapsed, stderr: result.stderr.toString() };
}

/** Wall time of a whole process, `runs` times (after one untimed run to warm the file cache). */
export function timeProcess(
  command: string,
  args: readonly string[],
  runs: number,
  env: NodeJS.ProcessEnv = TIMED_ENV,
): Timing {
  runProcess(command, args, env);
  return summarise(Array.from({ length: runs }, () => runProcess(command, args, env).elapsed));
}

/** GNU time, which reports a child's peak resident memory; absent on some systems. */
const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  /** Wall time, ms. */
  elapsed: number;
  /** Peak resident memory of the process, MB; null where GNU time is not installed. */
  peakRssMb: number | null;
}

/**
 * Runs a process to its end (in `TIMED_ENV` unless told), timing it from outside and, where GNU
 * time is installed, measuring its peak resident memory (run under `/usr/bin/time -f %M`, which
 * every contender pays alike). Its stdout is discarded.
 */
export function measureProcess(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = TIMED_ENV,
): ProcessRun {
  const withMemory = existsSync(GNU_TIME);
  const scratch = withMemory ? mkdtempSync(join(tmpdir(), 'hush-bench-')) : null;
  const memoryFile = scratch ? join(scratch, 'rss') : '';
  const [program, programArgs] = scratch
    ? [GNU_TIME, ['-f', '%M', '-o', memoryFile, command, ...args]]
    : [command, args];
  try {
    const start = performance.now();
    const result = spawnSync(program, programArgs, { stdio: ['ignore', 'ignore', 'pipe'], env });
    const elapsed = performance.now() - start;
    if (result.status !== 0) {
      // The reason first (it is what a report shows), the command after it.
      throw new Error(
        `exited ${result.status}: ${result.stderr.toString().trim()}\n${[command, ...args].join(' ')}`,
      );
    }
    const peakKb = scratch ? Number(readFileSync(memoryFile, 'utf8').trim().split('\n').pop()) : NaN;
    return { elapsed, peakRssMb: Number.isFinite(peakKb) ? peakKb / 1024 : null };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** A process that started another and waited for it: its own peak resident memory, and the private part. */
export interface LauncherMemory {
  /** Peak resident memory, MB (VmHWM). */
  peakRssMb: number;
  /** The largest private part seen (memory no other process shares), MB. */
  privateMb: number;
}

/** A `field: N kB` line's N; 0 when absent (a process that has ended shows none). */
const kilobytes = (text: string, field: string): number =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);

/**
 * Runs a process to its end and, when it starts a child of its own (a launcher, as `hush redact
 * --transcript` is: src/cli/relaunch.ts), reports the launcher's own memory, read from /proc every
 * few milliseconds; GNU time reports only the larger of the two processes. Null where there is no
 * /proc, or when the process started no child.
 */
export async function measureLauncher(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = TIMED_ENV,
): Promise<LauncherMemory | null> {
  const child = spawn(command, args, { stdio: 'ignore', env });
  const pid = child.pid;
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) {
    await new Promise((resolve) => child.once('exit', resolve));
    return null;
  }
  let launched = false;
  let peakKb = 0;
  let privateKb = 0;
  const sample = (): void => {
    try {
      launched ||= readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== '';
      peakKb = Math.max(peakKb, kilobytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM'));
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      privateKb = Math.max(
        privateKb,
        kilobytes(rollup, 'Private_Clean') + kilobytes(rollup, 'Private_Dirty'),
      );
    } catch {
      // The process has just ended: keep what was read before.
    }
  };
  const timer = setInterval(sample, 5);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`exited ${String(code)}\n${[command, ...args].join(' ')}`);
  return launched && peakKb > 0 ? { peakRssMb: peakKb / 1024, privateMb: privateKb / 1024 } : null;
}
