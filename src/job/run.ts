/**
 * One redaction job, as `hush redact` runs it and `hush batch` runs many: a recording with its
 * transcript (or a list of regions) in; the redacted recording, the redacted transcript and a
 * report out, published all together or not at all; and the facts an audit entry is made of,
 * whatever happened. Bad input (exit 2) leaves nothing in the output folder; a verification
 * failure (exit 3) publishes the report only, marked failed.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Policy } from '../core/policy.js';
import { parseRegionList } from '../core/region-list.js';
import { planRegions, type Region } from '../core/regions.js';
import { HushError } from '../errors.js';
import type { RawFormat } from '../audio/pcm/raw.js';
import { redactAudio, type ModeRequest } from '../audio/redact.js';
import { checkRegionsFit, inspectAudio, type AudioLimits, type AudioSource } from '../audio/validate.js';
import { hashViewsInWorker } from '../audio/verify/hashing.js';
import type { AuditFile } from '../audit/entry.js';
import { ioError } from '../files.js';
import { sha256File } from '../audio/verify/outside.js';
import { readText, stageFile } from '../files.js';
import type { TranscriptRedaction } from './transcript-redaction.js';
import { jobOutputs, type JobInputs, type JobOutputs } from './paths.js';
import { jobReport, type JobFacts, type JobReport } from './report.js';

/** Exit codes a job ends with (see main.ts). */
export const EXIT = { ok: 0, badInput: 2, verificationFailed: 3, internal: 70 } as const;

export interface RedactJob extends JobInputs {
  /** sha256 of the recording when the caller already has it (batch hashes first, to skip work done). */
  audioSha256?: string;
  /** The id the report and the audit entry carry (the service's job id); a fresh UUID when absent. */
  jobId?: string;
}

/** What every job of a run shares. Plain data: batch sends it to its worker threads. */
export interface JobSettings {
  policy: Policy;
  /** sha256 of the policy and the replacement settings as applied (see settings.ts). */
  policySha256: string;
  /** Transcript format id; recognised from the content when absent. */
  transcriptFormat?: string;
  mode: ModeRequest;
  /** The clip as the user named it (file or URL), for the report; `mode.file` may be a download. */
  clipOrigin?: string;
  raw?: RawFormat;
  limits: AudioLimits;
  hushVersion: string;
}

/** A job that ran to the end: its outputs published (exit 0), or only its report, marked failed (exit 3). */
export interface FinishedJob {
  exitCode: typeof EXIT.ok | typeof EXIT.verificationFailed;
  /** Which check failed, in words that hold no content; absent when the job succeeded. */
  failure?: string;
  /** Paths published (null where nothing was). */
  published: { audio: string | null; transcript: string | null; report: string };
  /** The report's content, as written to `published.report`. */
  report: JobReport;
  facts: JobFacts;
}

/** A job stopped by bad input (exit 2) or an internal error (exit 70): nothing was published. */
export interface StoppedJob {
  exitCode: typeof EXIT.badInput | typeof EXIT.internal;
  /** The reason, in words that hold no content. */
  failure: string;
  error: unknown;
  /** The facts for the audit entry; null when there was no readable recording to describe. */
  facts: JobFacts | null;
}

export type JobOutcome = FinishedJob | StoppedJob;

async function describeFile(file: string, sha256?: string | null): Promise<AuditFile> {
  const [hash, info] = await Promise.all([sha256 ?? sha256File(file), stat(file)]);
  return { file, sha256: hash, bytes: info.size };
}

function stopped(error: unknown, facts: JobFacts | null): StoppedJob {
  if (error instanceof HushError) return { exitCode: EXIT.badInput, failure: error.message, error, facts };
  // Anything else may carry content in its message: say only that it happened.
  return { exitCode: EXIT.internal, failure: 'internal error (details withheld)', error, facts };
}

interface Regions {
  regions: Region[];
  transcript: TranscriptRedaction | null;
  transcriptFile: AuditFile | null;
  regionList: AuditFile | null;
}

async function findRegions(job: RedactJob, outputs: JobOutputs, settings: JobSettings): Promise<Regions> {
  if (job.transcript !== undefined) {
    // Loaded only for a transcript: the detection engine builds its tables as it loads, a cost
    // a job given its regions has no use for.
    const { stageTranscriptRedaction } = await import('./transcript-redaction.js');
    const transcript = await stageTranscriptRedaction({
      file: job.transcript,
      out: outputs.transcript!,
      policy: settings.policy,
      format: settings.transcriptFormat,
    });
    const regions = planRegions(transcript.detection, settings.policy);
    return { regions, transcript, transcriptFile: await describeFile(job.transcript), regionList: null };
  }
  if (job.regions !== undefined) {
    const regions = parseRegionList(await readText(job.regions), job.regions);
    return { regions, transcript: null, transcriptFile: null, regionList: await describeFile(job.regions) };
  }
  throw new HushError('USAGE', `${job.audio}: no transcript or regions file to say what to redact`);
}

export async function runRedactJob(job: RedactJob, settings: JobSettings): Promise<JobOutcome> {
  const started = performance.now();
  let outputs: JobOutputs;
  try {
    outputs = await jobOutputs(job);
    const info = await stat(job.audio).catch((error: unknown) =>
      Promise.reject(ioError(job.audio, error, 'read the file')),
    );
    if (!info.isFile()) throw new HushError('IO', `${job.audio}: not a regular file`);
  } catch (error) {
    // Not a job yet: a usage error, or a recording that is not there.
    return stopped(error, null);
  }

  const facts: JobFacts = {
    jobId: job.jobId ?? randomUUID(),
    settings,
    audio: null,
    source: null,
    transcript: null,
    transcriptFile: null,
    transcriptOutput: null,
    regionList: null,
    regions: [],
    audioResult: null,
    audioOutput: null,
    status: 'failed',
    failure: null,
    latencyMs: 0,
    finishedAt: '',
  };
  // Given a transcript, a copy's input hash is taken on a worker thread from the moment the
  // recording passed validation, while this thread reads and checks the transcript. Given regions,
  // there is nothing to overlap it with: the redaction takes it, with the other hashes it takes of
  // the input (from the same read where it can). In place, the redaction hashes the recording
  // itself, just before its first byte changes.
  let inputSha256: Promise<string> | undefined =
    job.audioSha256 === undefined ? undefined : Promise.resolve(job.audioSha256);
  const finish = async (): Promise<void> => {
    // The redaction hashes the recording on its way; a job stopped before it hashes it here.
    facts.audio = await describeFile(
      job.audio,
      job.audioSha256 ?? facts.audioResult?.sha256.input ?? (await inputSha256),
    );
    facts.latencyMs = Math.round(performance.now() - started);
    facts.finishedAt = new Date().toISOString();
  };
  let staged: TranscriptRedaction | null = null;
  const fail = async (error: unknown): Promise<StoppedJob> => {
    await staged?.staged.discard();
    const outcome = stopped(error, facts);
    facts.failure = outcome.failure;
    // A recording that could not even be hashed cannot be described in the audit log.
    return finish().then(
      () => outcome,
      () => ({ ...outcome, facts: null }),
    );
  };

  let source: AudioSource;
  try {
    source = await inspectAudio(job.audio, { raw: settings.raw, limits: settings.limits });
    facts.source = source;
    if (inputSha256 === undefined && !job.inPlace && job.transcript !== undefined) {
      inputSha256 = hashViewsInWorker(job.audio, [{ changed: [], inside: 'omit' }]).then(([hash]) => hash!);
      inputSha256.catch(() => {}); // awaited later, or not at all when the job stops first
    }
    const found = await findRegions(job, outputs, settings);
    staged = found.transcript;
    facts.transcript = staged;
    facts.transcriptFile = found.transcriptFile;
    facts.regionList = found.regionList;
    facts.regions = found.regions;
    checkRegionsFit(found.regions, source);
  } catch (error) {
    return fail(error);
  }

  try {
    const transcriptPassed = staged === null || staged.problems.length === 0;
    // A transcript that failed verification stops the job before the recording is touched.
    if (transcriptPassed) {
      facts.audioResult = await redactAudio({
        source,
        output: outputs.audio,
        regions: facts.regions,
        mode: settings.mode,
        inPlace: job.inPlace,
        ...(inputSha256 && !job.inPlace ? { inputSha256 } : {}),
      });
    }
    const passed = transcriptPassed && facts.audioResult?.output != null;
    if (staged && passed) {
      await staged.staged.commit();
      facts.transcriptOutput = await describeFile(outputs.transcript!);
    } else await staged?.staged.discard();
    if (passed) facts.audioOutput = await describeFile(outputs.audio, facts.audioResult?.sha256.output);
    facts.status = passed ? 'succeeded' : 'failed';
    if (!passed)
      facts.failure = transcriptPassed ? 'audio verification failed' : 'transcript verification failed';
    await finish();
    const report = jobReport(facts);
    const reportFile = await stageFile(outputs.report, `${JSON.stringify(report, null, 2)}\n`);
    await reportFile.commit();
    return {
      exitCode: passed ? EXIT.ok : EXIT.verificationFailed,
      ...(passed ? {} : { failure: facts.failure! }),
      published: {
        audio: passed ? outputs.audio : null,
        transcript: facts.transcriptOutput === null ? null : outputs.transcript,
        report: outputs.report,
      },
      report,
      facts,
    };
  } catch (error) {
    return fail(error);
  }
}
