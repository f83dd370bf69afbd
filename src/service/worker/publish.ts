/**
 * What a finished run leaves in the service. The facts name files by the attempt's temporary paths;
 * the report and the audit entry name them as the service knows them instead (uploads and outputs
 * by their storage keys, URLs without their query). Outputs are stored under
 * `jobs/<id>/output/<name>` and checked against the hashes the job's verification took: what the
 * caller downloads is what was verified.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import type { AuditFile } from '../../audit/entry.js';
import { jobReport, type JobFacts } from '../../job/report.js';
import type { FileStore } from '../files/store.js';
import type { JobInput, JobRecord, StoredFile } from '../jobs/job.js';
import { withoutQuery } from '../log.js';
import { AttemptError } from './failure.js';
import type { LocalInputs } from './inputs.js';

/** Local path → the name the service gives it. */
export type Labels = ReadonlyMap<string, string>;

export function outputKey(jobId: string, name: string): string {
  return `jobs/${jobId}/output/${name}`;
}

function inputLabel(input: JobInput): string {
  return input.kind === 'file' ? input.key : withoutQuery(input.url);
}

/**
 * Labels for the attempt's files: inputs, and the outputs the job writes into `outDir` (named as
 * the job names them, see job/paths.ts). A transcript output the caller did not ask to keep is
 * described (its hash proves what was verified) but has no key.
 */
export function attemptLabels(job: JobRecord, inputs: LocalInputs, outDir: string): Labels {
  const labels = new Map<string, string>([[inputs.audio, inputLabel(job.request.recording)]]);
  const audioOut = join(outDir, basename(inputs.audio));
  labels.set(audioOut, outputKey(job.id, basename(audioOut)));
  if (inputs.transcript !== undefined && job.request.transcript !== null) {
    labels.set(inputs.transcript, inputLabel(job.request.transcript));
    const name = basename(inputs.transcript);
    labels.set(
      join(outDir, name),
      job.request.includeTranscript
        ? outputKey(job.id, name)
        : `${name} (not kept: includeTranscript is false)`,
    );
  }
  if (inputs.regions !== undefined) labels.set(inputs.regions, 'regions (from the request)');
  return labels;
}

/** `text` with every labelled path replaced, and any other path in `dir` cut to its name within it. */
export function relabelText(text: string, labels: Labels, dir: string): string {
  let out = text;
  // Longest first, so that no path is cut inside a longer one.
  const paths = [...labels.keys()].sort((a, b) => b.length - a.length);
  for (const path of paths) out = out.replaceAll(path, labels.get(path)!);
  return out.replaceAll(`${dir}${sep}`, '');
}

/** The facts with files named by their labels, for the report and the audit entry. */
export function relabelFacts(facts: JobFacts, labels: Labels, dir: string): JobFacts {
  const file = <T extends AuditFile | null>(described: T): T =>
    described === null
      ? described
      : { ...described, file: labels.get(described.file) ?? relabelText(described.file, labels, dir) };
  return {
    ...facts,
    audio: file(facts.audio),
    transcriptFile: file(facts.transcriptFile),
    transcriptOutput: file(facts.transcriptOutput),
    regionList: file(facts.regionList),
    audioOutput: file(facts.audioOutput),
    failure: facts.failure === null ? null : relabelText(facts.failure, labels, dir),
  };
}

/** Stores `local` under `key` and checks the stored object's hash against `sha256`. */
async function store(files: FileStore, key: string, local: string, sha256: string): Promise<StoredFile> {
  let stored;
  try {
    stored = await files.put(key, local);
  } catch {
    throw new AttemptError(`could not store the output ${basename(key)}`, false);
  }
  if (stored.sha256 !== sha256)
    throw new AttemptError(`the stored output ${basename(key)} differs from the verified one`, false);
  return { key: stored.key, name: basename(key), bytes: stored.bytes, sha256: stored.sha256 };
}

/** Writes the report for `facts` (already relabelled) beside the outputs and stores it. */
export async function storeReport(
  files: FileStore,
  jobId: string,
  facts: JobFacts,
  name: string,
  dir: string,
): Promise<StoredFile> {
  const text = `${JSON.stringify(jobReport(facts), null, 2)}\n`;
  const local = join(dir, name);
  await writeFile(local, text);
  return store(files, outputKey(jobId, name), local, createHash('sha256').update(text).digest('hex'));
}

/** Stores a published output under the job's output key for its name, checked against the hash the job verified. */
export function storeOutput(
  files: FileStore,
  jobId: string,
  local: string,
  verified: AuditFile,
): Promise<StoredFile> {
  return store(files, outputKey(jobId, basename(local)), local, verified.sha256);
}
