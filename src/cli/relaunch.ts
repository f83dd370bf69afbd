/**
 * Runs a command again in a child Node process started with memory-saving V8 settings, for the one
 * command whose memory has a target: `hush redact` given a transcript (under 100 MB, docs/audio.md,
 * "Memory"). Detecting on a one-hour transcript let V8 grow its young generation to two 16 MB
 * semi-spaces and keep generous headroom in the old one, which took such a job to about 125 MB.
 * V8 sizes its heap once, as the process starts, so these settings cannot be made from inside a
 * running one: the price is a second Node start-up (some 40 ms) and the launcher waiting meanwhile
 * (about 8 MB of its own; the rest of its resident memory is Node's code, which it shares with the
 * child).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Semi-spaces of 2 MB (V8 grows them to 16), the old generation grown by 20% at a time (rather than
 * by a factor V8 picks from its pace), and one V8 background thread rather than four (each keeps
 * its own allocator arena). A one-hour job then peaks at 90–96 MB, about as fast as without them
 * (measured: docs/audio.md); V8's `--optimize-for-size` saved as much memory but cost a tenth of
 * the run's time.
 */
export const MEMORY_FLAGS: readonly string[] = [
  '--max-semi-space-size=2',
  '--heap-growing-percent=20',
  '--v8-pool-size=1',
];

/** Signals a launcher passes on to its child (the child decides what they mean). */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Whether this process was started with `MEMORY_FLAGS` (by a launcher, or by hand). */
export function underMemoryFlags(): boolean {
  return MEMORY_FLAGS.every((flag) => process.execArgv.includes(flag));
}

/**
 * Runs this process's own command line again with `MEMORY_FLAGS` added to Node's, sharing its
 * standard streams and environment; resolves with the child's exit code (128 + the signal's
 * number when a signal ended it, as a shell reports it).
 */
export function relaunchUnderMemoryFlags(): Promise<number> {
  const [script, ...args] = process.argv.slice(1);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...MEMORY_FLAGS, script!, ...args], {
      stdio: 'inherit',
    });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const done = (): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
