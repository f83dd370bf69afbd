/**
 * The one transcript model every importer produces and every other part reads.
 * Times are integer milliseconds from the start of the recording.
 */

/** Who is speaking, as far as the source says. */
export type Role = 'agent' | 'customer' | 'unknown';

/** How a word's timing was obtained: given by the source, or spread by Hush over a span the source timed. */
export type Timing = 'native' | 'interpolated';

/**
 * Where a word sits in the source document, as a path of object keys and array indices
 * (for JSON formats) or cue and word positions (for subtitle formats). Format writers use it
 * to put redactions back in the place the word came from.
 */
export type SourcePointer = readonly (string | number)[];

export interface Word {
  /** The word as the source wrote it (the punctuated form when the source gives one). */
  text: string;
  /** Start, integer ms from the start of the recording. */
  start: number;
  /** End, integer ms from the start of the recording; never before start. */
  end: number;
  /** Audio channel (0-based), or null when the source does not say. */
  channel: number | null;
  /** The source's speaker label, or null when it has none. */
  speaker: string | null;
  role: Role;
  /** Recogniser confidence 0..1, or null when the source gives none. */
  confidence: number | null;
  timing: Timing;
  /**
   * For interpolated words: the span the source did time (the cue, segment or gap between timed
   * neighbours) inside which the word was certainly spoken. Region planning covers all of it,
   * since where exactly in it the word fell is a guess.
   */
  window?: TimeSpan;
  source: SourcePointer;
}

export interface TimeSpan {
  start: number;
  end: number;
}

/** Identifier of an importer / writer, e.g. `aws-transcribe`. */
export type FormatId =
  | 'hush'
  | 'aws-transcribe'
  | 'aws-call-analytics'
  | 'deepgram'
  | 'assemblyai'
  | 'whisper'
  | 'whisper-cpp'
  | 'whisperx'
  | 'genesys'
  | 'symbl'
  | 'webvtt'
  | 'srt';

export interface Transcript {
  format: FormatId;
  /** Every word, sorted by start time, then channel, then source order. */
  words: Word[];
  /** Number of audio channels the source describes (1 when it does not say). */
  channels: number;
}

/** Sorts words into the model's canonical order. Stable for equal keys. */
export function sortWords(words: Word[]): Word[] {
  return words
    .map((word, order) => ({ word, order }))
    .sort(
      (a, b) =>
        a.word.start - b.word.start || (a.word.channel ?? -1) - (b.word.channel ?? -1) || a.order - b.order,
    )
    .map(({ word }) => word);
}
