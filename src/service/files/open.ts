/**
 * The file store a configuration names: `s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=true`
 * for object storage, anything else a folder path. S3 credentials are never part of the spec: the
 * SDK's default chain finds them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; then
 * the shared config files and instance roles). Errors never quote the spec.
 */
import { HushError } from '../../errors.js';
import { LocalFileStore } from './local.js';
import { S3FileStore, type S3StoreOptions } from './s3.js';
import type { FileStore } from './store.js';

const S3_PARAMETERS = new Set(['endpoint', 'region', 'forcePathStyle']);

function specError(problem: string): HushError {
  return new HushError('USAGE', `file store: ${problem}`);
}

function s3Options(spec: string): S3StoreOptions {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw specError('not a valid s3:// URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw specError(
      'credentials do not go in the s3:// URL; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
  }
  if (url.hostname === '') throw specError('the s3:// URL names no bucket');
  const params = url.searchParams;
  for (const name of params.keys()) {
    if (!S3_PARAMETERS.has(name)) {
      throw specError(`unknown s3:// parameter "${name}" (endpoint, region and forcePathStyle are known)`);
    }
  }
  const pathStyle = params.get('forcePathStyle');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false') {
    throw specError('forcePathStyle is true or false');
  }
  const endpoint = params.get('endpoint');
  return {
    bucket: decodeURIComponent(url.hostname),
    prefix: decodeURIComponent(url.pathname),
    region: params.get('region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    forcePathStyle: pathStyle === 'true',
    ...(endpoint === null ? {} : { endpoint }),
  };
}

export function openFileStore(spec: string): FileStore {
  if (/^s3:\/\//i.test(spec)) return new S3FileStore(s3Options(spec));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw specError('unknown scheme; give s3://bucket/prefix or a folder path');
  }
  if (spec.trim() === '') throw specError('no folder given');
  return new LocalFileStore(spec);
}
