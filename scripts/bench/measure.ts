/** Timing helpers: run something many times and summarise the durations. */
import { spawnSync } from 'node:child_process';
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

/** Runs a process to its end: its wall time in ms, and what it wrote to stderr. */
export function runProcess(command: string, args: readonly string[]): { elapsed: number; stderr: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  }
  return { elapsed, stderr: result.stderr.toString() };
}

/** Wall time of a whole process, `runs` times (after one untimed run to warm the file cache). */
export function timeProcess(command: string, args: readonly string[], runs: number): Timing {
  runProcess(command, args);
  return summarise(Array.from({ length: runs }, () => runProcess(command, args).elapsed));
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
 * Runs a process to its end, timing it from outside and, where GNU time is installed, measuring
 * its peak resident memory (run under `/usr/bin/time -f %M`, which every contender pays alike).
 * Its stdout is discarded.
 */
export function measureProcess(command: string, args: readonly string[]): ProcessRun {
  const withMemory = existsSync(GNU_TIME);
  const scratch = withMemory ? mkdtempSync(join(tmpdir(), 'hush-bench-')) : null;
  const memoryFile = scratch ? join(scratch, 'rss') : '';
  const [program, programArgs] = scratch
    ? [GNU_TIME, ['-f', '%M', '-o', memoryFile, command, ...args]]
    : [command, args];
  try {
    const start = performance.now();
    const result = spawnSync(program, programArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
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
