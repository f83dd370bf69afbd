/**
 * Every error the API answers with is `{ error: { code, message } }`: the code for programs, the
 * message for people. Messages name the problem (the field, the limit, the state) and never quote
 * what the caller sent: a body may hold a transcript, a URL may hold a presigned signature.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { HushError } from '../../errors.js';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION',
  'BAD_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_READY',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'VERIFICATION_FAILED',
  'UNAVAILABLE',
  'NOT_IMPLEMENTED',
  'INTERNAL',
  // HushError codes from the core, passed through as they are.
  'FORMAT_UNKNOWN',
  'FORMAT_INVALID',
  'POLICY_INVALID',
  'REGIONS_INVALID',
  'USAGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe(`One of ${ERROR_CODES.join(', ')}`),
      message: z.string().describe('What is wrong, naming the field or limit; never the submitted content'),
    }),
  })
  .describe('An error');

export type ErrorBody = z.infer<typeof errorBody>;

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent as `Retry-After` (seconds), with 429 and 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`);

/** HushError codes that are the caller's doing: the status and code they answer with. */
const HUSH_ERRORS: Partial<Record<HushError['code'], [number, ErrorCode]>> = {
  FORMAT_UNKNOWN: [400, 'FORMAT_UNKNOWN'],
  FORMAT_INVALID: [400, 'FORMAT_INVALID'],
  POLICY_INVALID: [400, 'POLICY_INVALID'],
  REGIONS_INVALID: [400, 'REGIONS_INVALID'],
  USAGE: [400, 'USAGE'],
  LIMIT_EXCEEDED: [413, 'PAYLOAD_TOO_LARGE'],
};

/**
 * Body and multipart errors from fastify and its plugins, in our words (a JSON parser's own message
 * quotes the text around the fault).
 */
const FRAMEWORK_ERRORS: Record<string, (error: FastifyError, request: FastifyRequest) => ApiError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (_error, request) =>
    new ApiError(
      413,
      'PAYLOAD_TOO_LARGE',
      `the request body is over the limit of ${request.routeOptions.bodyLimit} bytes`,
    ),
  FST_PARTS_LIMIT: () => new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too many multipart parts'),
  FST_FILES_LIMIT: () => new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too many files in one request'),
  FST_FIELDS_LIMIT: () => new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too many multipart fields'),
  FST_INVALID_JSON_FIELD_ERROR: () =>
    new ApiError(400, 'BAD_JSON', 'a multipart field sent as application/json is not valid JSON'),
  FST_MP_PREMATURE_CLOSE: () =>
    new ApiError(400, 'BAD_REQUEST', 'the request ended before the multipart body was complete'),
  FST_PROTO_VIOLATION: () => new ApiError(400, 'BAD_REQUEST', 'a field name is not allowed'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new ApiError(400, 'BAD_JSON', 'the request body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new ApiError(400, 'BAD_JSON', 'the body is empty but the content type says application/json'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'this route does not accept that content type'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new ApiError(400, 'BAD_REQUEST', 'the Content-Length does not match the body'),
};

function validationMessage(error: FastifyError): string {
  const issues = (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const where = [error.validationContext, path].filter(Boolean).join('.');
    return `${where}: ${issue.message ?? 'invalid'}`;
  });
  const shown = issues.slice(0, 10).join('; ');
  return issues.length > 10 ? `${shown}; and ${issues.length - 10} more` : shown;
}

/** The API error for anything a handler, hook or plugin threw; null for our own faults (500). */
export function toApiError(error: unknown, request: FastifyRequest): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof HushError) {
    const known = HUSH_ERRORS[error.code];
    return known === undefined ? null : new ApiError(known[0], known[1], error.message);
  }
  if (typeof error !== 'object' || error === null) return null;
  const fastifyError = error as FastifyError;
  // Zod's messages name the expectation, never the input.
  if (Array.isArray(fastifyError.validation)) {
    return new ApiError(400, 'VALIDATION', validationMessage(fastifyError));
  }
  const mapped = fastifyError.code === undefined ? undefined : FRAMEWORK_ERRORS[fastifyError.code];
  if (mapped) return mapped(fastifyError, request);
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // A library's own 4xx: its code tells what happened; its message is not ours to vouch for.
    return new ApiError(status, 'BAD_REQUEST', `the request was refused (${fastifyError.code ?? status})`);
  }
  return null;
}

/** Sends an error body; the one place a status, `Retry-After` and the body meet. */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error.statusCode === 401) reply.header('www-authenticate', 'Bearer');
  return reply
    .code(error.statusCode)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code: error.code, message: error.message } } satisfies ErrorBody));
}

/** The app's error handler: caller errors as 4xx bodies; anything else logged and answered 500. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toApiError(error, request);
  if (known !== null) {
    request.log.info({ code: known.code, status: known.statusCode }, 'request refused');
    return sendError(reply, known);
  }
  request.log.error({ error: describeFault(error) }, 'request failed');
  return sendError(reply, new ApiError(500, 'INTERNAL', `internal error (request ${request.id})`));
}

/**
 * What the log keeps of our own faults: type, code, message and stack (our messages hold no
 * content). A response that failed its schema adds the paths at fault, never the values.
 */
function describeFault(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fault: Record<string, unknown> = {
    type: error.name,
    code: (error as { code?: unknown }).code,
    message: error.message,
    stack: error.stack,
  };
  if (error instanceof ResponseSerializationError && error.cause instanceof z.ZodError) {
    fault.paths = error.cause.issues.map((issue) => issue.path.join('.'));
  }
  return fault;
}
