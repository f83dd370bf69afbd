/**
 * Backoff between attempts (jobs, webhook deliveries): exponential, half of it random, so that many
 * failures at once do not retry in step.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const JOB_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 60 * 60_000 };

/** Delay before attempt `attempt + 1`, after `attempt` (1, 2, …) failed; `random` is in [0, 1). */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: number = Math.random()): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  // Never less than half the ceiling, so a retry is never immediate.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
