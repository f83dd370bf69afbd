/**
 * Inbound event bodies, one schema per source kind. An event is a hint that data is ready: it names
 * where the authoritative recording and transcript are, and Hush fetches them itself. Nothing an
 * event carries is ever redacted in place of that data.
 */
import * as z from 'zod';
import { policyError } from '../../policy/problems.js';
import { ApiError } from '../http/errors.js';
import { formatId, httpUrl } from '../http/schemas/common.js';
import { jobOptions, patterns, regionList } from '../http/schemas/jobs.js';
import type { InboundKind } from './source.js';

const id = z.string().min(1).max(200);

/**
 * Hush's own event, for any system that can point at a recording and a transcript by URL; its
 * fields mean what they mean in a job request.
 */
const genericEvent = z.object({
  id,
  type: z.enum(['recording.ready', 'transcript.ready']),
  callId: id.optional(),
  recordingUrl: httpUrl,
  transcriptUrl: httpUrl.optional(),
  transcriptFormat: formatId.optional(),
  /** Explicit regions, instead of a transcript. */
  regions: regionList.optional(),
  patterns,
  metadata: jobOptions.shape.metadata,
});

/**
 * What a customer's relay sends for a Genesys Cloud conversation. Genesys publishes no signed
 * webhook: events come from a notification channel or Amazon EventBridge, and the relay forwards
 * the ids of the conversation (and, when it knows them, the communication and the recording).
 */
const genesysEvent = z.object({
  /** The relay's event id (EventBridge event id, notification correlation id…). */
  id,
  conversationId: z.guid(),
  communicationId: z.guid().optional(),
  recordingId: z.guid().optional(),
  /** The Genesys topic the relay got it from, kept for the record. */
  topicName: z.string().max(300).optional(),
});

/** Symbl's job webhook, unsigned: the job id and its status, nothing more. */
const symblEvent = z.object({
  id,
  status: z.enum(['scheduled', 'in_progress', 'completed', 'failed']),
});

export type GenericEvent = z.output<typeof genericEvent>;

export type InboundHint =
  | { kind: 'generic'; eventId: string; event: GenericEvent }
  | {
      kind: 'genesys';
      eventId: string;
      conversationId: string;
      communicationId: string | null;
      recordingId: string | null;
      topicName: string | null;
    }
  | { kind: 'symbl'; eventId: string; jobId: string; status: z.output<typeof symblEvent>['status'] };

/** A platform's hint, which only that platform's connector can turn into a job. */
export type PlatformHint = Exclude<InboundHint, { kind: 'generic' }>;

function parseWith<S extends z.ZodType>(schema: S, json: unknown, origin: string): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiError(400, 'VALIDATION', policyError(origin, result.error.issues, json).message);
  }
  return result.data;
}

/** The hint in a raw body; throws a 400 ApiError naming the field at fault, never its value. */
export function parseHint(kind: InboundKind, rawBody: Buffer): InboundHint {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ApiError(400, 'BAD_JSON', 'the event body is not valid JSON');
  }
  const origin = `${kind} event`;
  switch (kind) {
    case 'generic': {
      const event = parseWith(genericEvent, json, origin);
      return { kind, eventId: event.id, event };
    }
    case 'genesys': {
      const event = parseWith(genesysEvent, json, origin);
      return {
        kind,
        eventId: event.id,
        conversationId: event.conversationId,
        communicationId: event.communicationId ?? null,
        recordingId: event.recordingId ?? null,
        topicName: event.topicName ?? null,
      };
    }
    case 'symbl': {
      const event = parseWith(symblEvent, json, origin);
      // Symbl posts once per status change of the same job: each change is its own event.
      return { kind, eventId: `${event.id}:${event.status}`, jobId: event.id, status: event.status };
    }
  }
}
