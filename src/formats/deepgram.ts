/**
 * Deepgram pre-recorded response (see docs/formats.md): `results.channels[c].alternatives[a]` with
 * `transcript`, `words[]` (seconds; `punctuated_word` when punctuation is on; `speaker` when
 * diarized), `paragraphs`, `entities`; `results.utterances[]` repeating the words per utterance;
 * text intelligence sections (`sentiments`, `topics`, `intents`) pointing at words by index.
 * Words come from each channel's first alternative; the channel is its index.
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
  planByTime,
  planEdits,
  positionsAfterPlan,
  positionsWithin,
  rewriteQuote,
  rewriteTextField,
  serialiseLike,
  textWordsOfPlan,
  timedSignature,
} from './rewrite.js';
import { secondsToMs } from './timing.js';
import { makeWord } from './words.js';

const seconds = z.number().nonnegative();

const wordSchema = z.object({
  word: z.string(),
  start: seconds,
  end: seconds,
  confidence: z.number().min(0).max(1).optional(),
  punctuated_word: z.string().optional(),
  speaker: z.number().int().nonnegative().optional(),
});

const byWordIndex = z.object({
  start_word: z.number().int().nonnegative(),
  end_word: z.number().int().nonnegative(),
});

const alternativeSchema = z.object({
  transcript: z.string(),
  words: z.array(wordSchema),
  paragraphs: z
    .object({
      transcript: z.string(),
      paragraphs: z.array(
        z.object({
          sentences: z.array(z.object({ text: z.string(), start: seconds, end: seconds })),
          start: seconds,
          end: seconds,
          num_words: z.number().int().nonnegative().optional(),
        }),
      ),
    })
    .optional(),
  entities: z.array(byWordIndex.extend({ value: z.string(), raw_value: z.string().optional() })).optional(),
});

const channelSchema = z.object({
  alternatives: z.array(alternativeSchema).min(1),
  search: z
    .array(z.object({ hits: z.array(z.object({ start: seconds, end: seconds, snippet: z.string() })) }))
    .optional(),
});

const segmentsSchema = z.object({ segments: z.array(byWordIndex.extend({ text: z.string() })) }).optional();

const documentSchema = z.object({
  results: z.object({
    channels: z.array(channelSchema).min(1),
    utterances: z
      .array(
        z.object({
          start: seconds,
          end: seconds,
          channel: z.number().int().nonnegative().optional(),
          transcript: z.string(),
          words: z.array(wordSchema),
        }),
      )
      .optional(),
    sentiments: segmentsSchema,
    topics: segmentsSchema,
    intents: segmentsSchema,
  }),
});

type DeepgramDocument = z.output<typeof documentSchema> & {
  results: { summary?: unknown; channels: { alternatives: { summaries?: unknown }[] }[] };
};
type DeepgramWord = z.output<typeof wordSchema>;
type Alternative = DeepgramDocument['results']['channels'][number]['alternatives'][number];

/** Sections of text intelligence that quote the transcript and point at channel 0's words by index. */
const WORD_INDEXED_SECTIONS = ['sentiments', 'topics', 'intents'] as const;

/** The word as the transcript strings spell it. */
function display(word: DeepgramWord): string {
  return word.punctuated_word ?? word.word;
}

function mergeWord(first: DeepgramWord, last: DeepgramWord, replacement: string): DeepgramWord {
  return {
    ...first,
    word: replacement,
    ...(first.punctuated_word === undefined ? {} : { punctuated_word: replacement }),
    end: last.end,
  };
}

function wordsPath(channel: number): (string | number)[] {
  return ['results', 'channels', channel, 'alternatives', 0, 'words'];
}

/** Each word's [start, end] in seconds, for positionsWithin. */
function timesOf(words: readonly DeepgramWord[]): [number, number][] {
  return words.map((word) => [word.start, word.end]);
}

function rewriteParagraphs(
  alternative: Alternative,
  oldWords: readonly DeepgramWord[],
  plan: ListPlan,
): void {
  const section = alternative.paragraphs;
  if (!section || plan.spans.length === 0) return;
  const tokens = oldWords.map(display);
  const times = timesOf(oldWords);
  const all = textWordsOfPlan(tokens, plan);
  section.transcript = rewriteTextField(section.transcript, all.words, all.edits);
  for (const paragraph of section.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const [first, last] = positionsWithin(times, sentence.start, sentence.end);
      sentence.text = rewriteQuote(sentence.text, tokens, plan, first, last);
    }
    if (paragraph.num_words !== undefined) {
      const [first, last] = positionsWithin(times, paragraph.start, paragraph.end);
      const gone = [...plan.removed].filter((position) => position >= first && position <= last).length;
      paragraph.num_words -= gone;
    }
  }
}

/**
 * Entries that point at words by index (entities, text intelligence segments) follow the words to
 * their new positions, and their quoted text is rewritten.
 */
function reindex<T extends { start_word: number; end_word: number }>(
  entries: T[] | undefined,
  oldWords: readonly DeepgramWord[],
  plan: ListPlan,
  quote: (entry: T, rewrite: (text: string) => string) => void,
): void {
  const after = positionsAfterPlan(plan, oldWords.length);
  const tokens = oldWords.map(display);
  for (const entry of entries ?? []) {
    const { start_word: first, end_word: last } = entry;
    quote(entry, (text) => rewriteQuote(text, tokens, plan, first, last));
    entry.start_word = after[first] ?? entry.start_word;
    entry.end_word = after[last] ?? entry.end_word;
  }
}

function rewriteFirstAlternative(
  alternative: Alternative,
  channel: number,
  transcript: Transcript,
  edits: readonly WordEdit[],
): ListPlan {
  const oldWords = alternative.words;
  const plan = planEdits(transcript, edits, indexUnder(wordsPath(channel)));
  if (plan.spans.length === 0) return plan;
  const text = textWordsOfPlan(oldWords.map(display), plan);
  alternative.transcript = rewriteTextField(alternative.transcript, text.words, text.edits);
  rewriteParagraphs(alternative, oldWords, plan);
  reindex(alternative.entities, oldWords, plan, (entity, rewrite) => {
    entity.value = rewrite(entity.value);
    if (entity.raw_value !== undefined) entity.raw_value = rewrite(entity.raw_value);
  });
  alternative.words = applyPlan(oldWords, plan, mergeWord);
  return plan;
}

/** Other alternatives are other hypotheses for the same audio: redacted by time. */
function rewriteOtherAlternative(alternative: Alternative, spans: readonly EditSpan[]): void {
  const oldWords = alternative.words;
  const plan = planByTime(
    spans,
    oldWords.map((word) => [secondsToMs(word.start), secondsToMs(word.end)] as const),
  );
  if (plan.spans.length === 0) return;
  const text = textWordsOfPlan(oldWords.map(display), plan);
  alternative.transcript = rewriteTextField(alternative.transcript, text.words, text.edits);
  rewriteParagraphs(alternative, oldWords, plan);
  alternative.words = applyPlan(oldWords, plan, mergeWord);
}

function rewriteUtterances(doc: DeepgramDocument, transcript: Transcript, edits: readonly WordEdit[]): void {
  const utterances = doc.results.utterances ?? [];
  const signatures = utterances.flatMap((utterance) =>
    utterance.words.map((word) =>
      timedSignature(
        utterance.channel ?? 0,
        secondsToMs(word.start),
        secondsToMs(word.end),
        display(word).trim(),
      ),
    ),
  );
  const indexInFlat = pairBySignature(transcript, signatures, (word) =>
    timedSignature(word.channel, word.start, word.end, word.text),
  );
  let offset = 0;
  for (const utterance of utterances) {
    const oldWords = utterance.words;
    const plan = planEdits(transcript, edits, indexInPart(indexInFlat, offset, oldWords.length));
    offset += oldWords.length;
    if (plan.spans.length === 0) continue;
    const text = textWordsOfPlan(oldWords.map(display), plan);
    utterance.transcript = rewriteTextField(utterance.transcript, text.words, text.edits);
    utterance.words = applyPlan(oldWords, plan, mergeWord);
  }
}

export const deepgramFormat: TranscriptFormat = {
  id: 'deepgram',
  name: 'Deepgram',

  sniff(content: SourceContent): boolean {
    const channels = (content.json as { results?: { channels?: unknown } } | null)?.results?.channels;
    if (!Array.isArray(channels) || channels.length === 0) return false;
    return Array.isArray((channels[0] as { alternatives?: unknown } | null)?.alternatives);
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'Deepgram');
    const words: Word[] = doc.results.channels.flatMap((channel, index) =>
      channel.alternatives[0]!.words.map((word, position) =>
        makeWord({
          text: display(word),
          start: secondsToMs(word.start),
          end: secondsToMs(word.end),
          channel: index,
          speaker: word.speaker === undefined ? null : String(word.speaker),
          confidence: word.confidence ?? null,
          source: [...wordsPath(index), position],
        }),
      ),
    );
    return { format: 'deepgram', words: sortWords(words), channels: doc.results.channels.length };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as DeepgramDocument;
    const spans = editSpans(transcript, edits);
    const plans = doc.results.channels.map((channel, index) => {
      const oldWords = channel.alternatives[0]!.words;
      const plan = rewriteFirstAlternative(channel.alternatives[0]!, index, transcript, edits);
      const here = spans.filter((span) => span.channel === index);
      channel.alternatives.slice(1).forEach((alternative) => rewriteOtherAlternative(alternative, here));
      for (const query of channel.search ?? []) {
        query.hits = query.hits.filter(
          (hit) => !here.some((span) => overlapsSpan(span, secondsToMs(hit.start), secondsToMs(hit.end))),
        );
      }
      return { plan, oldWords };
    });
    rewriteUtterances(doc, transcript, edits);
    const { plan, oldWords } = plans[0]!;
    for (const key of WORD_INDEXED_SECTIONS) {
      reindex(doc.results[key]?.segments, oldWords, plan, (segment, rewrite) => {
        segment.text = rewrite(segment.text);
      });
    }
    if (spans.length > 0) {
      // Generated summaries can restate a redacted value in other words: they cannot be redacted
      // word by word, so they go.
      delete doc.results.summary;
      for (const channel of doc.results.channels) {
        for (const alternative of channel.alternatives) delete alternative.summaries;
      }
    }
    return serialiseLike(content.text, doc);
  },
};
