/**
 * The replacement clip for `--mode clip`: a local file, or an https URL on a host the user allowed
 * with `--clip-allow-host` (as NICE CXone's `customAudioUrl`). A download goes through `safeDownload`:
 * bounded in size and time, never following a redirect (it could lead off the allowed hosts), into
 * a temporary folder the caller removes. The allowed hosts are the user's own choice, so they may
 * be private addresses.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HushError } from '../errors.js';
import { safeDownload } from '../net/safe-fetch.js';
import { isAllowListed } from '../net/url-policy.js';

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

async function download(source: string, allowedHosts: readonly string[]): Promise<ClipFile> {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new HushError('USAGE', `--clip: not a valid URL`);
  }
  if (url.protocol !== 'https:') throw new HushError('USAGE', `--clip: only https URLs are fetched`);
  if (!isAllowListed(url, allowedHosts)) {
    throw new HushError(
      'USAGE',
      `--clip: host ${url.hostname} is not allowed; name it with --clip-allow-host`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'hush-clip-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const file = join(dir, 'clip');
  try {
    await safeDownload(source, file, {
      allowHosts: allowedHosts,
      maxBytes: MAX_CLIP_BYTES,
      timeoutMs: CLIP_TIMEOUT_MS,
      maxRedirects: 0,
    });
  } catch (error) {
    await dispose();
    throw error instanceof HushError ? new HushError(error.code, `--clip: ${error.message}`) : error;
  }
  return { file, label: `${url.origin}${url.pathname}`, dispose };
}

/** The clip as a local file: the file itself, or a download of the URL. */
export async function clipFile(source: string, allowedHosts: readonly string[]): Promise<ClipFile> {
  if (isUrl(source)) return download(source, allowedHosts);
  return { file: source, label: source, dispose: async () => {} };
}
