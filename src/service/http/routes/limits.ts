/** `GET /v1/redaction/limits`: what the caller may still do today, and the limits every request meets. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { RouteOptions } from '../app.js';
import { quotaStatus } from '../limits.js';
import { errorResponses } from '../schemas/responses.js';

const limitsView = z.object({
  jobs: z.object({
    perDay: z.number().int().nullable().describe('Jobs allowed per UTC day; null: no quota'),
    usedToday: z.number().int(),
    remainingToday: z.number().int().nullable(),
    resetsAt: z.string().describe('The next UTC midnight'),
  }),
  rateLimit: z.object({
    requestsPerMinute: z.number().int().nullable().describe('Per API key; null: no rate limit'),
  }),
  maxUploadBytes: z.number().int(),
  maxSyncBytes: z.number().int().describe('Largest body of /v1/detect and /v1/redact/transcript'),
  maxDurationSeconds: z.number(),
});

export const limitRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { options } = deps;
  app.get(
    '/v1/redaction/limits',
    {
      config: { scope: 'read' },
      schema: {
        tags: ['limits'],
        summary: "The caller's remaining quota and the limits",
        response: { 200: limitsView, ...errorResponses(401, 403, 429) },
      },
    },
    async (request) => ({
      jobs: await quotaStatus(deps.backend.jobs, request.caller, options.jobsPerDay),
      rateLimit: { requestsPerMinute: options.requestsPerMinute },
      maxUploadBytes: options.maxUploadBytes,
      maxSyncBytes: options.maxSyncBytes,
      maxDurationSeconds: options.maxDurationSeconds,
    }),
  );
};
