/**
 * The contract every transcript format implements: recognise its own content, import it into the
 * transcript model, and write a redacted copy that is still a valid file of the same format.
 * Formats are pure: they take and return strings; reading and writing files is the caller's job.
 */
import type { WordEdit } from '../core/redaction/word-edit.js';
import type { FormatId, Transcript } from '../core/transcript.js';

export type { WordEdit };

/** A source file's content, with its JSON already parsed when it is JSON. */
export interface SourceContent {
  /** Name used in error messages (a file path, or `<stdin>`). */
  origin: string;
  text: string;
  /** The parsed document when text is JSON, else undefined. */
  json: unknown;
}

export interface TranscriptFormat {
  id: FormatId;
  /** Human name, e.g. `AWS Transcribe`. */
  name: string;
  /** True when the content is structurally this format; cheap, never throws. */
  sniff(content: SourceContent): boolean;
  /** Imports the content; throws HushError naming the origin and the place of any problem. */
  parse(content: SourceContent): Transcript;
  /**
   * Writes a redacted copy: every edit applied wherever the words appear (word lists, full-text
   * strings, utterances, segments, cues), everything else as it was.
   * `transcript` is what parse returned for this same content.
   */
  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string;
}
