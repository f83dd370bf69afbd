/**
 * `POST /v1/events/:source`: "recording ready / transcript ready" events from platforms. They prove
 * themselves by signature or token, not by API key, so the body is kept as the exact bytes
 * received (a signature covers them) and handed to the inbound event handler.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { handleInboundEvent } from '../../events/handle.js';
import type { RouteOptions } from '../app.js';
import { errorResponses } from '../schemas/responses.js';

export const eventRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { backend, metrics, logger, options } = deps;
  const inbound = {
    backend,
    metrics,
    logger,
    sources: options.inboundSources,
    maxAttempts: options.maxAttempts,
    resolvers: options.inboundResolvers,
  };
  // Every content type arrives as raw bytes in this plugin only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/events/:source',
    {
      config: { scope: 'public' },
      schema: {
        tags: ['events'],
        summary: 'An inbound "recording ready / transcript ready" event',
        description:
          'Authenticated by the source: a Standard Webhooks signature (webhook-id, webhook-timestamp, ' +
          'webhook-signature) or a shared token (Authorization: Bearer, or ?token=). The event is a hint: ' +
          'Hush fetches the data itself.',
        params: z.object({ source: z.string().min(1).max(63) }),
        querystring: z.object({
          token: z
            .string()
            .optional()
            .describe('The shared token, for token sources that cannot send a header'),
        }),
        response: {
          200: z.record(z.string(), z.unknown()).describe('Already received (a duplicate)'),
          202: z.record(z.string(), z.unknown()).describe('Accepted'),
          ...errorResponses(400, 401, 404, 413, 429, 501),
        },
      },
    },
    async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { status, body } = await handleInboundEvent(
        inbound,
        request.params.source,
        request.headers,
        rawBody,
        request.query,
      );
      // Refusals come in the API's error body already.
      return reply.code(status as 202).send(body as Record<string, unknown>);
    },
  );
};
