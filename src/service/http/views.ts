/**
 * Stored records as the API shows them. Input URLs and the custom audio URL are never shown (a
 * presigned link carries its credentials); inputs appear by name, size and hash.
 */
import type { z } from 'zod';
import { seconds } from '../../job/findings.js';
import type { JobInput, JobRecord, JobRequest, StoredFile } from '../jobs/job.js';
import type { WebhookEndpoint } from '../webhooks/store.js';
import type { jobCreated, jobView } from './schemas/jobs.js';
import type { endpointView } from './schemas/webhooks.js';

export const JOBS_PATH = '/v1/redaction/jobs';

export function jobPath(id: string): string {
  return `${JOBS_PATH}/${encodeURIComponent(id)}`;
}

/** Whether the job keeps a redacted transcript among its outputs. */
export function keepsTranscript(request: JobRequest): boolean {
  return request.transcript !== null && request.includeTranscript;
}

function links(job: JobRecord) {
  const self = jobPath(job.id);
  return {
    self,
    recording: `${self}/recording`,
    transcript: keepsTranscript(job.request) ? `${self}/transcript` : null,
    report: `${self}/report`,
  };
}

function inputView(input: JobInput) {
  return input.kind === 'file'
    ? { source: 'upload' as const, name: input.name, bytes: input.bytes, sha256: input.sha256 }
    : { source: 'url' as const, name: input.name, bytes: null, sha256: null };
}

function outputView(file: StoredFile) {
  return { name: file.name, bytes: file.bytes, sha256: file.sha256 };
}

export function jobCreatedViewOf(job: JobRecord): z.output<typeof jobCreated> {
  return { id: job.id, state: job.state, links: links(job) };
}

export function jobViewOf(job: JobRecord): z.output<typeof jobView> {
  const { request, result } = job;
  return {
    id: job.id,
    state: job.state,
    progress: job.progress,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    failure: job.failure,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    request: {
      recording: inputView(request.recording),
      transcript: request.transcript === null ? null : inputView(request.transcript),
      regions:
        request.regions?.map((region) => ({
          start: seconds(region.start),
          end: seconds(region.end),
          channel: region.channel,
        })) ?? null,
      transcriptFormat: request.transcriptFormat,
      patterns: request.patterns,
      replacementType: request.replacementType,
      language: request.language,
      includeTranscript: request.includeTranscript,
      metadata: request.metadata,
    },
    result:
      result === null
        ? null
        : {
            recording: result.recording === null ? null : outputView(result.recording),
            transcript: result.transcript === null ? null : outputView(result.transcript),
            report: outputView(result.report),
            regions: result.regions,
            counts: result.counts,
            verification: result.verification,
            auditSeq: result.auditSeq,
          },
    links: links(job),
  };
}

export function endpointViewOf(endpoint: WebhookEndpoint): z.output<typeof endpointView> {
  const { id, url, events, enabled, description, createdAt } = endpoint;
  return { id, url, events, enabled, description, createdAt };
}
