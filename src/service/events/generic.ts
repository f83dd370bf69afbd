/**
 * A generic event as a job: URL inputs the worker fetches itself (through the SSRF guard), on hosts
 * the source is allowed to point at. The event's URLs are where the data is, never the data.
 */
import { HushError } from '../../errors.js';
import { isAllowListed } from '../../net/url-policy.js';
import { ApiError } from '../http/errors.js';
import { patternPolicy } from '../http/patterns.js';
import { jobRegions } from '../http/submit.js';
import type { JobInput, JobRegion, JobRequest } from '../jobs/job.js';
import type { GenericEvent } from './hints.js';
import type { InboundSource } from './source.js';

function urlInput(source: InboundSource, field: string, url: string, fallbackName: string): JobInput {
  const parsed = new URL(url);
  if (!isAllowListed(parsed, source.allowHosts)) {
    throw new ApiError(
      400,
      'VALIDATION',
      `${field}: host ${parsed.host} is not in the allowHosts of source "${source.name}"`,
    );
  }
  // The last path segment as written: still escaped, so it never holds a separator.
  const last = parsed.pathname.split('/').pop() ?? '';
  return { kind: 'url', url, name: last === '' ? fallbackName : last };
}

/** Regions as `jobRegions` reads them, a mistake answered as the API answers it. */
function eventRegions(regions: NonNullable<GenericEvent['regions']>): JobRegion[] {
  try {
    return jobRegions(regions);
  } catch (error) {
    if (error instanceof HushError) throw new ApiError(400, 'REGIONS_INVALID', error.message);
    throw error;
  }
}

/** The job for a generic event; throws a 400 ApiError naming the field at fault. */
export function genericJobRequest(source: InboundSource, event: GenericEvent): JobRequest {
  if ((event.transcriptUrl === undefined) === (event.regions === undefined)) {
    throw new ApiError(400, 'VALIDATION', 'give transcriptUrl or regions (exactly one of them)');
  }
  patternPolicy(event.patterns);
  return {
    recording: urlInput(source, 'recordingUrl', event.recordingUrl, 'recording'),
    transcript:
      event.transcriptUrl === undefined
        ? null
        : urlInput(source, 'transcriptUrl', event.transcriptUrl, 'transcript'),
    regions: event.regions === undefined ? null : eventRegions(event.regions),
    transcriptFormat: event.transcriptFormat ?? null,
    patterns: event.patterns,
    replacementType: 'silence',
    customAudioUrl: null,
    language: null,
    includeTranscript: true,
    // The event's own ids last, so that caller metadata cannot pass for them.
    metadata: {
      ...event.metadata,
      source: source.name,
      eventId: event.id,
      ...(event.callId === undefined ? {} : { callId: event.callId }),
    },
  };
}
