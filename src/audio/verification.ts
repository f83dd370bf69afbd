/**
 * The figures every audio redaction is checked against before it is reported done. A redaction
 * that fails any check is not published: Hush never reports success for a redaction that did not
 * happen.
 */
import type { ReplacementKind } from './replacement.js';

/** The level measured inside one region of the redacted recording. */
export interface RegionCheck {
  /** ms */
  start: number;
  /** ms */
  end: number;
  channel: number | null;
  expected: ReplacementKind;
  /** RMS level over the region (over the channel, or the loudest channel), dBFS; -Infinity for digital silence. */
  levelDbfs: number;
  passed: boolean;
}

export interface AudioVerification {
  passed: boolean;
  regions: RegionCheck[];
  duration: { inputMs: number; outputMs: number; passed: boolean };
  format: { input: string; output: string; passed: boolean };
  channels: { input: number; output: number; passed: boolean };
  /**
   * sha256 of every byte outside the changed ranges, in the input and in the output; null where
   * the format does not allow it (a re-encoded file changes every byte).
   */
  outside: { inputSha256: string; outputSha256: string; passed: boolean } | null;
}
