/**
 * AWS Transcribe standard batch output (see docs/formats.md).
 *
 * Layouts handled, all from one schema:
 * - plain: `results.items[]` (times as strings in seconds; punctuation items carry no times);
 * - diarization: items carry `speaker_label` (newer output) or only `results.speaker_labels.segments[]`
 *   says who spoke when (older output);
 * - channel identification: `results.channel_labels.channels[].items[]` holds each channel's items and
 *   `results.items` repeats them all, each with its `channel_label`;
 * - newer output also numbers items (`id`) and adds `results.audio_segments[]` naming items by id;
 * - alternative transcriptions: `results.segments[].alternatives[]` with their own items.
 * Punctuation items are not words of the model: each is read on the word before it (a question mark
 * ends a prompt), they stay in the document, and those between the words of one redaction go with it.
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { parseWithSchema } from './problems.js';
import type { Absorbed, ListPlan } from './rewrite.js';
import {
  applyPlan,
  editSpans,
  indexInPart,
  indexUnder,
  pairBySignature,
  planByTime,
  planEdits,
  positionsAfterPlan,
  restrictPlan,
  rewriteTextField,
  serialiseLike,
  textWordsByContainer,
  textWordsOfPlan,
  timedSignature,
} from './rewrite.js';
import { secondsToMs } from './timing.js';
import { makeWord, punctuatedContents } from './words.js';

const decimal = /^\d+(\.\d+)?$/;
const seconds = z.union([z.number().nonnegative(), z.string().regex(decimal, 'expected seconds')]);
const score = z.union([z.number(), z.string().regex(decimal, 'expected a number')]);

const itemSchema = z
  .object({
    id: z.number().int().nonnegative().optional(),
    type: z.enum(['pronunciation', 'punctuation']),
    alternatives: z.array(z.object({ content: z.string(), confidence: score.optional() })).min(1),
    start_time: seconds.optional(),
    end_time: seconds.optional(),
    channel_label: z.string().optional(),
    speaker_label: z.string().optional(),
  })
  .superRefine((item, context) => {
    if (item.type !== 'pronunciation') return;
    for (const key of ['start_time', 'end_time'] as const) {
      if (item[key] === undefined) {
        context.addIssue({ code: 'custom', path: [key], message: 'a pronunciation item needs its time' });
      }
    }
  });

const timedSchema = z.object({ start_time: seconds, end_time: seconds });

const resultsSchema = z
  .object({
    transcripts: z.array(z.object({ transcript: z.string() })),
    items: z.array(itemSchema).optional(),
    channel_labels: z
      .object({
        channels: z.array(z.object({ channel_label: z.string(), items: z.array(itemSchema) })).min(1),
        number_of_channels: z.number().int().positive().optional(),
      })
      .optional(),
    speaker_labels: z
      .object({
        segments: z.array(
          timedSchema.extend({
            speaker_label: z.string(),
            items: z.array(timedSchema.extend({ speaker_label: z.string().optional() })),
          }),
        ),
      })
      .optional(),
    audio_segments: z
      .array(timedSchema.extend({ transcript: z.string(), items: z.array(z.number().int().nonnegative()) }))
      .optional(),
    segments: z
      .array(
        z.object({
          alternatives: z.array(
            z.object({
              transcript: z.string(),
              items: z.array(
                z.object({
                  content: z.string(),
                  type: z.enum(['pronunciation', 'punctuation']).optional(),
                  start_time: seconds.optional(),
                  end_time: seconds.optional(),
                }),
              ),
            }),
          ),
        }),
      )
      .optional(),
  })
  .refine((results) => results.items !== undefined || results.channel_labels !== undefined, {
    path: ['items'],
    message: 'expected items (or channel_labels)',
  });

const documentSchema = z.object({ results: resultsSchema });

type AwsDocument = z.output<typeof documentSchema>;
type AwsResults = AwsDocument['results'];
type AwsItem = z.output<typeof itemSchema>;
type AlternativeItem = NonNullable<AwsResults['segments']>[number]['alternatives'][number]['items'][number];

/** `ch_1` → 1; AWS numbers channels from 0. */
function channelOfLabel(label: string | undefined): number | null {
  const match = label === undefined ? null : /^ch_(\d+)$/.exec(label);
  return match ? Number(match[1]) : null;
}

function confidenceOf(item: AwsItem): number | null {
  const value = item.alternatives[0]!.confidence;
  if (value === undefined) return null;
  const number = Number(value);
  return number >= 0 && number <= 1 ? number : null;
}

/** Who spoke at a time, from `speaker_labels` (older diarized output has no speaker on items). */
function speakerFinder(labels: AwsResults['speaker_labels']): (start: number, end: number) => string | null {
  if (!labels) return () => null;
  const byTimes = new Map<string, string>();
  for (const segment of labels.segments) {
    for (const item of segment.items) {
      byTimes.set(`${secondsToMs(item.start_time)}-${secondsToMs(item.end_time)}`, segment.speaker_label);
    }
  }
  return (start, end) =>
    byTimes.get(`${start}-${end}`) ??
    labels.segments.find(
      (segment) => start >= secondsToMs(segment.start_time) && start < secondsToMs(segment.end_time),
    )?.speaker_label ??
    null;
}

/** The lists the words come from: each channel's list with channel identification, else `results.items`. */
function wordLists(
  results: AwsResults,
): { path: (string | number)[]; items: AwsItem[]; channel: number | null }[] {
  if (results.channel_labels) {
    return results.channel_labels.channels.map((channel, index) => ({
      path: ['results', 'channel_labels', 'channels', index, 'items'],
      items: channel.items,
      channel: channelOfLabel(channel.channel_label) ?? index,
    }));
  }
  return [{ path: ['results', 'items'], items: results.items ?? [], channel: null }];
}

function itemTimes(item: {
  start_time?: string | number;
  end_time?: string | number;
}): [number, number] | undefined {
  if (item.start_time === undefined || item.end_time === undefined) return undefined;
  return [secondsToMs(item.start_time), secondsToMs(item.end_time)];
}

function mergeItem(first: AwsItem, last: AwsItem, replacement: string): AwsItem {
  return {
    ...first,
    end_time: last.end_time,
    alternatives: [{ ...first.alternatives[0]!, content: replacement }],
  };
}

/** Punctuation of the same channel between a redaction's words goes with it. */
function punctuationOf(items: readonly AwsItem[]): Absorbed {
  return (position, first) =>
    items[position]!.type === 'punctuation' && items[position]!.channel_label === items[first]!.channel_label;
}

/** Each word item's text with the punctuation after it on its channel; '' for punctuation. */
function itemTexts(items: readonly AwsItem[]): string[] {
  return punctuatedContents(
    items,
    (item) => item.alternatives[0]!.content,
    (item) => item.type === 'punctuation',
    (item) => item.channel_label,
  );
}

/** `results.items` beside channel lists repeats every word; pairs them by channel, times and text. */
function mirrorOfWords(transcript: Transcript, items: readonly AwsItem[]) {
  const labelled = items.some((item) => item.channel_label !== undefined);
  const texts = itemTexts(items);
  const signatures = items.map((item, position) => {
    const times = itemTimes(item);
    if (item.type !== 'pronunciation' || !times) return undefined;
    const channel = labelled ? channelOfLabel(item.channel_label) : null;
    return timedSignature(channel, times[0], times[1], texts[position]!);
  });
  return pairBySignature(transcript, signatures, (word) =>
    timedSignature(labelled ? word.channel : null, word.start, word.end, word.text),
  );
}

/**
 * Rewrites `results.items`, renumbering ids when they were positions (newer output), and returns
 * where each old id went so that audio segments and channel lists can follow.
 */
function rewriteItems(
  results: AwsResults,
  transcript: Transcript,
  edits: readonly WordEdit[],
): { plan: ListPlan; oldItems: AwsItem[]; idAfter: Map<number, number> } {
  const oldItems = results.items ?? [];
  const indexInList = results.channel_labels
    ? mirrorOfWords(transcript, oldItems)
    : indexUnder(['results', 'items']);
  const plan = planEdits(transcript, edits, indexInList, punctuationOf(oldItems));
  const positional = oldItems.length > 0 && oldItems.every((item, position) => item.id === position);
  const after = positionsAfterPlan(plan, oldItems.length);
  let items = applyPlan(oldItems, plan, mergeItem);
  if (positional) items = items.map((item, position) => ({ ...item, id: position }));
  const idAfter = new Map<number, number>();
  oldItems.forEach((item, position) => {
    if (item.id !== undefined) idAfter.set(item.id, items[after[position]!]!.id!);
  });
  if (results.items) results.items = items;
  return { plan, oldItems, idAfter };
}

function rewriteTranscripts(
  results: AwsResults,
  transcript: Transcript,
  edits: readonly WordEdit[],
  itemsPlan: ListPlan,
  oldItems: readonly AwsItem[],
): void {
  const text =
    oldItems.length > 0
      ? textWordsOfPlan(
          oldItems.map((item) => item.alternatives[0]!.content),
          itemsPlan,
        )
      : {
          words: [...textWordsByContainer(transcript, edits, () => 'all').values()].flat(),
          edits: [...edits],
        };
  for (const entry of results.transcripts) {
    entry.transcript = rewriteTextField(entry.transcript, text.words, text.edits);
  }
}

function rewriteAudioSegments(
  results: AwsResults,
  itemsPlan: ListPlan,
  oldItems: readonly AwsItem[],
  idAfter: ReadonlyMap<number, number>,
): void {
  const positionOfId = new Map(oldItems.map((item, position) => [item.id, position]));
  for (const segment of results.audio_segments ?? []) {
    const positions = segment.items.map((id) => positionOfId.get(id));
    const local = restrictPlan(itemsPlan, positions);
    const tokens = positions.map((position) =>
      position === undefined ? '' : oldItems[position]!.alternatives[0]!.content,
    );
    const text = textWordsOfPlan(tokens, local);
    segment.transcript = rewriteTextField(segment.transcript, text.words, text.edits);
    segment.items = [...new Set(segment.items.map((id) => idAfter.get(id) ?? id))];
  }
}

/** Diarization segments list each word's times again; merged words become one entry. */
function rewriteSpeakerLabels(results: AwsResults, transcript: Transcript, edits: readonly WordEdit[]): void {
  const segments = results.speaker_labels?.segments ?? [];
  const flat = segments.flatMap((segment) => segment.items);
  const indexInFlat = pairBySignature(
    transcript,
    flat.map((item) => timedSignature(null, secondsToMs(item.start_time), secondsToMs(item.end_time), '')),
    (word) => timedSignature(null, word.start, word.end, ''),
  );
  let offset = 0;
  for (const segment of segments) {
    const length = segment.items.length;
    const plan = planEdits(transcript, edits, indexInPart(indexInFlat, offset, length));
    segment.items = applyPlan(segment.items, plan, (first, last) => ({ ...first, end_time: last.end_time }));
    offset += length;
  }
}

/** Alternative transcriptions are other hypotheses for the same time: redacted by time. */
function rewriteAlternatives(results: AwsResults, transcript: Transcript, edits: readonly WordEdit[]): void {
  const spans = editSpans(transcript, edits);
  for (const segment of results.segments ?? []) {
    for (const alternative of segment.alternatives) {
      const items = alternative.items;
      const plan = planByTime(
        spans,
        items.map((item) => itemTimes(item)),
        (position) => itemTimes(items[position]!) === undefined,
      );
      const text = textWordsOfPlan(
        items.map((item) => item.content),
        plan,
      );
      alternative.transcript = rewriteTextField(alternative.transcript, text.words, text.edits);
      alternative.items = applyPlan<AlternativeItem>(items, plan, (first, last, replacement) => ({
        ...first,
        end_time: last.end_time,
        content: replacement,
      }));
    }
  }
}

export const awsTranscribeFormat: TranscriptFormat = {
  id: 'aws-transcribe',
  name: 'AWS Transcribe',

  sniff(content: SourceContent): boolean {
    const results = (content.json as { results?: Record<string, unknown> } | null)?.results;
    if (typeof results !== 'object' || results === null || 'channels' in results) return false;
    return (
      Array.isArray(results.items) ||
      (typeof results.channel_labels === 'object' && results.channel_labels !== null)
    );
  },

  parse(content: SourceContent): Transcript {
    const { results } = parseWithSchema(documentSchema, content, 'AWS Transcribe');
    const speakerAt = speakerFinder(results.speaker_labels);
    const words: Word[] = wordLists(results).flatMap(({ path, items, channel }) => {
      const texts = itemTexts(items);
      return items.flatMap((item, position) => {
        const times = itemTimes(item);
        if (item.type !== 'pronunciation' || !times) return [];
        const [start, end] = times;
        return [
          makeWord({
            text: texts[position]!,
            start,
            end,
            channel: channelOfLabel(item.channel_label) ?? channel,
            speaker: item.speaker_label ?? speakerAt(start, end),
            confidence: confidenceOf(item),
            source: [...path, position],
          }),
        ];
      });
    });
    const labels = results.channel_labels;
    const channels = labels
      ? (labels.number_of_channels ??
        Math.max(labels.channels.length, ...words.map((word) => (word.channel ?? 0) + 1)))
      : 1;
    return { format: 'aws-transcribe', words: sortWords(words), channels };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as AwsDocument;
    const results = doc.results;
    const { plan, oldItems, idAfter } = rewriteItems(results, transcript, edits);
    results.channel_labels?.channels.forEach((channel, index) => {
      const channelPlan = planEdits(
        transcript,
        edits,
        indexUnder(['results', 'channel_labels', 'channels', index, 'items']),
        punctuationOf(channel.items),
      );
      channel.items = applyPlan(channel.items, channelPlan, mergeItem).map((item) =>
        item.id === undefined ? item : { ...item, id: idAfter.get(item.id) ?? item.id },
      );
    });
    rewriteTranscripts(results, transcript, edits, plan, oldItems);
    rewriteAudioSegments(results, plan, oldItems, idAfter);
    rewriteSpeakerLabels(results, transcript, edits);
    rewriteAlternatives(results, transcript, edits);
    return serialiseLike(content.text, doc);
  },
};
