/**
 * Hush's library surface: import a transcript, detect what is sensitive in it, plan the regions to
 * silence and the word edits that redact the text, under a validated policy.
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
