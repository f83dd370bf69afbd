/**
 * The progress bar of `hush batch`, on stderr and only on a terminal (a log file gets the final
 * summary alone): recordings done of the total, the rate, the time left, and failures so far.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  /** One more recording finished (done, skipped or failed). */
  advance(failed: boolean): void;
  stop(): void;
}

const SILENT: Progress = { advance: () => {}, stop: () => {} };

/** Seconds as `42s`, `3m07s` or `1h05m`. */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function startProgress(total: number): Progress {
  if (!process.stderr.isTTY || total === 0) return SILENT;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} recordings | {rate}/min | {left} left | {failed} failed',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let failed = 0;
  let value = 0;
  bar.start(total, 0, { rate: '-', left: '-', failed });
  return {
    advance(isFailure) {
      value += 1;
      if (isFailure) failed += 1;
      // From the average so far: recordings differ in length, so no finer estimate holds better.
      const elapsed = (Date.now() - started) / 1000;
      const rate = (value / Math.max(elapsed, 0.001)) * 60;
      bar.update(value, {
        rate: rate.toFixed(1),
        left: duration(((total - value) * elapsed) / value),
        failed,
      });
    },
    stop: () => bar.stop(),
  };
}
