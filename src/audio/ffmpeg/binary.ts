/**
 * The ffmpeg binary Hush runs, and the one way it runs it. The binary is `HUSH_FFMPEG` when set,
 * else `ffmpeg` on the PATH, else the static build the npm package @ffmpeg-installer/ffmpeg ships
 * (so `npm install` alone is enough). Arguments are file paths and codec settings only: transcript
 * text never reaches ffmpeg's command line, and its output is kept out of logs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { HushError } from '../../errors.js';

/** The npm package that ships a static ffmpeg; required by name at run time, never bundled. */
const NPM_FFMPEG = '@ffmpeg-installer/ffmpeg';

let cached: string | undefined;
let pending: Promise<string> | undefined;

const VERSION_ARGS = ['-hide_banner', '-version'];
const VERSION_TIMEOUT_MS = 15_000;

function runs(path: string): boolean {
  return spawnSync(path, VERSION_ARGS, { stdio: 'ignore', timeout: VERSION_TIMEOUT_MS }).status === 0;
}

/** `runs`, without holding up the event loop while ffmpeg starts (a job hashes meanwhile). */
function runsSoon(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(path, VERSION_ARGS, { stdio: 'ignore', timeout: VERSION_TIMEOUT_MS });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function fromNpm(): string | null {
  try {
    // A computed name keeps bundlers from inlining the package, whose path lookup needs its own files.
    const installer = createRequire(import.meta.url)(NPM_FFMPEG) as { path?: unknown };
    return typeof installer.path === 'string' ? installer.path : null;
  } catch {
    return null; // not installed, or no build for this platform
  }
}

/** The binaries to try, in order; `chosen` when it is the one `HUSH_FFMPEG` names. */
function candidates(): { paths: string[]; chosen: string | null } {
  const chosen = process.env.HUSH_FFMPEG;
  if (chosen) return { paths: [chosen], chosen };
  const found = [onPath(process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg'), fromNpm()];
  return { paths: found.filter((path) => path !== null), chosen: null };
}

function notFound(chosen: string | null): HushError {
  // An explicit choice that does not run is not silently replaced by another binary.
  if (chosen !== null) {
    return new HushError(
      'FFMPEG_UNAVAILABLE',
      `HUSH_FFMPEG is ${chosen}, which does not run as ffmpeg (-version failed)`,
    );
  }
  return new HushError(
    'FFMPEG_UNAVAILABLE',
    `no ffmpeg found: this recording needs one. Install ffmpeg on the PATH, set HUSH_FFMPEG to its path, ` +
      `or reinstall Hush's dependencies (npm install brings ${NPM_FFMPEG})`,
  );
}

/**
 * The path of an ffmpeg that runs, found once per process: `HUSH_FFMPEG`, else the first of
 * PATH's and npm's that runs. Throws HushError('FFMPEG_UNAVAILABLE') when there is none, or when
 * `HUSH_FFMPEG` names one that does not run.
 */
export function ffmpegPath(): string {
  if (cached !== undefined) return cached;
  const { paths, chosen } = candidates();
  const found = paths.find(runs);
  if (found === undefined) throw notFound(chosen);
  return (cached = found);
}

/** `ffmpegPath`, found without blocking the event loop. */
function ffmpegBinary(): Promise<string> {
  if (cached !== undefined) return Promise.resolve(cached);
  pending ??= (async () => {
    const { paths, chosen } = candidates();
    for (const path of paths) if (await runsSoon(path)) return (cached = path);
    pending = undefined; // as `ffmpegPath` does, look again next time
    throw notFound(chosen);
  })();
  return pending;
}

/**
 * Time allowed for a decode or an encode: ffmpeg gets through hours of call audio in well under
 * a minute, so a run this long has hung.
 */
export const LONG_RUN_MS = 10 * 60 * 1000;

/** Bytes of ffmpeg's stderr kept from the start (stream descriptions) and from the end (the error). */
const STDERR_HEAD = 64 * 1024;
const STDERR_TAIL = 16 * 1024;

/** Keeps the start and the end of a stream that may be long, dropping the middle. */
class BoundedText {
  private head = '';
  private tail = '';
  private dropped = false;

  add(text: string): void {
    if (this.head.length < STDERR_HEAD) {
      const room = STDERR_HEAD - this.head.length;
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (text.length === 0) return;
    this.tail += text;
    if (this.tail.length > STDERR_TAIL) {
      this.tail = this.tail.slice(-STDERR_TAIL);
      this.dropped = true;
    }
  }

  toString(): string {
    return this.dropped ? `${this.head}\n…\n${this.tail}` : this.head + this.tail;
  }
}

export interface FfmpegOptions {
  /** The run is killed, and a HushError thrown, after this long. */
  timeoutMs: number;
  /** What the run does, for error messages, e.g. `decoding call.ogg`. */
  task: string;
  /** Receives ffmpeg's stdout (for `pipe:1` outputs); without it stdout is discarded. */
  onStdout?: (chunk: Buffer) => void;
}

export interface FfmpegResult {
  /** ffmpeg's exit status; `ffmpeg -i file` alone exits 1 after describing the file. */
  exitCode: number;
  /** The start and the end of stderr (bounded). */
  stderr: string;
}

/**
 * Runs ffmpeg with `args` (after `-hide_banner -nostdin -nostats`), without a shell. Resolves with
 * the exit code, whatever it is; rejects when ffmpeg cannot start, is killed, or runs out of time.
 */
export async function runFfmpeg(args: readonly string[], options: FfmpegOptions): Promise<FfmpegResult> {
  const binary = await ffmpegBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-hide_banner', '-nostdin', '-nostats', ...args], {
      stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'pipe'],
    });
    const stderr = new BoundedText();
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => stderr.add(text));
    if (options.onStdout) child.stdout!.on('data', options.onStdout);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new HushError('FFMPEG_UNAVAILABLE', `${options.task}: could not start ffmpeg (${error.message})`),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new HushError('IO', `${options.task}: ffmpeg did not finish within ${options.timeoutMs / 1000} s`),
        );
      } else if (code === null) {
        reject(new HushError('IO', `${options.task}: ffmpeg was stopped by ${signal ?? 'a signal'}`));
      } else {
        resolve({ exitCode: code, stderr: stderr.toString() });
      }
    });
  });
}

/** ffmpeg's last error line, for a message (file names and codec errors; no audio content). */
export function lastError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.at(-1) ?? 'no message';
}

/**
 * A path as an ffmpeg input or output: the `file:` protocol, so a name with a colon, a leading
 * dash or a protocol-like prefix is read as the file it is.
 */
export function fileArg(path: string): string {
  return `file:${path}`;
}
