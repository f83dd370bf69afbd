/**
 * API keys and scopes. Every route names the scope it needs in its config (`public` for the health
 * routes, the OpenAPI document and inbound events, which prove themselves by signature); a route
 * that names none needs `admin`, so a forgotten scope fails closed. `admin` holds every scope.
 * Without required keys (a loopback server) every caller may do everything, as key id null.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseApiKey } from '../auth/api-key.js';
import type { ApiKeyStore, Scope } from '../auth/store.js';
import type { JobRecord } from '../jobs/job.js';
import type { JobStore } from '../jobs/store.js';
import { ApiError, notFound } from './errors.js';

export type RouteScope = Scope | 'public';

export interface Caller {
  /** The key's id; null without keys. */
  apiKeyId: string | null;
  /** Admin callers (and every caller without keys) see every job, not only their own. */
  admin: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: RouteScope;
  }
  interface FastifyRequest {
    caller: Caller;
  }
}

const OPEN: Caller = { apiKeyId: null, admin: true };

/** The presented key: `Authorization: Bearer …` or `X-API-Key`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '';
  const header = request.headers['x-api-key'];
  return Array.isArray(header) ? header[0] : header;
}

export function routeScope(config: { scope?: RouteScope }): RouteScope {
  return config.scope ?? 'admin';
}

async function authenticate(keys: ApiKeyStore, request: FastifyRequest): Promise<Caller> {
  const token = presentedKey(request);
  if (token === undefined) {
    throw new ApiError(401, 'UNAUTHENTICATED', 'an API key is required: send Authorization: Bearer <key>');
  }
  const parsed = parseApiKey(token);
  const key = parsed === null ? null : await keys.find(parsed.id, parsed.secretSha256);
  if (key === null) throw new ApiError(401, 'UNAUTHENTICATED', 'the API key is not valid or was revoked');
  const required = routeScope(request.routeOptions.config);
  const admin = key.scopes.includes('admin');
  if (required !== 'public' && !admin && !key.scopes.includes(required)) {
    throw new ApiError(403, 'FORBIDDEN', `this API key does not have the "${required}" scope`);
  }
  return { apiKeyId: key.id, admin };
}

/** Authenticates every request to a known route before anything else runs (rate limits key on it). */
export function addAuth(app: FastifyInstance, keys: ApiKeyStore, requireKeys: boolean): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    // Unknown routes have no config; they answer 404 without asking for a key.
    if (request.routeOptions.url === undefined) return;
    if (!requireKeys || routeScope(request.routeOptions.config) === 'public') {
      request.caller = requireKeys ? { apiKeyId: null, admin: false } : OPEN;
      return;
    }
    request.caller = await authenticate(keys, request);
  });
}

/** A job the caller may see (its own, or any for admin); 404 otherwise, so ids reveal nothing. */
export async function visibleJob(jobs: JobStore, caller: Caller, id: string): Promise<JobRecord> {
  const job = await jobs.get(id);
  if (job === null || !(caller.admin || caller.apiKeyId === job.apiKeyId)) throw notFound('job');
  return job;
}
