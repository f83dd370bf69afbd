/**
 * Why an attempt stopped, classified for the store: permanent when the request or its input is at
 * fault (retrying cannot help: the job fails at once, with the reason), transient when the world
 * is (network, storage, an internal error: the job is retried after a backoff). Reasons are words
 * that hold no content: no transcript text, no URL query, no local temporary path.
 */
import { HushError, type HushErrorCode } from '../../errors.js';

export class AttemptError extends Error {
  readonly permanent: boolean;

  constructor(reason: string, permanent: boolean) {
    super(reason);
    this.name = 'AttemptError';
    this.permanent = permanent;
  }
}

/**
 * HushErrors a worker can meet without the input being at fault: its own disk (every file a job
 * reads or writes is in the worker's temporary folder), its ffmpeg, its audit store being busy.
 */
const TRANSIENT_CODES: ReadonlySet<HushErrorCode> = new Set(['IO', 'FFMPEG_UNAVAILABLE', 'AUDIT_INVALID']);

/**
 * The failure an error stands for. HushErrors name their problem and are bad input (the CLI's exit
 * 2) but for the codes above; anything else may carry content in its message, so only its kind is kept.
 */
export function attemptFailure(error: unknown): { reason: string; permanent: boolean } {
  if (error instanceof AttemptError) return { reason: error.message, permanent: error.permanent };
  if (error instanceof HushError)
    return { reason: error.message, permanent: !TRANSIENT_CODES.has(error.code) };
  return { reason: 'internal error (details withheld)', permanent: false };
}

/** What a log line may say of an error: its kind and code, never its message. */
export function errorKind(error: unknown): { error: string; code?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return { error: error.name, ...(typeof code === 'string' ? { code } : {}) };
}
