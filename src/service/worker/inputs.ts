/**
 * A job's inputs, brought into the attempt's private folder: uploaded files from the FileStore,
 * URLs through the SSRF guard, explicit regions as a regions document (the format `hush redact
 * --regions` reads, so the job parses them with the same code). Local names come from the caller's
 * names, reduced to safe characters: they name the outputs too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { UrlPolicy } from '../../net/safe-fetch.js';
import type { FileStore } from '../files/store.js';
import type { JobInput, JobRequest } from '../jobs/job.js';
import { AttemptError } from './failure.js';
import { downloadUrl } from './download.js';

export interface LocalInputs {
  audio: string;
  transcript?: string;
  regions?: string;
}

export interface InputSources {
  files: FileStore;
  urlPolicy: UrlPolicy;
}

/** A caller's file name as a local one: no folders, no odd characters, never empty or dots only. */
export function localName(name: string, fallback: string): string {
  const safe = basename(name.replaceAll('\\', '/')).replace(/[^\w.-]/g, '_');
  return /^\.*$/.test(safe) ? fallback : safe;
}

async function fetchInput(input: JobInput, file: string, role: string, sources: InputSources): Promise<void> {
  if (input.kind === 'url') return downloadUrl(input.url, file, role, sources.urlPolicy);
  try {
    await sources.files.download(input.key, file);
  } catch {
    // The upload was committed with the job, so a read that fails is the storage's fault.
    throw new AttemptError(`${role}: could not read the uploaded file from storage`, false);
  }
}

export async function fetchInputs(
  request: JobRequest,
  dir: string,
  sources: InputSources,
): Promise<LocalInputs> {
  await mkdir(dir, { recursive: true });
  const audio = join(dir, localName(request.recording.name, 'recording'));
  await fetchInput(request.recording, audio, 'recording', sources);
  if (request.transcript !== null) {
    let name = localName(request.transcript.name, 'transcript');
    if (join(dir, name) === audio) name = `transcript-${name}`;
    const transcript = join(dir, name);
    await fetchInput(request.transcript, transcript, 'transcript', sources);
    return { audio, transcript };
  }
  if (request.regions !== null) {
    // A space: no caller's name becomes this one (localName keeps none).
    const regions = join(dir, 'request regions.json');
    // Integer ms as seconds: the regions reader turns them back into the same ms exactly.
    const list = request.regions.map(({ start, end, channel }) => ({
      start: start / 1000,
      end: end / 1000,
      channel,
    }));
    await writeFile(regions, JSON.stringify(list));
    return { audio, regions };
  }
  throw new AttemptError('the job has neither a transcript nor regions', true);
}
