/**
 * The one error type Hush raises for bad input. Messages name the problem and the place
 * (file, JSON path, line) and never quote transcript content, which may be sensitive.
 */
export type HushErrorCode =
  | 'FORMAT_UNKNOWN'
  | 'FORMAT_INVALID'
  | 'POLICY_INVALID'
  | 'USAGE'
  | 'IO'
  /** A server answered that what was asked for is not there or not allowed (4xx): retrying cannot help. */
  | 'SOURCE_REFUSED'
  | 'AUDIO_INVALID'
  | 'AUDIO_UNSUPPORTED'
  | 'FFMPEG_UNAVAILABLE'
  | 'REGIONS_INVALID'
  | 'LIMIT_EXCEEDED'
  | 'AUDIT_INVALID';

export class HushError extends Error {
  readonly code: HushErrorCode;

  constructor(code: HushErrorCode, message: string) {
    super(message);
    this.name = 'HushError';
    this.code = code;
  }
}
