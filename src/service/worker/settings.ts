/**
 * A service job's request as the settings `runRedactJob` takes: the policy its patterns stand for,
 * and the replacement (`customAudioUrl` is the CLI's clip mode, the clip fetched through the SSRF
 * guard), hashed as the CLI hashes them, so the same settings give the same hash everywhere.
 */
import { join } from 'node:path';
import type { ReplacementKind } from '../../audio/replacement.js';
import { DEFAULT_LIMITS, type AudioLimits } from '../../audio/validate.js';
import { MAX_CLIP_BYTES } from '../../job/clip.js';
import type { JobSettings } from '../../job/run.js';
import { modeRequest, settingsHash } from '../../job/settings.js';
import type { UrlPolicy } from '../../net/safe-fetch.js';
import type { JobRequest, ReplacementType } from '../jobs/job.js';
import { policyForPatterns } from '../jobs/patterns.js';
import { withoutQuery } from '../log.js';
import { downloadUrl } from './download.js';
import { AttemptError } from './failure.js';

const REPLACEMENT: Record<ReplacementType, ReplacementKind> = {
  silence: 'silence',
  beep: 'beep',
  customAudioUrl: 'clip',
};

export interface SettingsSources {
  urlPolicy: UrlPolicy;
  hushVersion: string;
  limits?: AudioLimits;
}

/** The settings for `request`; a clip is downloaded into `dir`, which the caller removes. */
export async function jobSettings(
  request: JobRequest,
  dir: string,
  sources: SettingsSources,
): Promise<JobSettings> {
  const policy = policyForPatterns(request.patterns);
  const kind = REPLACEMENT[request.replacementType];
  let clip: string | undefined;
  if (kind === 'clip') {
    if (request.customAudioUrl === null)
      throw new AttemptError('replacementType customAudioUrl needs a customAudioUrl', true);
    clip = join(dir, 'clip');
    const policy = { ...sources.urlPolicy, maxBytes: Math.min(sources.urlPolicy.maxBytes, MAX_CLIP_BYTES) };
    await downloadUrl(request.customAudioUrl, clip, 'customAudioUrl', policy);
  }
  const mode = modeRequest({ mode: kind }, clip);
  return {
    policy,
    policySha256: await settingsHash(policy, mode),
    mode,
    limits: sources.limits ?? DEFAULT_LIMITS,
    hushVersion: sources.hushVersion,
    ...(request.transcriptFormat === null ? {} : { transcriptFormat: request.transcriptFormat }),
    // The report names the clip by its URL without the query, which may hold a token.
    ...(request.customAudioUrl === null || clip === undefined
      ? {}
      : { clipOrigin: withoutQuery(request.customAudioUrl) }),
  };
}
