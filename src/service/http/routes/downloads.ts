/** A job's outputs, streamed from the FileStore once the job has produced them. */
import { extname } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { JobResult } from '../../jobs/job.js';
import type { RouteOptions } from '../app.js';
import { visibleJob } from '../auth.js';
import { ApiError } from '../errors.js';
import { idParams } from '../schemas/common.js';
import { errorResponses } from '../schemas/responses.js';
import { JOBS_PATH, keepsTranscript } from '../views.js';

const OUTPUTS = ['recording', 'transcript', 'report'] as const;
type Output = (typeof OUTPUTS)[number];

const CONTENT_TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.m4a': 'audio/mp4',
  '.json': 'application/json',
  '.srt': 'application/x-subrip',
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const DESCRIPTIONS: Record<Output, string> = {
  recording: 'The redacted recording',
  transcript: 'The redacted transcript, in the format it was given in',
  report: 'The report (JSON): regions, counts and verification figures; never values',
};

/** `attachment` with the name, ASCII-safe and in RFC 5987 form for any other character. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const downloadRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  for (const output of OUTPUTS) {
    app.get(
      `${JOBS_PATH}/:id/${output}`,
      {
        config: { scope: 'read' },
        schema: {
          tags: ['jobs'],
          summary: `Download: ${DESCRIPTIONS[output].toLowerCase()}`,
          description: 'Answers 404 NOT_READY until the job has produced it.',
          params: idParams,
          response: {
            200: {
              description: DESCRIPTIONS[output],
              content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
            },
            ...errorResponses(401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const job = await visibleJob(deps.backend.jobs, request.caller, request.params.id);
        const file = job.result?.[output as keyof Pick<JobResult, Output>] ?? null;
        if (file === null) {
          const message =
            output === 'transcript' && !keepsTranscript(job.request)
              ? 'this job keeps no transcript'
              : `the ${output} is not available while the job is ${job.state}`;
          throw new ApiError(404, 'NOT_READY', message);
        }
        const object = await deps.files.read(file.key);
        if (object === null) throw new ApiError(404, 'NOT_FOUND', `the ${output} is no longer stored`);
        return (
          reply
            .type(CONTENT_TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream')
            .header('content-length', String(object.bytes))
            .header('content-disposition', contentDisposition(file.name))
            // Streams bypass the serializer; the schema above documents the bytes.
            .send(object.stream as never)
        );
      },
    );
  }
};
