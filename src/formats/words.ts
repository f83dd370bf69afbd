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

/**
 * The text each spoken item is read as when a source lists punctuation as items of its own (AWS
 * Transcribe, Call Analytics): the item's content with the punctuation items that follow it,
 * before the next spoken item of its group (channel), written on. Detection reads the question
 * mark after a prompt and the stop after an answer. Punctuation items map to ''.
 */
export function punctuatedContents<T>(
  items: readonly T[],
  contentOf: (item: T) => string,
  isPunctuation: (item: T) => boolean,
  groupOf: (item: T) => unknown = () => null,
): string[] {
  const texts = items.map((item) => (isPunctuation(item) ? '' : contentOf(item).trim()));
  const lastSpoken = new Map<unknown, number>();
  items.forEach((item, position) => {
    const group = groupOf(item);
    if (!isPunctuation(item)) lastSpoken.set(group, position);
    else {
      const word = lastSpoken.get(group);
      if (word !== undefined) texts[word] += contentOf(item).trim();
    }
  });
  return texts;
}
