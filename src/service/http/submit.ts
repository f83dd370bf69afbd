/**
 * Creating a job from a checked request: uploads copied into the FileStore under
 * `jobs/<id>/input/<safe name>`, then the job committed. When the idempotency key names a job that
 * already exists, or anything fails, the copies are removed again: a repeat stores nothing new.
 */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { parseRegionList } from '../../core/region-list.js';
import { HushError } from '../../errors.js';
import { allowedAddresses, bareHostname, checkUrl, type UrlPolicy } from '../../net/url-policy.js';
import type { FileStore } from '../files/store.js';
import type { JobInput, JobRecord, JobRegion, JobRequest } from '../jobs/job.js';
import type { ApiDeps } from './app.js';
import type { Caller } from './auth.js';
import { ApiError } from './errors.js';
import { patternPolicy } from './patterns.js';
import type { Upload } from './schemas/common.js';
import type { JobOptions } from './schemas/jobs.js';

export type InputSource = { kind: 'upload'; upload: Upload } | { kind: 'url'; url: string };

export interface Submission {
  recording: InputSource;
  /** A transcript to detect on, or explicit regions: one of the two. */
  transcript: InputSource | null;
  regions: JobRegion[] | null;
  options: JobOptions;
}

/** The upload or the URL given for `field`, null when neither; a 400 when both. */
export function inputSource(
  field: 'recording' | 'transcript',
  upload: Upload | undefined,
  url: string | undefined,
): InputSource | null {
  if (upload !== undefined && url !== undefined) {
    throw new ApiError(400, 'VALIDATION', `send either a "${field}" file or a "${field}Url", not both`);
  }
  if (upload !== undefined) return { kind: 'upload', upload };
  if (url !== undefined) return { kind: 'url', url };
  return null;
}

/** The source, or a 400 saying how to send it. */
export function required(field: 'recording' | 'transcript', source: InputSource | null): InputSource {
  if (source !== null) return source;
  // Hush does not transcribe: without a transcript nothing says what to redact.
  const instead =
    field === 'transcript' ? '; to silence known times without one, use POST /v1/redaction/regions' : '';
  throw new ApiError(
    400,
    'VALIDATION',
    `${field} is required: send a "${field}" file part (multipart/form-data) or a "${field}Url"${instead}`,
  );
}

/**
 * Refuses now what the SSRF guard would refuse at fetch time without a DNS lookup: other schemes,
 * plain http to hosts not allow-listed, credentials in the URL, and literal non-public addresses.
 * Names resolve when the worker fetches (and are checked again there).
 */
async function checkInputUrl(field: string, text: string, policy: UrlPolicy): Promise<void> {
  const url = new URL(text);
  try {
    checkUrl(url, policy);
    if (isIP(bareHostname(url.hostname)) !== 0)
      await allowedAddresses(url, policy, AbortSignal.timeout(1000));
  } catch (error) {
    if (error instanceof HushError) throw new ApiError(400, 'VALIDATION', `${field}: ${error.message}`);
    throw error;
  }
}

/** Regions as the core reads them (the parser `--regions` uses): integer ms, rounded outwards. */
export function jobRegions(list: readonly unknown[]): JobRegion[] {
  return parseRegionList(JSON.stringify(list), 'regions').map(({ start, end, channel }) => ({
    start,
    end,
    channel,
  }));
}

/** Checks what the schemas cannot: patterns, the replacement and URL targets. */
export async function checkSubmission(submission: Submission, policy: UrlPolicy): Promise<void> {
  const { options } = submission;
  patternPolicy(options.patterns);
  const custom = options.replacementType === 'customAudioUrl';
  if (custom && options.customAudioUrl === undefined) {
    throw new ApiError(400, 'VALIDATION', 'replacementType customAudioUrl needs a customAudioUrl');
  }
  if (!custom && options.customAudioUrl !== undefined) {
    throw new ApiError(400, 'VALIDATION', 'customAudioUrl goes with replacementType customAudioUrl');
  }
  const urls: [string, string | undefined][] = [
    ['recordingUrl', submission.recording.kind === 'url' ? submission.recording.url : undefined],
    ['transcriptUrl', submission.transcript?.kind === 'url' ? submission.transcript.url : undefined],
    ['customAudioUrl', options.customAudioUrl],
  ];
  for (const [field, url] of urls) if (url !== undefined) await checkInputUrl(field, url, policy);
}

/** A file name safe as one FileStore key segment: letters, digits, `.`, `_`, `-`; the end kept. */
export function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-100);
  return cleaned === '' ? fallback : cleaned;
}

/** The last path segment of a URL (never its query), as a safe name. */
function urlName(text: string, fallback: string): string {
  const segment = new URL(text).pathname.split('/').pop() ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Keep the segment as written.
  }
  return safeName(decoded, fallback);
}

async function storeInput(
  files: FileStore,
  jobId: string,
  source: InputSource,
  name: string,
  stored: string[],
): Promise<JobInput> {
  if (source.kind === 'url') return { kind: 'url', url: source.url, name };
  const key = `jobs/${jobId}/input/${name}`;
  const object = await files.put(key, source.upload.path);
  stored.push(key);
  return { kind: 'file', key, name, bytes: object.bytes, sha256: object.sha256 };
}

function inputName(source: InputSource, fallback: string): string {
  return source.kind === 'url' ? urlName(source.url, fallback) : safeName(source.upload.filename, fallback);
}

export async function submitJob(
  deps: ApiDeps,
  caller: Caller,
  submission: Submission,
  idempotencyKey: string | null,
): Promise<{ job: JobRecord; created: boolean }> {
  const { files, backend, options: apiOptions } = deps;
  const { options } = submission;
  const id = randomUUID();
  const stored: string[] = [];
  const recordingName = inputName(submission.recording, 'recording');
  const transcriptSource = submission.transcript;
  let transcriptName = transcriptSource === null ? null : inputName(transcriptSource, 'transcript');
  if (transcriptName === recordingName) transcriptName = `transcript-${transcriptName}`;
  try {
    const request: JobRequest = {
      recording: await storeInput(files, id, submission.recording, recordingName, stored),
      transcript:
        transcriptSource === null
          ? null
          : await storeInput(files, id, transcriptSource, transcriptName!, stored),
      regions: submission.regions,
      transcriptFormat: options.transcriptFormat ?? null,
      patterns: options.patterns,
      replacementType: options.replacementType,
      customAudioUrl: options.customAudioUrl ?? null,
      language: options.language ?? null,
      includeTranscript: submission.transcript !== null && options.includeTranscript,
      metadata: options.metadata,
    };
    const outcome = await backend.jobs.submit({
      id,
      request,
      apiKeyId: caller.apiKeyId,
      idempotencyKey,
      maxAttempts: apiOptions.maxAttempts,
    });
    if (!outcome.created) await removeStored(files, stored);
    return outcome;
  } catch (error) {
    await removeStored(files, stored);
    throw error;
  }
}

async function removeStored(files: FileStore, keys: readonly string[]): Promise<void> {
  // Best effort: a leftover input under an unused job id harms nothing and names no job.
  await Promise.allSettled(keys.map((key) => files.delete(key)));
}
