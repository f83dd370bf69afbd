/** Building transcript words the way every importer does. */
import type { SourcePointer, Word } from '../core/transcript.js';

/** What an importer knows about a word; everything left out is "the source does not say". */
export interface WordFields {
  text: string;
  start: number;
  end: number;
  source: SourcePointer;
  channel?: number | null;
  speaker?: string | null;
  role?: Word['role'];
  confidence?: number | null;
  timing?: Word['timing'];
}

/** A word with the model's defaults filled in, its text trimmed and its end never before its start. */
export function makeWord(fields: WordFields): Word {
  return {
    text: fields.text.trim(),
    start: fields.start,
    end: Math.max(fields.start, fields.end),
    channel: fields.channel ?? null,
    speaker: fields.speaker ?? null,
    role: fields.role ?? 'unknown',
    confidence: fields.confidence ?? null,
    timing: fields.timing ?? 'native',
    source: fields.source,
  };
}
