/**
 * The contract every transcript format implements: recognise its own content, import it into the
 * transcript model, and write a redacted copy that is still a valid file of the same format.
 * Formats are pure: they take and return strings; reading and writing files is the caller's job.
 */
import type { FormatId, Transcript } from '../core/transcript.js';

/** A source file's content, with its JSON already parsed when it is JSON. */
export interface SourceContent {
  /** Name used in error messages (a file path, or `<stdin>`). */
  origin: string;
  text: string;
  /** The parsed document when text is JSON, else undefined. */
  json: unknown;
}

/**
 * One replacement in a redacted transcript: the words (contiguous in one speaker's turn, in time
 * order, as indices into transcript.words) become a single word whose text is `replacement` and
 * whose time runs from the first word's start to the last word's end.
 */
export interface WordEdit {
  words: number[];
  replacement: string;
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
