/**
 * WhisperX JSON: `{segments: [{start, end, text, speaker?, words: [{word, start?, end?, score?,
 * speaker?}], chars?}], word_segments?: [...]}`, times in seconds, speakers from diarisation.
 * The aligner gives no time to words it cannot align (numbers written as digits, most often):
 * those get times spread between their timed neighbours inside the segment (timing
 * `interpolated`), never dropped.
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { parseWithSchema } from './problems.js';
import {
  applyEditsToList,
  indexUnder,
  rewriteTextField,
  serialiseLike,
  textWordsByContainer,
} from './rewrite.js';
import { fillMissingTimes, msToSeconds, secondsToMs, spreadText } from './timing.js';
import { hasWhisperMarkers } from './whisper.js';
import { firstObjectIn, isJsonObject } from './sniffing.js';
import { makeWord } from './words.js';

const seconds = z.number().nonnegative();
const maybeSeconds = seconds.nullable().optional();

const wordSchema = z.object({
  word: z.string(),
  start: maybeSeconds,
  end: maybeSeconds,
  score: z.number().min(0).max(1).nullable().optional(),
  speaker: z.string().optional(),
});

const segmentSchema = z.object({
  start: seconds,
  end: seconds,
  text: z.string(),
  speaker: z.string().optional(),
  words: z.array(wordSchema).default([]),
});

const documentSchema = z.object({
  segments: z.array(segmentSchema),
  word_segments: z.array(z.object({ word: z.string() })).optional(),
});

type WhisperXWord = z.output<typeof wordSchema>;
type WhisperXSegment = z.output<typeof segmentSchema>;

interface WhisperXDocument {
  segments: (WhisperXSegment & { chars?: unknown })[];
  word_segments?: WhisperXWord[];
}

function segmentWords(segment: WhisperXSegment, index: number): Word[] {
  const bounds = { start: secondsToMs(segment.start), end: secondsToMs(segment.end) };
  if (segment.words.length === 0) {
    return spreadText(segment.text, bounds.start, bounds.end).map((word, position) =>
      makeWord({
        ...word,
        speaker: segment.speaker ?? null,
        source: ['segments', index, 'text', position],
      }),
    );
  }
  const times = fillMissingTimes(
    segment.words.map((word) => ({
      text: word.word,
      start: word.start == null ? undefined : secondsToMs(word.start),
      end: word.end == null ? undefined : secondsToMs(word.end),
    })),
    bounds,
  );
  return segment.words.map((word, position) => {
    return makeWord({
      text: word.word,
      ...times[position]!,
      speaker: word.speaker ?? segment.speaker ?? null,
      confidence: word.score ?? null,
      source: ['segments', index, 'words', position],
    });
  });
}

export const whisperxFormat: TranscriptFormat = {
  id: 'whisperx',
  name: 'WhisperX',

  sniff(content: SourceContent): boolean {
    const doc = content.json;
    if (!isJsonObject(doc) || !Array.isArray(doc.segments)) return false;
    if ('word_segments' in doc) return true;
    return !hasWhisperMarkers(doc) && Array.isArray(firstObjectIn(doc, 'segments')?.words);
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'WhisperX');
    return { format: 'whisperx', words: sortWords(doc.segments.flatMap(segmentWords)), channels: 1 };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as WhisperXDocument;
    // The times Hush gave each source word (filled in where the source had none), so a
    // replacement of untimed words still says when it was spoken.
    const timeOf = new Map<WhisperXWord, { start: number; end: number }>();
    const flat: WhisperXWord[] = doc.segments.flatMap((segment) => segment.words ?? []);
    const flatIndex = new Map<string, number>();
    doc.segments.forEach((segment, index) =>
      (segment.words ?? []).forEach((_, position) => flatIndex.set(`${index}/${position}`, flatIndex.size)),
    );
    const wordSegmentsAligned = doc.word_segments?.length === flat.length;
    for (const word of transcript.words) {
      const [, segment, key, position] = word.source;
      if (key !== 'words') continue;
      const time = { start: word.start, end: word.end };
      timeOf.set(doc.segments[segment as number]!.words[position as number]!, time);
      if (wordSegmentsAligned)
        timeOf.set(doc.word_segments![flatIndex.get(`${segment}/${position}`)!]!, time);
    }
    const merge = (first: WhisperXWord, last: WhisperXWord, replacement: string): WhisperXWord => ({
      ...first,
      word: replacement,
      start: first.start ?? msToSeconds(timeOf.get(first)!.start),
      end: last.end ?? msToSeconds(timeOf.get(last)!.end),
    });

    const bySegment = textWordsByContainer(transcript, edits, (pointer) => pointer[1] as number);
    doc.segments.forEach((segment, index) => {
      if (segment.words) {
        const inSegment = indexUnder(['segments', index, 'words']);
        segment.words = applyEditsToList(segment.words, transcript, edits, merge, inSegment);
      }
      const text = rewriteTextField(segment.text, bySegment.get(index) ?? [], edits);
      if (text === segment.text) return;
      segment.text = text;
      // Character alignments spell the original text letter by letter.
      delete segment.chars;
    });
    if (doc.word_segments) {
      doc.word_segments = wordSegmentsAligned
        ? applyEditsToList(doc.word_segments, transcript, edits, merge, (pointer) =>
            pointer[2] === 'words' ? flatIndex.get(`${pointer[1]}/${pointer[3]}`) : undefined,
          )
        : doc.segments.flatMap((segment) => segment.words ?? []);
    }
    return serialiseLike(content.text, doc);
  },
};
