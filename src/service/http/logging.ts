/**
 * The API's request log lines. Fastify's own lines carry the URL (whose query may hold a token) and
 * hand the whole request to the logger; these carry the method, the route pattern and the status
 * only (the request id is bound to every line). Bodies and headers are never logged. (Keys other than `req`/`res`, which
 * fastify's serializers would reshape.)
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

function requestFields(request: FastifyRequest) {
  return { method: request.method, route: request.routeOptions.url ?? null };
}

function errorFields(error: Error) {
  return { type: error.name, code: (error as { code?: unknown }).code };
}

export class ApiLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      request: requestFields(request),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, error: errorFields(error) }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply) {
    reply.log.error({ request: requestFields(request), error: errorFields(error) }, 'request failed');
  }

  override streamError(error: Error, request: FastifyRequest, reply: FastifyReply) {
    reply.log.warn({ request: requestFields(request), error: errorFields(error) }, 'response stream failed');
  }

  override routeNotFound(request: FastifyRequest) {
    request.log.info({ request: { method: request.method } }, 'no such route');
  }

  override writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply) {
    reply.log.warn({ request: requestFields(request), error: errorFields(error) }, 'could not write headers');
  }

  override serializerError(error: Error, request: FastifyRequest, reply: FastifyReply) {
    reply.log.error(
      { request: requestFields(request), error: errorFields(error) },
      'response serialization failed',
    );
  }
}
