/**
 * What one redaction job leaves in the audit trail: enough for an auditor to check later what was
 * found, where, what was done and how it was verified, and never a sensitive value (counts per
 * type and times only).
 */
import type { EntityType } from '../core/entities.js';

export type AuditJobKind = 'redact';
export type AuditJobStatus = 'succeeded' | 'failed';

export interface AuditFile {
  /** Path as the job was given it. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface AuditCheck {
  /** Short name of the check, e.g. `region-levels`, `duration`, `outside-bytes`, `transcript-rescan`. */
  name: string;
  passed: boolean;
  /** Figures behind the result (levels, durations, hashes), never content. */
  detail?: string;
}

/** One job's record, as the job writes it; the log adds its place in the chain. */
export interface AuditEntry {
  jobId: string;
  kind: AuditJobKind;
  status: AuditJobStatus;
  /** When the job finished, ISO 8601. */
  at: string;
  hushVersion: string;
  input: AuditFile & {
    /** Container / encoding, e.g. `wav/mulaw`, `mp3`, `ogg/opus`. */
    format: string;
    durationMs: number | null;
    channels: number | null;
  };
  /** The redacted recording; null when the job failed before publishing one. */
  output: AuditFile | null;
  /** The transcript read, and its redacted copy. */
  transcript: { input: AuditFile & { format: string }; output: AuditFile | null } | null;
  /** sha256 of the policy as applied (canonical JSON). */
  policySha256: string;
  mode: 'silence' | 'beep' | 'noise' | 'clip';
  /** Regions silenced, seconds. */
  regions: { start: number; end: number; channel: number | null }[];
  counts: Partial<Record<EntityType, number>>;
  verification: { passed: boolean; checks: AuditCheck[] };
  latencyMs: number;
  /** Why the job failed, in words that hold no content. */
  failure?: string;
}
