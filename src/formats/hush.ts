/**
 * Hush's own transcript format: the transcript model as JSON (see docs/formats.md).
 * `{"hush": "transcript/v1", "channels": 2, "words": [{text, start, end, channel, speaker, role, confidence, timing}]}`
 * with start and end in integer ms.
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { parseWithSchema } from './problems.js';
import { applyEditsToList, serialiseLike } from './rewrite.js';

const wordSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  channel: z.number().int().nonnegative().nullable().default(null),
  speaker: z.string().nullable().default(null),
  role: z.enum(['agent', 'customer', 'unknown']).default('unknown'),
  confidence: z.number().min(0).max(1).nullable().default(null),
  timing: z.enum(['native', 'interpolated']).default('native'),
});

const documentSchema = z.object({
  hush: z.literal('transcript/v1'),
  channels: z.number().int().positive().optional(),
  words: z.array(wordSchema),
});

type HushWord = z.output<typeof wordSchema>;

export const hushFormat: TranscriptFormat = {
  id: 'hush',
  name: 'Hush transcript',

  sniff(content: SourceContent): boolean {
    const doc = content.json as { hush?: unknown } | null;
    return typeof doc === 'object' && doc !== null && doc.hush === 'transcript/v1';
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'Hush');
    // Every word built by one literal: words of one shape keep the code that reads them fast
    // (copying the parsed objects gave each word a shape of its own).
    const words: Word[] = doc.words.map((word: HushWord, index: number) => ({
      text: word.text,
      start: word.start,
      end: Math.max(word.start, word.end),
      channel: word.channel,
      speaker: word.speaker,
      role: word.role,
      confidence: word.confidence,
      timing: word.timing,
      source: ['words', index],
    }));
    const maxChannel = Math.max(0, ...words.map((word) => word.channel ?? 0));
    return { format: 'hush', words: sortWords(words), channels: doc.channels ?? maxChannel + 1 };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as { words: HushWord[] };
    doc.words = applyEditsToList(doc.words, transcript, edits, (first, last, replacement) => ({
      ...first,
      text: replacement,
      end: last.end,
    }));
    return serialiseLike(content.text, doc);
  },
};
