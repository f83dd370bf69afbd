/**
 * What a job leaves behind for people and auditors, from one set of facts: the report
 * (`<name>.report.json`, also what `--json` prints) and the audit entry. Both hold types, counts,
 * times, hashes and figures; never a transcript word or a detected value.
 */
import { basename } from 'node:path';
import type { Region } from '../core/regions.js';
import type { AudioRedactionResult, TimeRegion } from '../audio/redact.js';
import type { AudioSource } from '../audio/validate.js';
import type { AudioVerification } from '../audio/verification.js';
import type { AuditCheck, AuditEntry, AuditFile } from '../audit/entry.js';
import { countByType, entityReport, problemReport, seconds } from './findings.js';
import type { TranscriptRedaction } from './transcript-redaction.js';
import type { JobSettings } from './run.js';

/** Everything known about a job when it ends, succeeded or not. */
export interface JobFacts {
  jobId: string;
  settings: JobSettings;
  /** The recording as read (null only while the job runs). */
  audio: AuditFile | null;
  /** The recording as validation described it; null when validation refused it. */
  source: AudioSource | null;
  transcript: TranscriptRedaction | null;
  /** The transcript file as read. */
  transcriptFile: AuditFile | null;
  transcriptOutput: AuditFile | null;
  /** The regions document, when regions were given instead of a transcript. */
  regionList: AuditFile | null;
  regions: Region[];
  /** null when the job stopped before the recording was redacted. */
  audioResult: AudioRedactionResult | null;
  audioOutput: AuditFile | null;
  status: 'succeeded' | 'failed';
  failure: string | null;
  latencyMs: number;
  /** ISO 8601. */
  finishedAt: string;
}

const span = (region: TimeRegion) => ({
  start: seconds(region.start),
  end: seconds(region.end),
  channel: region.channel,
});

/** The replacement as applied, without the clip's samples. */
function modeReport(settings: JobSettings) {
  const { mode } = settings;
  if (mode.kind !== 'clip') return mode;
  return { kind: mode.kind, clip: settings.clipOrigin ?? basename(mode.file), levelDbfs: mode.levelDbfs };
}

/** Levels to 0.1 dB; digital silence (-Infinity, which JSON cannot hold) as null. */
const dbfs = (level: number): number | null => (Number.isFinite(level) ? Math.round(level * 10) / 10 : null);

function audioVerificationReport(verification: AudioVerification) {
  return {
    ...verification,
    regions: verification.regions.map((check) => ({
      ...check,
      ...span(check),
      levelDbfs: dbfs(check.levelDbfs),
    })),
  };
}

/** The report document. Times are seconds unless a key says ms. */
export function jobReport(facts: JobFacts) {
  const { transcript, audioResult, source } = facts;
  const detection = transcript?.detection;
  return {
    hush: facts.settings.hushVersion,
    jobId: facts.jobId,
    status: facts.status,
    failure: facts.failure,
    finishedAt: facts.finishedAt,
    latencyMs: facts.latencyMs,
    input: {
      audio:
        facts.audio === null
          ? null
          : {
              ...facts.audio,
              format: source?.format ?? null,
              durationMs: source?.durationMs ?? null,
              sampleRate: source?.sampleRate ?? null,
              channels: source?.channels ?? null,
            },
      transcript:
        transcript && facts.transcriptFile ? { ...facts.transcriptFile, format: transcript.format.id } : null,
      regions: facts.regionList,
    },
    output: {
      audio: facts.audioOutput,
      transcript: transcript
        ? {
            ...facts.transcriptOutput,
            words: transcript.transcript.words.length,
            edits: transcript.edits.length,
          }
        : null,
    },
    policySha256: facts.settings.policySha256,
    mode: modeReport(facts.settings),
    path: audioResult?.path ?? null,
    found: {
      counts: detection ? countByType(detection) : {},
      entities: detection ? detection.entities.map((entity) => entityReport(entity, false)) : [],
    },
    regions: facts.regions.map((region) => ({ ...span(region), types: region.types })),
    replaced: audioResult ? audioResult.replaced.map(span) : [],
    verification: {
      passed: facts.status === 'succeeded',
      audio: audioResult ? audioVerificationReport(audioResult.verification) : null,
      transcript: transcript
        ? { passed: transcript.problems.length === 0, problems: transcript.problems.map(problemReport) }
        : null,
    },
  };
}

export type JobReport = ReturnType<typeof jobReport>;

/** A level for people: `-23.4 dBFS`, or `digital silence`. */
export const levelText = (dbfs: number): string =>
  Number.isFinite(dbfs) ? `${dbfs.toFixed(1)} dBFS` : 'digital silence';

/** The verification as named checks with their figures. */
function auditChecks(facts: JobFacts): AuditCheck[] {
  const checks: AuditCheck[] = [];
  const verification = facts.audioResult?.verification;
  if (verification) {
    const loudest = Math.max(...verification.regions.map((check) => check.levelDbfs));
    checks.push(
      {
        name: 'region-levels',
        passed: verification.regions.every((check) => check.passed),
        detail: `${verification.regions.length} region(s), loudest ${verification.regions.length ? levelText(loudest) : 'none'}`,
      },
      {
        name: 'duration',
        passed: verification.duration.passed,
        detail: `${verification.duration.inputMs} ms → ${verification.duration.outputMs} ms`,
      },
      {
        name: 'format',
        passed: verification.format.passed,
        detail: `${verification.format.input} → ${verification.format.output}`,
      },
      {
        name: 'channels',
        passed: verification.channels.passed,
        detail: `${verification.channels.input} → ${verification.channels.output}`,
      },
    );
    if (verification.outside) {
      checks.push({
        name: 'outside-bytes',
        passed: verification.outside.passed,
        detail: `sha256 ${verification.outside.inputSha256} → ${verification.outside.outputSha256}`,
      });
    }
  }
  if (facts.transcript) {
    const { problems } = facts.transcript;
    checks.push({
      name: 'transcript-rescan',
      passed: problems.length === 0,
      detail: `${problems.length} problem(s)${problems.length ? `: ${problems.map((p) => p.type ?? p.check).join(', ')}` : ''}`,
    });
  }
  return checks;
}

/** The audit entry; `facts.audio` must be known (the job had a recording). */
export function auditEntry(facts: JobFacts): AuditEntry {
  const { source, transcript } = facts;
  const transcriptInput =
    transcript && facts.transcriptFile
      ? { ...facts.transcriptFile, format: transcript.format.id }
      : facts.regionList && { ...facts.regionList, format: 'regions' };
  return {
    jobId: facts.jobId,
    kind: 'redact',
    status: facts.status,
    at: facts.finishedAt,
    hushVersion: facts.settings.hushVersion,
    input: {
      ...facts.audio!,
      format: source?.format ?? 'unknown',
      durationMs: source?.durationMs ?? null,
      channels: source?.channels ?? null,
    },
    output: facts.audioOutput,
    transcript: transcriptInput ? { input: transcriptInput, output: facts.transcriptOutput } : null,
    policySha256: facts.settings.policySha256,
    mode: facts.settings.mode.kind,
    regions: facts.regions.map(span),
    counts: transcript ? countByType(transcript.detection) : {},
    verification: { passed: facts.status === 'succeeded', checks: auditChecks(facts) },
    latencyMs: facts.latencyMs,
    ...(facts.failure === null ? {} : { failure: facts.failure }),
  };
}
