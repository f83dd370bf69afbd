/**
 * Hush's library surface: import a transcript, detect what is sensitive in it, plan the regions to
 * silence and the word edits that redact the text, under a validated policy; silence the regions in
 * the recording and verify it; keep the tamper-evident audit trail.
 */
export type { Role, Timing, SourcePointer, Word, FormatId, Transcript } from './core/transcript.js';
export type { Stream, Turn, Conversation } from './core/streams.js';
export type { StreamView, TurnSpan } from './core/normalise/view.js';
export type { Finding, EntityPart, Entity, Detection } from './core/detection.js';
export type { Category, BuiltInEntityType, EntityType } from './core/entities.js';
export { ENTITY_CATEGORIES, BUILT_IN_ENTITY_TYPES, isBuiltInEntityType } from './core/entities.js';

export type { Policy, PolicyInput, CustomEntity, RedactionStyle } from './core/policy.js';
export { policySchema, DEFAULT_POLICY, REDACTION_STYLES } from './core/policy.js';
export { parsePolicy } from './policy/index.js';

export { detect } from './core/engine.js';
export type { Region } from './core/regions.js';
export { planRegions } from './core/regions.js';
export type { WordEditOptions } from './core/redaction/index.js';
export { planWordEdits } from './core/redaction/index.js';

export type { SourceContent, TranscriptFormat, WordEdit } from './formats/format.js';
export type { ImportedTranscript } from './formats/index.js';
export { FORMATS, importTranscript } from './formats/index.js';

export type { HushErrorCode } from './errors.js';
export { HushError } from './errors.js';

// Audio: validate a recording, redact it (natively or through ffmpeg), verify it, publish it.
export type { SampleEncoding } from './audio/encoding.js';
export type { PcmLayout, FrameRegion, ByteRange } from './audio/layout.js';
export type { ReplacementMode, ReplacementKind } from './audio/replacement.js';
export { REPLACEMENT_KINDS } from './audio/replacement.js';
export type { AudioVerification, RegionCheck } from './audio/verification.js';
export type { AudioKind } from './audio/sniff.js';
export { sniffAudio } from './audio/sniff.js';
export type { AudioLimits, AudioSource, InspectOptions } from './audio/validate.js';
export { DEFAULT_LIMITS, inspectAudio, checkRegionsFit } from './audio/validate.js';
export type { RawFormat } from './audio/pcm/raw.js';
export type {
  AudioRedactionOptions,
  AudioRedactionResult,
  ModeRequest,
  RedactionPath,
  TimeRegion,
} from './audio/redact.js';
export {
  redactAudio,
  DEFAULT_BEEP,
  DEFAULT_NOISE_LEVEL_DBFS,
  DEFAULT_CLIP_LEVEL_DBFS,
} from './audio/redact.js';
export { pendingJournal, recoverInPlace } from './audio/in-place/index.js';
export type { VerifyAudioOptions, Expectation } from './audio/verify/index.js';
export { verifyAudio } from './audio/verify/index.js';
export { parseRegionList } from './core/region-list.js';

// Audit: the tamper-evident trail of redaction jobs.
export type { AuditEntry, AuditFile, AuditCheck, AuditJobStatus } from './audit/entry.js';
export type { AuditRecord, AuditStore } from './audit/store.js';
export type { ChainHead, ChainReport, ChainProblem, ChainProblemKind } from './audit/verify.js';
export { openSqliteAudit } from './audit/sqlite-store.js';
export { verifyChain } from './audit/verify.js';
