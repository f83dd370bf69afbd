/**
 * One attempt at one claimed job, in a private temporary folder that is always removed: the inputs
 * fetched, the settings built, the job run as `hush redact` runs it (`runRedactJob`), then
 * `verifying` while its outputs are stored and checked against the hashes its verification took,
 * one audit entry, and the result recorded. A lease lost at any point stops the attempt before it
 * publishes anything more; the store records nothing from it.
 *
 * States and progress: claimed (`running`, 0) → inputs in, job running (0.1) → verifying (0.8) →
 * completed or failed. Bad input and a failed verification fail the job at once (the latter with
 * its report); network, storage and internal errors fail the attempt, and the store retries it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AudioLimits } from '../../audio/validate.js';
import type { AuditEntry } from '../../audit/entry.js';
import { auditEntry, type JobFacts } from '../../job/report.js';
import { EXIT, runRedactJob, type JobOutcome } from '../../job/run.js';
import type { UrlPolicy } from '../../net/safe-fetch.js';
import type { ServiceBackend } from '../backend.js';
import type { FileStore } from '../files/store.js';
import type { JobRecord, JobResult } from '../jobs/job.js';
import type { AttemptFailure } from '../jobs/store.js';
import type { Logger } from '../log.js';
import type { ServiceMetrics } from '../metrics.js';
import { attemptFailure, errorKind } from './failure.js';
import { fetchInputs, type LocalInputs } from './inputs.js';
import type { HeldLease } from './lease.js';
import {
  attemptLabels,
  relabelFacts,
  relabelText,
  storeOutput,
  storeReport,
  type Labels,
} from './publish.js';
import { jobSettings } from './settings.js';

export interface AttemptDeps {
  backend: ServiceBackend;
  files: FileStore;
  metrics: ServiceMetrics;
  logger: Logger;
  urlPolicy: UrlPolicy;
  hushVersion: string;
  limits?: AudioLimits;
}

/** How an attempt ended, as the metrics count it. */
export type AttemptOutcome = 'completed' | 'retry' | 'failed' | 'lease-lost';

interface Context {
  held: HeldLease;
  deps: AttemptDeps;
  dir: string;
  log: Logger;
}

async function advance(ctx: Context, state: 'running' | 'verifying', progress: number): Promise<boolean> {
  if (ctx.held.lost) return false;
  const held = await ctx.deps.backend.jobs.advance(ctx.held.lease, state, progress);
  if (!held) ctx.held.markLost();
  else ctx.log.debug({ state, progress }, 'job progress');
  return held;
}

async function failAttempt(
  ctx: Context,
  failure: AttemptFailure,
  result?: JobResult,
): Promise<AttemptOutcome> {
  if (ctx.held.lost) return 'lease-lost';
  const record = await ctx.deps.backend.jobs.fail(ctx.held.lease, failure, result);
  if (record === null) {
    ctx.held.markLost();
    return 'lease-lost';
  }
  const final = record.state === 'failed';
  ctx.log.warn(
    { state: record.state, permanent: failure.permanent, reason: failure.reason },
    final ? 'job failed' : 'attempt failed; job queued to retry',
  );
  return final ? 'failed' : 'retry';
}

/** Appends the attempt's audit entry, once the lease is confirmed; its place in the chain, or null when the lease is lost. */
async function audit(ctx: Context, entry: AuditEntry): Promise<number | null> {
  if (!(await ctx.held.confirm())) return null;
  return (await ctx.deps.backend.audit.append(entry)).seq;
}

/** A job stopped by bad input or an internal error: its audit entry, when it had a recording to describe, and the failure. */
async function stopped(
  ctx: Context,
  run: Extract<JobOutcome, { error: unknown }>,
  facts: JobFacts | null,
  labels: Labels,
): Promise<AttemptOutcome> {
  if (run.exitCode === EXIT.internal) ctx.log.error(errorKind(run.error), 'internal error in the job');
  const failure = attemptFailure(run.error);
  if (facts !== null && (await audit(ctx, auditEntry(facts))) === null) return 'lease-lost';
  return failAttempt(ctx, { ...failure, reason: relabelText(failure.reason, labels, ctx.dir) });
}

/** A job that ran to the end: outputs stored (the report alone when verification failed), audited, recorded. */
async function finished(
  ctx: Context,
  job: JobRecord,
  run: Extract<JobOutcome, { published: unknown }>,
  facts: JobFacts,
): Promise<AttemptOutcome> {
  if (!(await advance(ctx, 'verifying', 0.8))) return 'lease-lost';
  const { files } = ctx.deps;
  const passed = run.exitCode === EXIT.ok;
  const { audio, transcript } = run.published;
  const recording =
    passed && audio !== null ? await storeOutput(files, job.id, audio, facts.audioOutput!) : null;
  const keptTranscript =
    passed && transcript !== null && job.request.includeTranscript
      ? await storeOutput(files, job.id, transcript, facts.transcriptOutput!)
      : null;
  const report = await storeReport(files, job.id, facts, basename(run.published.report), ctx.dir);
  const entry = auditEntry(facts);
  const auditSeq = await audit(ctx, entry);
  if (auditSeq === null) return 'lease-lost';

  const result: JobResult = {
    recording,
    transcript: keptTranscript,
    report,
    regions: entry.regions,
    counts: run.report.found.counts,
    verification: entry.verification,
    auditSeq,
  };
  if (!passed) return failAttempt(ctx, { reason: facts.failure!, permanent: true }, result);
  if (ctx.held.lost || (await ctx.deps.backend.jobs.complete(ctx.held.lease, result)) === null) {
    ctx.held.markLost();
    return 'lease-lost';
  }
  for (const [type, count] of Object.entries(result.counts)) ctx.deps.metrics.entities.inc({ type }, count);
  ctx.log.info(
    { state: 'completed', counts: result.counts, regions: result.regions.length, jobMs: facts.latencyMs },
    'job completed',
  );
  return 'completed';
}

async function attempt(ctx: Context): Promise<AttemptOutcome> {
  const { backend } = ctx.deps;
  const job = await backend.jobs.get(ctx.held.lease.jobId);
  if (job === null) return failAttempt(ctx, { reason: 'the job record is missing', permanent: true });
  const outDir = join(ctx.dir, 'out');
  let inputs: LocalInputs;
  let run: JobOutcome;
  try {
    const settings = await jobSettings(job.request, ctx.dir, ctx.deps);
    inputs = await fetchInputs(job.request, join(ctx.dir, 'in'), ctx.deps);
    if (!(await advance(ctx, 'running', 0.1))) return 'lease-lost';
    run = await runRedactJob({ jobId: job.id, ...inputs, outDir }, settings);
  } catch (error) {
    return failAttempt(ctx, attemptFailure(error));
  }
  if (ctx.held.lost) return 'lease-lost';

  const labels = attemptLabels(job, inputs, outDir);
  const facts = run.facts === null ? null : relabelFacts(run.facts, labels, ctx.dir);
  try {
    if ('error' in run) return await stopped(ctx, run, facts, labels);
    return await finished(ctx, job, run, facts!);
  } catch (error) {
    // Storage or the audit store failed on the way: the attempt is retried from the start.
    ctx.log.error(errorKind(error), 'could not publish the job');
    return failAttempt(ctx, attemptFailure(error));
  }
}

/** Runs one attempt under `held`, records how it ended in the metrics, and always removes its folder. */
export async function runAttempt(held: HeldLease, deps: AttemptDeps): Promise<AttemptOutcome> {
  const started = performance.now();
  const log = deps.logger.child({ jobId: held.lease.jobId, attempt: held.lease.attempt });
  log.info({ state: 'running' }, 'job claimed');
  let dir: string | null = null;
  let outcome: AttemptOutcome;
  try {
    dir = await mkdtemp(join(tmpdir(), 'hush-job-'));
    outcome = await attempt({ held, deps, dir, log });
  } catch (error) {
    // The store could not be told how the attempt ended: the lease expires and the job is retried.
    log.error(errorKind(error), 'attempt ended without its result recorded');
    outcome = 'lease-lost';
  } finally {
    held.release();
    if (dir !== null) await rm(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  deps.metrics.attempts.inc({ outcome });
  deps.metrics.attemptSeconds.observe({ outcome }, seconds);
  log.info({ outcome, durationMs: Math.round(seconds * 1000) }, 'attempt finished');
  return outcome;
}
