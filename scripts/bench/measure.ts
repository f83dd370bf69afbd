/** Timing helpers: run something many times and summarise the durations. */
import { spawnSync } from 'node:child_process';
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
