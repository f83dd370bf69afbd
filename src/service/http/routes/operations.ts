/**
 * Health, readiness, metrics and the OpenAPI document. None is rate limited (probes and scrapers
 * poll them). Metrics need the admin scope when keys are required, like every other admin route:
 * they hold no values, but they tell how busy the service is.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { RouteOptions } from '../app.js';
import { ApiError } from '../errors.js';
import { errorResponses } from '../schemas/responses.js';

/** How long the backend has to answer a readiness probe. */
export const READY_TIMEOUT_MS = 2_000;

async function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const operationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const tags = ['operations'];
  const unlimited = { rateLimit: false as const };

  app.get(
    '/healthz',
    {
      config: { scope: 'public', ...unlimited },
      schema: {
        tags,
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: deps.options.version }),
  );

  app.get(
    '/readyz',
    {
      config: { scope: 'public', ...unlimited },
      schema: {
        tags,
        summary: `The backend answers within ${READY_TIMEOUT_MS} ms`,
        response: {
          200: z.object({ status: z.literal('ready'), backend: z.string(), queueDepth: z.number().int() }),
          ...errorResponses(503),
        },
      },
    },
    async (request) => {
      try {
        const queueDepth = await withinTimeout(deps.backend.jobs.queueDepth(), READY_TIMEOUT_MS);
        return { status: 'ready' as const, backend: deps.backend.kind, queueDepth };
      } catch (error) {
        request.log.warn({ error: { type: (error as Error).name } }, 'not ready');
        throw new ApiError(503, 'UNAVAILABLE', `the ${deps.backend.kind} backend did not answer`, 5);
      }
    },
  );

  app.get(
    '/metrics',
    {
      config: { scope: 'admin', ...unlimited },
      schema: {
        tags,
        summary: 'Prometheus metrics',
        response: {
          200: {
            description: 'Prometheus text format',
            content: { 'text/plain': { schema: z.string() } },
          },
          ...errorResponses(401, 403),
        },
      },
    },
    async (_request, reply) => {
      const { registry } = deps.metrics;
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );

  app.get(
    '/openapi.json',
    {
      config: { scope: 'public', ...unlimited },
      schema: {
        tags,
        summary: 'This document (OpenAPI 3)',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
};
