/**
 * AssemblyAI transcript JSON (see docs/formats.md): `words[]` (ms, `speaker`, and with multichannel
 * `channel` as "1", "2"…), `text`, `utterances[]` repeating the words per turn, and, when exported
 * beside the transcript, `sentences[]` and `paragraphs[]` (from the /sentences and /paragraphs
 * endpoints). Analysis results that quote the transcript (entities, sentiment, content safety,
 * topics, highlights, chapters, summary) are rewritten or dropped where a redaction falls.
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { parseWithSchema } from './problems.js';
import type { EditSpan, ListPlan } from './rewrite.js';
import {
  applyPlan,
  editSpans,
  indexInPart,
  indexUnder,
  overlapsSpan,
  pairBySignature,
  planEdits,
  positionsWithin,
  rewriteQuote,
  rewriteTextField,
  serialiseLike,
  textWordsOfPlan,
  timedSignature,
} from './rewrite.js';
import { makeWord } from './words.js';

const milliseconds = z.number().nonnegative();
/** AssemblyAI numbers channels from 1, as strings. */
const channelNumber = z.string().regex(/^[1-9]\d*$/, 'expected a channel number from "1"');

const wordSchema = z.object({
  text: z.string(),
  start: milliseconds,
  end: milliseconds,
  confidence: z.number().min(0).max(1).nullable().optional(),
  speaker: z.string().nullable().optional(),
  channel: channelNumber.nullable().optional(),
});

/** Utterances, sentences and paragraphs: a text with its own copy of the words. */
const wordGroups = z
  .array(z.object({ text: z.string(), start: milliseconds, end: milliseconds, words: z.array(wordSchema) }))
  .nullable()
  .optional();

const quotes = z
  .array(z.object({ text: z.string(), start: milliseconds, end: milliseconds }))
  .nullable()
  .optional();
const labelledQuotes = z
  .object({
    results: z.array(
      z.object({
        text: z.string(),
        timestamp: z.object({ start: milliseconds, end: milliseconds }).optional(),
      }),
    ),
  })
  .nullable()
  .optional();

const documentSchema = z.object({
  text: z.string().nullable(),
  words: z.array(wordSchema),
  audio_channels: z.number().int().positive().nullable().optional(),
  utterances: wordGroups,
  sentences: wordGroups,
  paragraphs: wordGroups,
  entities: quotes,
  sentiment_analysis_results: quotes,
  content_safety_labels: labelledQuotes,
  iab_categories_result: labelledQuotes,
  auto_highlights_result: z
    .object({
      results: z.array(
        z.object({
          text: z.string(),
          timestamps: z.array(z.object({ start: milliseconds, end: milliseconds })),
        }),
      ),
    })
    .nullable()
    .optional(),
  chapters: z
    .array(z.object({ start: milliseconds, end: milliseconds }))
    .nullable()
    .optional(),
});

type AssemblyDocument = z.output<typeof documentSchema> & { summary?: unknown };
type AssemblyWord = z.output<typeof wordSchema>;

/** Sections whose entries repeat the words (each a text with its own word list). */
const WORD_GROUPS = ['utterances', 'sentences', 'paragraphs'] as const;
/** Analysis entries that quote the transcript over a time range. */
const QUOTES = ['entities', 'sentiment_analysis_results'] as const;
const LABELLED_QUOTES = ['content_safety_labels', 'iab_categories_result'] as const;

function channelOf(word: AssemblyWord): number | null {
  return word.channel ? Number(word.channel) - 1 : null;
}

function mergeWord(first: AssemblyWord, last: AssemblyWord, replacement: string): AssemblyWord {
  return { ...first, text: replacement, end: last.end };
}

function signatureOf(word: AssemblyWord): string {
  return timedSignature(channelOf(word), word.start, word.end, word.text.trim());
}

/** Rewrites the word lists that repeat the main one, and the texts they spell. */
function rewriteWordGroups(doc: AssemblyDocument, transcript: Transcript, edits: readonly WordEdit[]): void {
  for (const key of WORD_GROUPS) {
    const groups = doc[key] ?? [];
    const indexInFlat = pairBySignature(
      transcript,
      groups.flatMap((group) => group.words.map(signatureOf)),
      (word) => timedSignature(word.channel, word.start, word.end, word.text),
    );
    let offset = 0;
    for (const group of groups) {
      const plan = planEdits(transcript, edits, indexInPart(indexInFlat, offset, group.words.length));
      offset += group.words.length;
      if (plan.spans.length === 0) continue;
      const spelled = textWordsOfPlan(
        group.words.map((word) => word.text),
        plan,
      );
      group.text = rewriteTextField(group.text, spelled.words, spelled.edits);
      group.words = applyPlan(group.words, plan, mergeWord);
    }
  }
}

/**
 * Analysis results that quote the transcript over a time range get the quoted words' rewrite;
 * those that are generated text (highlights, chapters, the summary) cannot be redacted word by
 * word and are dropped where a redaction falls.
 */
function rewriteAnalysis(
  doc: AssemblyDocument,
  oldWords: readonly AssemblyWord[],
  plan: ListPlan,
  spans: readonly EditSpan[],
): void {
  const tokens = oldWords.map((word) => word.text);
  const times = oldWords.map((word) => [word.start, word.end] as const);
  const touched = (start: number, end: number) => spans.some((span) => overlapsSpan(span, start, end));
  const quote = (entry: { text: string }, start: number, end: number) => {
    if (!touched(start, end)) return;
    const [first, last] = positionsWithin(times, start, end);
    entry.text = rewriteQuote(entry.text, tokens, plan, first, last);
  };
  for (const key of QUOTES) for (const entry of doc[key] ?? []) quote(entry, entry.start, entry.end);
  for (const key of LABELLED_QUOTES) {
    for (const entry of doc[key]?.results ?? []) {
      if (entry.timestamp) quote(entry, entry.timestamp.start, entry.timestamp.end);
    }
  }
  const highlights = doc.auto_highlights_result;
  if (highlights) {
    highlights.results = highlights.results.filter(
      (highlight) => !highlight.timestamps.some((time) => touched(time.start, time.end)),
    );
  }
  if (doc.chapters) doc.chapters = doc.chapters.filter((chapter) => !touched(chapter.start, chapter.end));
  if (doc.summary !== undefined) doc.summary = null;
}

export const assemblyAiFormat: TranscriptFormat = {
  id: 'assemblyai',
  name: 'AssemblyAI',

  sniff(content: SourceContent): boolean {
    const doc = content.json as Record<string, unknown> | null;
    if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.words) || !('text' in doc))
      return false;
    const first = doc.words[0] as { text?: unknown; start?: unknown } | undefined;
    if (first && (typeof first.text !== 'string' || typeof first.start !== 'number')) return false;
    return ['id', 'status', 'utterances', 'audio_duration'].some((key) => key in doc);
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'AssemblyAI');
    const words: Word[] = doc.words.map((word, position) =>
      makeWord({
        text: word.text,
        start: Math.round(word.start),
        end: Math.round(word.end),
        channel: channelOf(word),
        speaker: word.speaker ?? null,
        confidence: word.confidence ?? null,
        source: ['words', position],
      }),
    );
    const channels = doc.audio_channels ?? Math.max(1, ...words.map((word) => (word.channel ?? 0) + 1));
    return { format: 'assemblyai', words: sortWords(words), channels };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as AssemblyDocument;
    const oldWords = doc.words;
    const plan = planEdits(transcript, edits, indexUnder(['words']));
    if (plan.spans.length === 0) return serialiseLike(content.text, doc);
    if (doc.text !== null) {
      const spelled = textWordsOfPlan(
        oldWords.map((word) => word.text),
        plan,
      );
      doc.text = rewriteTextField(doc.text, spelled.words, spelled.edits);
    }
    rewriteWordGroups(doc, transcript, edits);
    rewriteAnalysis(doc, oldWords, plan, editSpans(transcript, edits));
    doc.words = applyPlan(oldWords, plan, mergeWord);
    return serialiseLike(content.text, doc);
  },
};
