/**
 * The replacement clip for `--mode clip`: a local file, or an https URL on a host the user allowed
 * with `--clip-allow-host` (as NICE CXone's `customAudioUrl`). A download is bounded in size and
 * time, never follows a redirect (it could lead off the allowed hosts), and lands in a temporary
 * folder the caller removes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HushError } from '../errors.js';

/** Large enough for minutes of uncompressed audio; a clip is a few seconds. */
export const MAX_CLIP_BYTES = 20_000_000;
export const CLIP_TIMEOUT_MS = 30_000;

export interface ClipFile {
  file: string;
  /** How reports name the clip: the file, or the URL without its query (which may hold a token). */
  label: string;
  /** Removes the download, if there was one. */
  dispose(): Promise<void>;
}

function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

async function readLimited(response: Response, url: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_CLIP_BYTES) {
    throw new HushError(
      'LIMIT_EXCEEDED',
      `${url}: the clip is ${declared} bytes, over the limit of ${MAX_CLIP_BYTES}`,
    );
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of response.body ?? []) {
    size += part.length;
    if (size > MAX_CLIP_BYTES) {
      throw new HushError('LIMIT_EXCEEDED', `${url}: the clip is over the limit of ${MAX_CLIP_BYTES} bytes`);
    }
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}

async function download(source: string, allowedHosts: readonly string[]): Promise<ClipFile> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new HushError('USAGE', `--clip: not a valid URL`);
  }
  if (url.protocol !== 'https:') throw new HushError('USAGE', `--clip: only https URLs are fetched`);
  const allowed = allowedHosts.map((host) => host.toLowerCase());
  if (!allowed.includes(url.hostname.toLowerCase())) {
    throw new HushError(
      'USAGE',
      `--clip: host ${url.hostname} is not allowed; name it with --clip-allow-host`,
    );
  }
  const label = `${url.origin}${url.pathname}`;
  let bytes: Buffer;
  try {
    const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(CLIP_TIMEOUT_MS) });
    if (!response.ok) throw new HushError('IO', `${label}: the server answered ${response.status}`);
    bytes = await readLimited(response, label);
  } catch (error) {
    if (error instanceof HushError) throw error;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new HushError(
      'IO',
      `${label}: ${timedOut ? `no clip within ${CLIP_TIMEOUT_MS / 1000} s` : 'could not fetch the clip (network error or redirect)'}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'hush-clip-'));
  const file = join(dir, 'clip');
  await writeFile(file, bytes);
  return { file, label, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** The clip as a local file: the file itself, or a download of the URL. */
export async function clipFile(source: string, allowedHosts: readonly string[]): Promise<ClipFile> {
  if (isUrl(source)) return download(source, allowedHosts);
  return { file: source, label: source, dispose: async () => {} };
}
