/**
 * File handling shared by every adapter (CLI, audio): errors that name the path and the problem,
 * and the temporary name an output is written under before it is renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { HushError } from './errors.js';

const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
};

/** A file-system error as a HushError naming the path; `doing` describes the attempt, e.g. `read the file`. */
export function ioError(path: string, error: unknown, doing: string): HushError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return new HushError(
    'IO',
    `${path}: ${PROBLEMS[code] ?? `could not ${doing} (${code || 'unknown error'})`}`,
  );
}

/**
 * Beside the target (same file system, so the final rename is atomic), unique per process and
 * attempt: a reader never sees a half-written file under the final name.
 */
export function stagingPath(target: string): string {
  return `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}
