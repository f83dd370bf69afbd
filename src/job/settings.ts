/**
 * The options `hush redact` and `hush batch` share, turned into the settings every job of a run
 * uses: the policy, the replacement, the raw PCM layout and the limits, and the hash that says
 * which settings produced an output (a re-run with the same hash may skip work already done).
 */
import type { SampleEncoding } from '../audio/encoding.js';
import type { RawFormat } from '../audio/pcm/raw.js';
import {
  DEFAULT_BEEP,
  DEFAULT_CLIP_LEVEL_DBFS,
  DEFAULT_NOISE_LEVEL_DBFS,
  type ModeRequest,
} from '../audio/redact.js';
import type { ReplacementKind } from '../audio/replacement.js';
import { DEFAULT_LIMITS } from '../audio/validate.js';
import { canonicalJson, sha256Hex } from '../audit/chain.js';
import type { Policy } from '../core/policy.js';
import { HushError } from '../errors.js';
import { sha256File } from '../audio/verify/outside.js';
import { loadPolicy } from './load.js';
import type { JobSettings } from './run.js';

export interface SettingsOptions {
  policy?: string;
  format?: string;
  mode?: ReplacementKind;
  beepHz?: number;
  beepLevel?: number;
  noiseLevel?: number;
  clip?: string;
  clipLevel?: number;
  clipAllowHost?: string[];
  rate?: number;
  channels?: number;
  encoding?: SampleEncoding;
  maxBytes?: number;
  /** Seconds. */
  maxDuration?: number;
}

function rawFormat(options: SettingsOptions): RawFormat | undefined {
  const { rate, channels, encoding } = options;
  const given = [rate, channels, encoding].filter((value) => value !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3) {
    throw new HushError('USAGE', 'headerless PCM needs all three of --rate, --channels and --encoding');
  }
  return { sampleRate: rate!, channels: channels!, encoding: encoding! };
}

export function modeRequest(options: SettingsOptions, clip: string | undefined): ModeRequest {
  const kind = options.mode ?? 'silence';
  if (options.clip !== undefined && kind !== 'clip')
    throw new HushError('USAGE', '--clip goes with --mode clip');
  switch (kind) {
    case 'silence':
      return { kind };
    case 'beep':
      return {
        kind,
        frequencyHz: options.beepHz ?? DEFAULT_BEEP.frequencyHz,
        levelDbfs: options.beepLevel ?? DEFAULT_BEEP.levelDbfs,
      };
    case 'noise':
      return { kind, levelDbfs: options.noiseLevel ?? DEFAULT_NOISE_LEVEL_DBFS };
    case 'clip':
      if (clip === undefined) throw new HushError('USAGE', '--mode clip needs --clip FILE or URL');
      return { kind, file: clip, levelDbfs: options.clipLevel ?? DEFAULT_CLIP_LEVEL_DBFS };
  }
}

/**
 * sha256 of the canonical JSON of the policy and the replacement (a clip by its content's hash):
 * what, besides the recording and its transcript, decides the output.
 */
export async function settingsHash(policy: Policy, mode: ModeRequest): Promise<string> {
  const replacement =
    mode.kind === 'clip' ? { ...mode, file: undefined, sha256: await sha256File(mode.file) } : mode;
  return sha256Hex(canonicalJson({ policy, replacement }));
}

export interface RunSettings {
  settings: JobSettings;
  /** Removes a downloaded clip. */
  dispose(): Promise<void>;
}

export async function runSettings(options: SettingsOptions, hushVersion: string): Promise<RunSettings> {
  const raw = rawFormat(options);
  const policy = await loadPolicy(options.policy);
  // The clip's code (downloads, address checks) is loaded only for a clip.
  const clip =
    options.clip === undefined
      ? undefined
      : await (await import('./clip.js')).clipFile(options.clip, options.clipAllowHost ?? []);
  try {
    const mode = modeRequest(options, clip?.file);
    const settings: JobSettings = {
      policy,
      policySha256: await settingsHash(policy, mode),
      mode,
      limits: {
        maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
        maxDurationMs:
          options.maxDuration === undefined ? DEFAULT_LIMITS.maxDurationMs : options.maxDuration * 1000,
      },
      hushVersion,
      ...(options.format === undefined ? {} : { transcriptFormat: options.format }),
      ...(clip === undefined ? {} : { clipOrigin: clip.label }),
      ...(raw === undefined ? {} : { raw }),
    };
    return { settings, dispose: async () => clip?.dispose() };
  } catch (error) {
    await clip?.dispose();
    throw error;
  }
}
