/**
 * Synchronous detection and transcript redaction for small transcripts (the body limit is the sync
 * limit; 413 above it). Findings carry types, times, channels and scores; never values. A redacted
 * copy is verified as `hush redact-transcript` verifies it, and not returned when it fails.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type * as z from 'zod';
import type { Detection } from '../../../core/detection.js';
import { detect } from '../../../core/engine.js';
import type { Policy } from '../../../core/policy.js';
import { planRegions } from '../../../core/regions.js';
import { importTranscript, type ImportedTranscript } from '../../../formats/index.js';
import { countByType, describeProblem, entityReport, regionReport } from '../../../job/findings.js';
import { planTranscriptRedaction, verifyPlannedRedaction } from '../../../job/transcript-redaction.js';
import type { RouteOptions } from '../app.js';
import { ApiError } from '../errors.js';
import { patternPolicy } from '../patterns.js';
import { errorResponses } from '../schemas/responses.js';
import { detectResponse, redactResponse, syncBody } from '../schemas/sync.js';

/** How messages name the posted transcript. */
const ORIGIN = 'transcript';

interface Posted {
  imported: ImportedTranscript;
  policy: Policy;
}

function read(body: z.output<typeof syncBody>): Posted {
  const policy = patternPolicy(body.patterns);
  const text = typeof body.transcript === 'string' ? body.transcript : JSON.stringify(body.transcript);
  return { imported: importTranscript(text, ORIGIN, body.format), policy };
}

function findings(format: string, detection: Detection, policy: Policy) {
  return {
    format,
    entities: detection.entities.map((entity) => entityReport(entity, false)),
    regions: planRegions(detection, policy).map(regionReport),
    counts: countByType(detection),
  };
}

function redact({ imported, policy }: Posted, sentAsJson: boolean): z.output<typeof redactResponse> {
  const planned = planTranscriptRedaction(imported, policy);
  const problems = verifyPlannedRedaction(planned, planned.output, ORIGIN, policy);
  if (problems.length > 0) {
    throw new ApiError(
      422,
      'VERIFICATION_FAILED',
      `the redacted copy failed verification, so it is not returned: ${problems.map(describeProblem).join('; ')}`,
    );
  }
  const { output, edits } = planned;
  return {
    ...findings(imported.format.id, planned.detection, policy),
    transcript: sentAsJson ? (JSON.parse(output) as Record<string, unknown> | unknown[]) : output,
    edits: edits.length,
  };
}

export const syncRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const bodyLimit = deps.options.maxSyncBytes;
  const shared = {
    tags: ['sync'],
    body: syncBody,
  };

  app.post(
    '/v1/detect',
    {
      bodyLimit,
      config: { scope: 'redact' },
      schema: {
        ...shared,
        summary: 'Detect sensitive data in a small transcript',
        response: { 200: detectResponse, ...errorResponses(400, 401, 403, 413, 429) },
      },
    },
    async (request) => {
      const { imported, policy } = read(request.body);
      const { transcript } = imported;
      return {
        ...findings(imported.format.id, detect(transcript, policy), policy),
        words: transcript.words.length,
        channels: transcript.channels,
      };
    },
  );

  app.post(
    '/v1/redact/transcript',
    {
      bodyLimit,
      config: { scope: 'redact' },
      schema: {
        ...shared,
        summary: 'Redact a small transcript, in its own format',
        response: { 200: redactResponse, ...errorResponses(400, 401, 403, 413, 422, 429) },
      },
    },
    async (request) => redact(read(request.body), typeof request.body.transcript !== 'string'),
  );
};
