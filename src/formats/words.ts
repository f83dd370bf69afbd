/** Building transcript words the way every importer does. */
import type { Role, SourcePointer, Word } from '../core/transcript.js';

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
  window?: Word['window'];
}

/** A role from a speaker label that names one (`Agent`, `CUSTOMER`, `caller 2`), else unknown. */
export function roleFromLabel(label: string | null): Role {
  if (label === null) return 'unknown';
  if (/^agent\b/i.test(label)) return 'agent';
  if (/^(customer|caller)\b/i.test(label)) return 'customer';
  return 'unknown';
}

/** A word with the model's defaults filled in, its text trimmed and its end never before its start. */
export function makeWord(fields: WordFields): Word {
  return {
    text: fields.text.trim(),
    start: fields.start,
    end: Math.max(fields.start, fields.end),
    channel: fields.channel ?? null,
    speaker: fields.speaker ?? null,
    role: fields.role ?? roleFromLabel(fields.speaker ?? null),
    confidence: fields.confidence ?? null,
    timing: fields.timing ?? 'native',
    ...(fields.window ? { window: fields.window } : {}),
    source: fields.source,
  };
}
