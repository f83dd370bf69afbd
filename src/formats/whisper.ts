/**
 * OpenAI Whisper `verbose_json`, from the API (`{task, language, duration, text, words?, segments}`)
 * or the open-source CLI (`{text, segments, language}`, with `segments[].words` when run with
 * word timestamps). Times are seconds; there is no channel and no speaker.
 * Word times come from the top-level `words`, else from each segment's `words`; a segment with
 * neither has its text spread over its span (timing `interpolated`).
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { parseWithSchema } from './problems.js';
import {
  applyEditsToList,
  indexUnder,
  rewriteAcross,
  rewriteTextField,
  serialiseLike,
  textWordsByContainer,
} from './rewrite.js';
import { secondsToMs, spreadText } from './timing.js';
import { firstObjectIn, isJsonObject } from './sniffing.js';
import { makeWord } from './words.js';

const seconds = z.number().nonnegative();

const wordSchema = z.object({
  word: z.string(),
  start: seconds,
  end: seconds,
  probability: z.number().min(0).max(1).optional(),
});

const segmentSchema = z.object({
  start: seconds,
  end: seconds,
  text: z.string(),
  words: z.array(wordSchema).optional(),
});

const documentSchema = z.object({
  text: z.string().optional(),
  segments: z.array(segmentSchema).default([]),
  words: z.array(wordSchema).optional(),
});

type WhisperWord = z.output<typeof wordSchema>;
type WhisperSegment = z.output<typeof segmentSchema>;

/** The document as redact edits it: unknown keys kept, the ones Hush touches typed. */
interface WhisperDocument {
  text?: string;
  words?: WhisperWord[];
  segments?: (WhisperSegment & { tokens?: unknown })[];
}

/**
 * Keys only Whisper writes: the API's `task`, or the per-segment decoding statistics
 * (`tokens`, `avg_logprob`, `seek`) that WhisperX and other tools leave out.
 */
export function hasWhisperMarkers(doc: Record<string, unknown>): boolean {
  if (typeof doc.task === 'string') return true;
  const first = firstObjectIn(doc, 'segments');
  return first !== undefined && ('tokens' in first || 'avg_logprob' in first || 'seek' in first);
}

function toWord(word: WhisperWord, source: (string | number)[]): Word {
  return makeWord({
    text: word.word,
    start: secondsToMs(word.start),
    end: secondsToMs(word.end),
    confidence: word.probability ?? null,
    source,
  });
}

function segmentWords(segment: WhisperSegment, index: number): Word[] {
  if (segment.words && segment.words.length > 0) {
    return segment.words.map((word, position) => toWord(word, ['segments', index, 'words', position]));
  }
  return spreadText(segment.text, secondsToMs(segment.start), secondsToMs(segment.end)).map(
    (word, position) => makeWord({ ...word, source: ['segments', index, 'text', position] }),
  );
}

/** The segment whose span holds a time (ms), else the nearest one; segments in time order. */
function segmentAt(segments: readonly WhisperSegment[], ms: number): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  segments.forEach((segment, index) => {
    const start = secondsToMs(segment.start);
    const end = secondsToMs(segment.end);
    const distance = ms < start ? start - ms : ms > end ? ms - end : 0;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/** Keeps the leading space Whisper puts before a word, so the list still spells the text. */
function mergeWords(first: WhisperWord, last: WhisperWord, replacement: string): WhisperWord {
  return { ...first, word: /^\s*/.exec(first.word)![0] + replacement, end: last.end };
}

/**
 * The fallback when the segments' texts do not spell the words in order: each segment is
 * rewritten with its own words (top-level words go to the segment their midpoint falls in),
 * rebuilt from them where even that fails.
 */
function rewriteEachSegment(
  segments: readonly WhisperSegment[],
  transcript: Transcript,
  edits: readonly WordEdit[],
): string[] {
  const bySegment = textWordsByContainer(transcript, edits, (pointer, wordIndex) => {
    if (pointer[0] === 'segments') return pointer[1] as number;
    const word = transcript.words[wordIndex]!;
    return segmentAt(segments, (word.start + word.end) / 2);
  });
  return segments.map((segment, index) => rewriteTextField(segment.text, bySegment.get(index) ?? [], edits));
}

export const whisperFormat: TranscriptFormat = {
  id: 'whisper',
  name: 'OpenAI Whisper verbose_json',

  sniff(content: SourceContent): boolean {
    const doc = content.json;
    return (
      isJsonObject(doc) &&
      !('word_segments' in doc) &&
      (Array.isArray(doc.segments) || Array.isArray(doc.words)) &&
      hasWhisperMarkers(doc)
    );
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'Whisper');
    const words =
      doc.words && doc.words.length > 0
        ? doc.words.map((word, index) => toWord(word, ['words', index]))
        : doc.segments.flatMap(segmentWords);
    return { format: 'whisper', words: sortWords(words), channels: 1 };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as WhisperDocument;
    const segments = doc.segments ?? [];
    const all = textWordsByContainer(transcript, edits, () => 'all').get('all') ?? [];

    if (doc.words) {
      doc.words = applyEditsToList(doc.words, transcript, edits, mergeWords, indexUnder(['words']));
    }
    segments.forEach((segment, index) => {
      if (!segment.words) return;
      const inSegment = indexUnder(['segments', index, 'words']);
      segment.words = applyEditsToList(segment.words, transcript, edits, mergeWords, inSegment);
    });
    const texts =
      rewriteAcross(
        segments.map((segment) => segment.text),
        all,
        edits,
      ) ?? rewriteEachSegment(segments, transcript, edits);
    segments.forEach((segment, index) => {
      if (texts[index] === segment.text) return;
      segment.text = texts[index]!;
      // Token ids decode back to the words they spell, so a rewritten segment keeps none.
      if (Array.isArray(segment.tokens)) segment.tokens = [];
    });
    if (typeof doc.text === 'string') doc.text = rewriteTextField(doc.text, all, edits);
    return serialiseLike(content.text, doc);
  },
};
