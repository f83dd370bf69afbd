/**
 * The service's redaction job: what a caller asked for, where it stands, and what it produced.
 * Every backend (SQLite, PostgreSQL) stores exactly this. A job record holds references, settings,
 * states, hashes, counts and times; never a transcript word or a detected value.
 */
import type { AuditCheck } from '../../audit/entry.js';

/**
 * queued → running → verifying → completed; or failed (the dead-letter state: a permanent error, or
 * transient errors until the attempts ran out, with the reason) or cancelled. A transient failure
 * puts a job back to queued, due after a backoff.
 */
export const JOB_STATES = ['queued', 'running', 'verifying', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const FINAL_STATES: ReadonlySet<JobState> = new Set(['completed', 'failed', 'cancelled']);

/** A file the service holds, in its FileStore. */
export interface StoredFile {
  key: string;
  /** File name as the caller gave it (the job's outputs keep it). */
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Where an input comes from: a file uploaded with the request (already in the FileStore), or a URL
 * the worker fetches itself through the SSRF guard. URLs may carry credentials (presigned links):
 * they are stored but never logged.
 */
export type JobInput = ({ kind: 'file' } & StoredFile) | { kind: 'url'; url: string; name: string };

/** What replaces the redacted audio (the CXone recipe's `replacementType`). */
export type ReplacementType = 'silence' | 'beep' | 'customAudioUrl';

/** A region to silence, as integer ms; channel null means every channel. */
export interface JobRegion {
  start: number;
  end: number;
  channel: number | null;
}

export interface JobRequest {
  recording: JobInput;
  /** The transcript to detect on; null with explicit regions. */
  transcript: JobInput | null;
  /** Explicit regions instead of detection; null with a transcript. */
  regions: JobRegion[] | null;
  /** Transcript format id; recognised from the content when absent. */
  transcriptFormat: string | null;
  /** Entity type names and/or regular expressions (see patterns.ts); empty means the default policy. */
  patterns: string[];
  replacementType: ReplacementType;
  /** The clip for `customAudioUrl`. */
  customAudioUrl: string | null;
  /** BCP 47 tag, recorded; detection is English today. */
  language: string | null;
  /** Whether the redacted transcript is kept as an output. */
  includeTranscript: boolean;
  /** Free key → value pairs from the caller, returned with the job and in webhooks. */
  metadata: Record<string, string>;
}

/** What a completed (or verification-failed) job produced. */
export interface JobResult {
  recording: StoredFile | null;
  transcript: StoredFile | null;
  report: StoredFile;
  /** Regions silenced, seconds. */
  regions: { start: number; end: number; channel: number | null }[];
  /** Entities found per type. */
  counts: Record<string, number>;
  verification: { passed: boolean; checks: AuditCheck[] };
  /** The audit record's place in the chain. */
  auditSeq: number | null;
}

export interface JobRecord {
  id: string;
  state: JobState;
  /** 0 to 1. */
  progress: number;
  /** Attempts started so far (a claim starts one). */
  attempts: number;
  maxAttempts: number;
  request: JobRequest;
  result: JobResult | null;
  /** Why the job failed (or why the last attempt did), in words that hold no content. */
  failure: string | null;
  /** The API key that created the job; null for jobs created without keys (loopback, events). */
  apiKeyId: string | null;
  idempotencyKey: string | null;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What the API hands a backend to create. */
export interface NewJob {
  id: string;
  request: JobRequest;
  apiKeyId: string | null;
  idempotencyKey: string | null;
  maxAttempts: number;
}

/** Sent to webhook endpoints on every state change (and stored with each delivery). */
export interface JobEvent {
  /** Unique per event: the webhook-id receivers deduplicate on. */
  id: string;
  /** `job.queued`, `job.running`, `job.verifying`, `job.completed`, `job.failed`, `job.cancelled`. */
  type: `job.${JobState}`;
  /** ISO 8601. */
  at: string;
  data: {
    jobId: string;
    state: JobState;
    progress: number;
    attempts: number;
    failure: string | null;
    metadata: Record<string, string>;
    /** Present once the job finished with outputs: counts and verification, no values. */
    result: Pick<JobResult, 'counts' | 'verification' | 'regions'> | null;
  };
}
