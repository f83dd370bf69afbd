/**
 * A worker thread of `hush batch` (run by piscina, see pool.ts): fingerprints a recording, to tell
 * whether it was done already, or runs one redaction job. Tasks and results are plain data; the
 * audit entry is built here and appended by the main thread, the only writer of the log.
 */
import { access } from 'node:fs/promises';
import type { AuditEntry } from '../../audit/entry.js';
import { sha256File } from '../../audio/verify/outside.js';
import { auditEntry } from '../../job/report.js';
import { runRedactJob, type JobOutcome, type JobSettings, type RedactJob } from '../../job/run.js';

export interface FingerprintTask {
  kind: 'fingerprint';
  audio: string;
  /** The transcript or regions document. */
  source: string | null;
  /** Where this run would publish the redacted recording. */
  output: string;
}

/** sha256 of the inputs, and of the output already there (null when there is none). */
export interface Fingerprint {
  audio: string;
  source: string | null;
  output: string | null;
}

export interface RedactTask {
  kind: 'redact';
  job: RedactJob;
  settings: JobSettings;
}

/** A job's outcome without what cannot cross threads (the transcript model, errors). */
export interface JobSummary {
  exitCode: JobOutcome['exitCode'];
  failure: string | null;
  published: { audio: string | null; transcript: string | null; report: string | null };
  entry: AuditEntry | null;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function fingerprint(task: FingerprintTask): Promise<Fingerprint> {
  const [audio, source, output] = await Promise.all([
    sha256File(task.audio),
    task.source === null ? null : sha256File(task.source),
    (await exists(task.output)) ? sha256File(task.output) : null,
  ]);
  return { audio, source, output };
}

async function redact(task: RedactTask): Promise<JobSummary> {
  const outcome = await runRedactJob(task.job, task.settings);
  return {
    exitCode: outcome.exitCode,
    failure: outcome.failure ?? null,
    published: 'published' in outcome ? outcome.published : { audio: null, transcript: null, report: null },
    entry: outcome.facts === null ? null : auditEntry(outcome.facts),
  };
}

export default function run(task: FingerprintTask | RedactTask): Promise<Fingerprint | JobSummary> {
  return task.kind === 'fingerprint' ? fingerprint(task) : redact(task);
}
