/**
 * Hush's own transcript format: the transcript model as JSON (see docs/formats.md).
 * `{"hush": "transcript/v1", "channels": 2, "words": [{text, start, end, channel, speaker, role, confidence, timing}]}`
 * with start and end in integer ms.
 */
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import type { HushWord } from './hush-document.js';
import { documentSchema, readWellFormed } from './hush-document.js';
import { parseWithSchema } from './problems.js';
import { applyEditsToList, serialiseLike } from './rewrite.js';

export const hushFormat: TranscriptFormat = {
  id: 'hush',
  name: 'Hush transcript',

  sniff(content: SourceContent): boolean {
    const doc = content.json as { hush?: unknown } | null;
    return typeof doc === 'object' && doc !== null && doc.hush === 'transcript/v1';
  },

  parse(content: SourceContent): Transcript {
    const doc = readWellFormed(content.json) ?? parseWithSchema(documentSchema, content, 'Hush');
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
    const maxChannel = words.reduce((max, word) => Math.max(max, word.channel ?? 0), 0);
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
