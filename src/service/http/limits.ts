/**
 * What a caller may do: jobs per UTC day (counted from the job store, so every API process sees the
 * same count) and requests per minute (counted in this process by @fastify/rate-limit). Both answer
 * 429 with `Retry-After`. Keys are per API key, or per client address without keys.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JobStore } from '../jobs/store.js';
import type { Caller } from './auth.js';
import { ApiError } from './errors.js';

const DAY_MS = 86_400_000;

export interface QuotaStatus {
  /** Jobs allowed per UTC day; null: no quota. */
  perDay: number | null;
  usedToday: number;
  remainingToday: number | null;
  /** The next UTC midnight, ISO 8601. */
  resetsAt: string;
}

function dayStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

export async function quotaStatus(
  jobs: JobStore,
  caller: Caller,
  perDay: number | null,
  now: Date = new Date(),
): Promise<QuotaStatus> {
  const start = dayStart(now);
  const usedToday = await jobs.createdSince(caller.apiKeyId, start.toISOString());
  return {
    perDay,
    usedToday,
    remainingToday: perDay === null ? null : Math.max(0, perDay - usedToday),
    resetsAt: new Date(start.getTime() + DAY_MS).toISOString(),
  };
}

/** A hook for the job-creating routes: refuses before any upload is read when the quota is spent. */
export function quotaCheck(jobs: JobStore, perDay: number | null) {
  return async (request: FastifyRequest): Promise<void> => {
    if (perDay === null) return;
    const now = new Date();
    const status = await quotaStatus(jobs, request.caller, perDay, now);
    if (status.remainingToday === 0) {
      const retryAfter = Math.ceil((Date.parse(status.resetsAt) - now.getTime()) / 1000);
      throw new ApiError(
        429,
        'QUOTA_EXCEEDED',
        `the quota of ${perDay} jobs per day is used up; it resets at ${status.resetsAt}`,
        retryAfter,
      );
    }
  };
}

/**
 * Registers the rate limit for every route registered after it, except those whose config says
 * `rateLimit: false`. Runs after authentication, so it can count per key.
 */
export async function addRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      request.caller?.apiKeyId ? `key:${request.caller.apiKeyId}` : `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'RATE_LIMITED',
        `the rate limit of ${context.max} requests per minute is exceeded; retry in ${context.after}`,
        Math.ceil(context.ttl / 1000),
      ),
  });
}
