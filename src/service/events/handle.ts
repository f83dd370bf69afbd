/**
 * `POST /v1/events/:source`: "recording ready / transcript ready" events. The event is authenticated
 * (signature or token), parsed, deduplicated on its id, and treated as a hint: the job it starts
 * fetches the authoritative data itself, never content the event carried.
 */
import { randomUUID } from 'node:crypto';
import { HushError } from '../../errors.js';
import type { ServiceBackend } from '../backend.js';
import { ApiError, type ErrorBody, type ErrorCode } from '../http/errors.js';
import type { JobRequest } from '../jobs/job.js';
import type { Logger } from '../log.js';
import type { ServiceMetrics } from '../metrics.js';
import { authenticate, type Headers, type Query } from './authenticate.js';
import { genericJobRequest } from './generic.js';
import { parseHint, type PlatformHint } from './hints.js';
import type { EventResolver } from './resolver.js';
import type { InboundSource } from './source.js';

export interface InboundDeps {
  backend: ServiceBackend;
  metrics: ServiceMetrics;
  logger: Logger;
  sources: InboundSource[];
  /** Attempts a job started by an event gets (the API's `maxAttempts`). */
  maxAttempts: number;
  /** Resolvers for platform sources (genesys, symbl), by source name; given by the connectors. */
  resolvers?: Readonly<Record<string, EventResolver>>;
  now?: () => Date;
}

export interface InboundResponse {
  status: number;
  /** `{ jobId }`, `{ accepted, jobId, note }`, `{ duplicate, jobId? }`, or the API's error body. */
  body:
    | { jobId: string }
    | { accepted: true; jobId: null; note: string }
    | { duplicate: true; jobId?: string }
    | ErrorBody;
}

const PLATFORM_NAMES = { genesys: 'Genesys Cloud', symbl: 'Symbl' } as const;

async function submitEventJob(
  deps: InboundDeps,
  source: InboundSource,
  eventId: string,
  request: JobRequest,
): Promise<string> {
  const { job } = await deps.backend.jobs.submit({
    id: randomUUID(),
    request,
    apiKeyId: null,
    // The same event twice, even after a crash between recording it and queueing, gives one job.
    idempotencyKey: `event:${source.name}:${eventId}`,
    maxAttempts: deps.maxAttempts,
  });
  return job.id;
}

/**
 * Runs after the answer: a platform's data may take minutes to appear. Not durable across a
 * restart; failures are logged by ids only.
 */
function resolveLater(
  deps: InboundDeps,
  source: InboundSource,
  resolver: EventResolver,
  hint: PlatformHint,
): void {
  const log = deps.logger.child({ source: source.name, eventId: hint.eventId });
  resolver
    .resolve(hint)
    .then(async (request) => {
      if (request === null) {
        log.info('inbound event: nothing to redact');
        return;
      }
      const jobId = await submitEventJob(deps, source, hint.eventId, request);
      log.info({ jobId }, 'inbound event: job queued');
    })
    .catch((error: unknown) => {
      log.error(
        { err: error instanceof HushError ? error.message : 'resolver failed' },
        'inbound event: not resolved',
      );
    });
}

type ParsedEvent =
  | { kind: 'generic'; eventId: string; request: JobRequest }
  | { kind: 'platform'; eventId: string; hint: PlatformHint };

/** The event in a raw body; throws a 400 ApiError naming the field at fault. */
function parseEvent(source: InboundSource, rawBody: Buffer): ParsedEvent {
  const hint = parseHint(source.kind, rawBody);
  return hint.kind === 'generic'
    ? { kind: 'generic', eventId: hint.eventId, request: genericJobRequest(source, hint.event) }
    : { kind: 'platform', eventId: hint.eventId, hint };
}

/**
 * Answers one event. `query` carries the route's query string (a `?token=` for token sources).
 * Statuses: 202 accepted, 200 duplicate, 400 bad body, 401 not authenticated, 404 unknown source,
 * 501 a platform source with no connector to fetch its data.
 */
export async function handleInboundEvent(
  deps: InboundDeps,
  sourceName: string,
  headers: Headers,
  rawBody: Buffer,
  query: Query = {},
): Promise<InboundResponse> {
  const source = deps.sources.find((candidate) => candidate.name === sourceName);
  // Not the name asked for: unknown names would grow the metric without bound. No source can
  // be named `(unknown)`.
  const label = source?.name ?? '(unknown)';
  const log = deps.logger.child({ source: label });
  const answer = (
    status: number,
    body: InboundResponse['body'],
    outcome: 'accepted' | 'duplicate' | 'refused',
  ): InboundResponse => {
    deps.metrics.inboundEvents.inc({ source: label, outcome });
    return { status, body };
  };
  const refuse = (status: number, code: ErrorCode, message: string): InboundResponse => {
    log.warn({ status, code, reason: message }, 'inbound event refused');
    return answer(status, { error: { code, message } }, 'refused');
  };

  if (!source) return refuse(404, 'NOT_FOUND', 'no inbound event source has this name');
  const now = deps.now?.() ?? new Date();
  const reason = authenticate(source.auth, headers, query, rawBody, now);
  if (reason !== null) return refuse(401, 'UNAUTHENTICATED', `not authenticated: ${reason}`);

  let event: ParsedEvent;
  try {
    event = parseEvent(source, rawBody);
  } catch (error) {
    if (error instanceof ApiError) return refuse(error.statusCode, error.code, error.message);
    throw error;
  }
  const resolver = event.kind === 'platform' ? deps.resolvers?.[source.name] : undefined;
  if (event.kind === 'platform' && !resolver) {
    return refuse(
      501,
      'NOT_IMPLEMENTED',
      `events from ${PLATFORM_NAMES[event.hint.kind]} need its connector to fetch the recording and ` +
        `transcript, and none is configured for source "${source.name}"`,
    );
  }

  const first = await deps.backend.inbound.firstSeen(source.name, event.eventId, now.toISOString());
  const eventLog = log.child({ eventId: event.eventId });
  if (event.kind === 'generic') {
    // Submitted even when seen before: the idempotency key returns the first job, or queues it if
    // the process stopped between recording the event and queueing its job.
    const jobId = await submitEventJob(deps, source, event.eventId, event.request);
    eventLog.info({ jobId, duplicate: !first }, 'inbound event');
    return first ? answer(202, { jobId }, 'accepted') : answer(200, { duplicate: true, jobId }, 'duplicate');
  }
  if (!first) {
    eventLog.info({ duplicate: true }, 'inbound event');
    return answer(200, { duplicate: true }, 'duplicate');
  }
  eventLog.info('inbound event: resolving');
  resolveLater(deps, source, resolver!, event.hint);
  const platform = PLATFORM_NAMES[event.hint.kind];
  return answer(
    202,
    {
      accepted: true,
      jobId: null,
      note: `Hush fetches the data from ${platform} and queues a job when it is ready`,
    },
    'accepted',
  );
}
