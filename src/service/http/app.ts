/**
 * The HTTP API: a fastify app whose routes are validated, typed and documented by zod schemas
 * (`/openapi.json` is generated from them). The composer (`hush serve`) builds it with the backend,
 * the file store and the options, and listens; refusing to bind beyond loopback without keys is
 * its check (see `isLoopbackHost`).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_LIMITS } from '../../audio/validate.js';
import type { UrlPolicy } from '../../net/safe-fetch.js';
import type { ServiceBackend } from '../backend.js';
import type { EventResolver } from '../events/resolver.js';
import type { InboundSource } from '../events/source.js';
import type { FileStore } from '../files/store.js';
import type { Logger } from '../log.js';
import type { ServiceMetrics } from '../metrics.js';
import { addAuth } from './auth.js';
import { ApiError, handleError, sendError } from './errors.js';
import { addRateLimit } from './limits.js';
import { ApiLogController } from './logging.js';
import { addOpenApi } from './openapi.js';
import { eventRoutes } from './routes/events.js';
import { jobRoutes } from './routes/jobs.js';
import { limitRoutes } from './routes/limits.js';
import { operationRoutes } from './routes/operations.js';
import { syncRoutes } from './routes/sync.js';
import { webhookRoutes } from './routes/webhooks.js';

export { isLoopbackHost } from './loopback.js';

export interface ApiOptions {
  /** Every route but the public ones needs an API key; false only on loopback (the composer's rule). */
  requireKeys: boolean;
  /** Largest uploaded file, bytes. */
  maxUploadBytes: number;
  /** Largest body of the synchronous routes (and of any JSON body), bytes. */
  maxSyncBytes: number;
  /** Longest recording the workers accept, seconds; reported by the limits route. */
  maxDurationSeconds: number;
  /** Jobs per UTC day per API key (all keyless callers together without keys); null: no quota. */
  jobsPerDay: number | null;
  /** Requests per minute per API key (per client address without one); null: no rate limit. */
  requestsPerMinute: number | null;
  /** Where uploads wait until they are in the FileStore; the system's temp folder by default. */
  uploadTempDir?: string;
  /** Attempts a job gets before it fails for good. */
  maxAttempts: number;
  /** The SSRF guard for URL inputs: URLs it refuses outright are refused at submission. */
  urlPolicy: UrlPolicy;
  /** Who may post to `POST /v1/events/:source`. */
  inboundSources: InboundSource[];
  /** Connectors that fetch a platform event's data, by source name. */
  inboundResolvers?: Readonly<Record<string, EventResolver>>;
  /** Hush's version, in `/healthz` and the OpenAPI document. */
  version: string;
}

/** Defaults for the limits; the composer supplies the rest. */
export const API_LIMIT_DEFAULTS = {
  maxUploadBytes: DEFAULT_LIMITS.maxBytes,
  maxSyncBytes: 2_000_000,
  maxDurationSeconds: DEFAULT_LIMITS.maxDurationMs / 1000,
  jobsPerDay: 10_000,
  requestsPerMinute: 600,
  maxAttempts: 5,
} satisfies Partial<ApiOptions>;

export interface ApiDeps {
  backend: ServiceBackend;
  files: FileStore;
  metrics: ServiceMetrics;
  logger: Logger;
  options: ApiOptions;
}

/** What every route plugin is registered with. */
export interface RouteOptions {
  deps: ApiDeps;
}

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const { options } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new ApiLogController(),
    bodyLimit: options.maxSyncBytes,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, new ApiError(404, 'NOT_FOUND', 'no such route')),
  );

  // Order matters: authentication runs first on every request, so the rate limit can count per key.
  addAuth(app, deps.backend.keys, options.requireKeys);
  if (options.requestsPerMinute !== null) await addRateLimit(app, options.requestsPerMinute);
  await addOpenApi(app, options.version);

  for (const routes of [jobRoutes, syncRoutes, limitRoutes, webhookRoutes, eventRoutes, operationRoutes]) {
    await app.register(routes, { deps });
  }
  return app;
}
