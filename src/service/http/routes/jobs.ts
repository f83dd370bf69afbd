/**
 * Redaction jobs: create (with a transcript, or with explicit regions), read, list, cancel, retry.
 * Creation takes JSON (inputs by URL) or multipart/form-data (uploaded files, an `options` field).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type * as z from 'zod';
import { FINAL_STATES } from '../../jobs/job.js';
import type { RouteOptions } from '../app.js';
import { visibleJob } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { quotaCheck } from '../limits.js';
import { idParams } from '../schemas/common.js';
import {
  idempotencyHeaders,
  jobCreated,
  jobJsonBody,
  jobListQuery,
  jobMultipartBody,
  jobOptions,
  jobPage,
  jobView,
  regionOptions,
  regionsJsonBody,
  regionsMultipartBody,
} from '../schemas/jobs.js';
import { errorResponses } from '../schemas/responses.js';
import { checkSubmission, inputSource, jobRegions, required, submitJob, type Submission } from '../submit.js';
import { addUploads } from '../uploads.js';
import { JOBS_PATH, jobCreatedViewOf, jobPath, jobViewOf } from '../views.js';
import { downloadRoutes } from './downloads.js';

function jobRequestSubmission(request: FastifyRequest): Submission {
  if (request.isMultipart()) {
    const body = request.body as z.output<typeof jobMultipartBody>;
    return {
      recording: required('recording', inputSource('recording', body.recording, body.recordingUrl)),
      transcript: required('transcript', inputSource('transcript', body.transcript, body.transcriptUrl)),
      regions: null,
      options: body.options ?? jobOptions.parse({}),
    };
  }
  const { recordingUrl, transcriptUrl, ...options } = request.body as z.output<typeof jobJsonBody>;
  return {
    recording: { kind: 'url', url: recordingUrl },
    transcript: { kind: 'url', url: transcriptUrl },
    regions: null,
    options,
  };
}

function regionSubmission(request: FastifyRequest): Submission {
  const noTranscript = { patterns: [], includeTranscript: false };
  if (request.isMultipart()) {
    const body = request.body as z.output<typeof regionsMultipartBody>;
    return {
      recording: required('recording', inputSource('recording', body.recording, body.recordingUrl)),
      transcript: null,
      regions: jobRegions(body.regions),
      options: { ...(body.options ?? regionOptions.parse({})), ...noTranscript },
    };
  }
  const { recordingUrl, regions, ...options } = request.body as z.output<typeof regionsJsonBody>;
  return {
    recording: { kind: 'url', url: recordingUrl },
    transcript: null,
    regions: jobRegions(regions),
    options: { ...options, ...noTranscript },
  };
}

export const jobRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { options } = deps;
  await addUploads(app, {
    fileBytes: options.maxUploadBytes,
    fieldBytes: options.maxSyncBytes,
    tempRoot: options.uploadTempDir,
  });
  // JSON or multipart only: other bodies answer 415.
  app.removeContentTypeParser('text/plain');
  const quota = quotaCheck(deps.backend.jobs, options.jobsPerDay);

  async function create(request: FastifyRequest, reply: FastifyReply, submission: Submission) {
    await checkSubmission(submission, options.urlPolicy);
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
    const { job, created } = await submitJob(deps, request.caller, submission, idempotencyKey);
    request.log.info({ jobId: job.id, created }, 'job submitted');
    return reply
      .code(created ? 202 : 200)
      .header('location', jobPath(job.id))
      .send(jobCreatedViewOf(job));
  }

  const createResponses = {
    200: jobCreated.describe('A job with this Idempotency-Key already exists: that job'),
    202: jobCreated.describe('Accepted and queued'),
    ...errorResponses(400, 401, 403, 413, 415, 429),
  };

  app.post(
    JOBS_PATH,
    {
      config: { scope: 'redact' },
      onRequest: quota,
      schema: {
        tags: ['jobs'],
        summary: 'Create a redaction job',
        description:
          'A recording (uploaded as the `recording` part, or `recordingUrl`), its transcript (`transcript` ' +
          'part or `transcriptUrl`, any format Hush reads) and options. multipart/form-data takes the ' +
          'options as an `options` JSON field; JSON takes them at the top level.',
        headers: idempotencyHeaders,
        body: {
          content: {
            'application/json': { schema: jobJsonBody },
            'multipart/form-data': { schema: jobMultipartBody },
          },
        },
        response: createResponses,
      },
    },
    (request, reply) => create(request, reply, jobRequestSubmission(request)),
  );

  app.post(
    '/v1/redaction/regions',
    {
      config: { scope: 'redact' },
      onRequest: quota,
      schema: {
        tags: ['jobs'],
        summary: 'Create a job that silences explicit regions',
        description:
          'A recording and a list of regions (`start`/`end` in seconds or "HH:MM:SS.mmm", optional ' +
          '`channel`) to silence, instead of a transcript to detect on.',
        headers: idempotencyHeaders,
        body: {
          content: {
            'application/json': { schema: regionsJsonBody },
            'multipart/form-data': { schema: regionsMultipartBody },
          },
        },
        response: createResponses,
      },
    },
    (request, reply) => create(request, reply, regionSubmission(request)),
  );

  app.get(
    JOBS_PATH,
    {
      config: { scope: 'read' },
      schema: {
        tags: ['jobs'],
        summary: 'List jobs, newest first',
        description: 'An admin key sees every job; other keys see their own.',
        querystring: jobListQuery,
        response: { 200: jobPage, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const { state, createdFrom, createdTo, limit, cursor } = request.query;
      const iso = (time: string | undefined) =>
        time === undefined ? undefined : new Date(time).toISOString();
      const page = await deps.backend.jobs.list({
        state,
        createdFrom: iso(createdFrom),
        createdTo: iso(createdTo),
        limit,
        cursor,
        apiKeyId: request.caller.admin ? undefined : (request.caller.apiKeyId ?? undefined),
      });
      return { jobs: page.jobs.map(jobViewOf), nextCursor: page.nextCursor };
    },
  );

  app.get(
    `${JOBS_PATH}/:id`,
    {
      config: { scope: 'read' },
      schema: {
        tags: ['jobs'],
        summary: 'A job: state, progress, attempts, failure, and its result once done',
        params: idParams,
        response: { 200: jobView, ...errorResponses(401, 403, 404, 429) },
      },
    },
    async (request) => jobViewOf(await visibleJob(deps.backend.jobs, request.caller, request.params.id)),
  );

  app.post(
    `${JOBS_PATH}/:id/cancel`,
    {
      config: { scope: 'redact' },
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued or running job',
        params: idParams,
        response: { 200: jobView, ...errorResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request) => {
      const job = await visibleJob(deps.backend.jobs, request.caller, request.params.id);
      if (FINAL_STATES.has(job.state)) throw new ApiError(409, 'CONFLICT', `the job is already ${job.state}`);
      const cancelled = await deps.backend.jobs.cancel(job.id);
      if (cancelled === null) throw notFound('job');
      return jobViewOf(cancelled);
    },
  );

  app.post(
    `${JOBS_PATH}/:id/retry`,
    {
      config: { scope: 'admin' },
      schema: {
        tags: ['jobs'],
        summary: 'Queue a failed or cancelled job again, with fresh attempts',
        params: idParams,
        response: { 202: jobView, ...errorResponses(401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const job = await visibleJob(deps.backend.jobs, request.caller, request.params.id);
      if (job.state !== 'failed' && job.state !== 'cancelled') {
        throw new ApiError(
          409,
          'CONFLICT',
          `only failed or cancelled jobs are retried; this one is ${job.state}`,
        );
      }
      const requeued = await deps.backend.jobs.requeue(job.id);
      if (requeued === null) throw new ApiError(409, 'CONFLICT', 'the job could not be queued again');
      request.log.info({ jobId: job.id }, 'job requeued');
      return reply.code(202).send(jobViewOf(requeued));
    },
  );

  await app.register(downloadRoutes, { deps });
};
