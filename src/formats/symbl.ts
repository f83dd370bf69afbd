/**
 * Symbl.ai Messages API response (`GET /v1/conversations/{id}/messages?verbose=true`):
 * `{messages: [{id, text, from: {id?, name?, userId?, email?}, startTime, endTime, timeOffset,
 * duration, conversationId, phrases?, sentiment?, words?: [{word, startTime, endTime, score?,
 * timeOffset, duration}]}]}`. `timeOffset` and `duration` are seconds from the conversation's
 * start; responses without them are timed from the ISO `startTime`/`endTime`, relative to the
 * earliest message. Symbl publishes no speaker role: a speaker named like a role (`Agent`) gives it.
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { invalidAt, parseWithSchema } from './problems.js';
import type { TextReplacement } from './rewrite.js';
import {
  applyEditsToList,
  applyReplacements,
  findReplacements,
  indexUnder,
  replacementsWithin,
  rewriteTextField,
  serialiseLike,
  textWordsByContainer,
} from './rewrite.js';
import { epochMs, fillMissingTimes, msToSeconds, secondsToMs, spreadText } from './timing.js';
import { firstObjectIn, isJsonObject } from './sniffing.js';
import { makeWord } from './words.js';

const seconds = z.number().nonnegative();

/** The timing fields messages and words share. */
const timedSchema = {
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  timeOffset: seconds.optional(),
  duration: seconds.optional(),
};

const wordSchema = z.object({ word: z.string(), score: z.number().min(0).max(1).optional(), ...timedSchema });

const messageSchema = z.object({
  text: z.string(),
  from: z
    .object({ id: z.string().optional(), name: z.string().optional(), userId: z.string().optional() })
    .optional(),
  phrases: z.array(z.object({ text: z.string() })).optional(),
  words: z.array(wordSchema).optional(),
  ...timedSchema,
});

const documentSchema = z.object({ messages: z.array(messageSchema) });

type SymblWord = z.output<typeof wordSchema>;
type SymblMessage = z.output<typeof messageSchema>;
type Timed = Pick<SymblWord, 'startTime' | 'endTime' | 'timeOffset' | 'duration'>;

interface SymblDocument {
  messages: (SymblMessage & { phrases?: { text: string }[] })[];
}

/** Reads an ISO date-time as epoch ms; an unreadable one is an error at its path. */
function isoMs(value: string, origin: string, path: (string | number)[]): number {
  const ms = epochMs(value);
  if (ms === undefined) throw invalidAt(origin, path, 'not an ISO date-time');
  return ms;
}

/**
 * A message's or word's span in ms from the conversation start: from `timeOffset`/`duration`,
 * else from the ISO times relative to `zero` (epoch ms); undefined when it has neither.
 */
function spanOf(
  item: Timed,
  zero: number,
  origin: string,
  path: (string | number)[],
): { start: number; end: number } | undefined {
  const iso = (key: 'startTime' | 'endTime') =>
    item[key] === undefined ? undefined : isoMs(item[key], origin, [...path, key]) - zero;
  if (item.timeOffset !== undefined) {
    const start = secondsToMs(item.timeOffset);
    const isoStart = iso('startTime');
    const isoEnd = iso('endTime');
    const length =
      item.duration !== undefined
        ? secondsToMs(item.duration)
        : isoStart !== undefined && isoEnd !== undefined
          ? isoEnd - isoStart
          : 0;
    return { start, end: start + Math.max(0, length) };
  }
  const start = iso('startTime');
  if (start === undefined) return undefined;
  return { start, end: Math.max(start, iso('endTime') ?? start) };
}

function speakerOf(message: SymblMessage): string | null {
  const from = message.from;
  return from?.name || from?.userId || from?.id || null;
}

function messageWords(message: SymblMessage, index: number, zero: number, origin: string): Word[] {
  const path = ['messages', index];
  const span = spanOf(message, zero, origin, path);
  if (!span)
    throw invalidAt(origin, [...path, 'timeOffset'], 'the message has no time (timeOffset or startTime)');
  const speaker = speakerOf(message);
  if (!message.words || message.words.length === 0) {
    return spreadText(message.text, span.start, span.end).map((word, position) =>
      makeWord({ ...word, speaker, source: [...path, 'text', position] }),
    );
  }
  const spans = message.words.map((word, position) => ({
    text: word.word,
    ...(spanOf(word, zero, origin, [...path, 'words', position]) ?? { start: undefined, end: undefined }),
  }));
  const times = fillMissingTimes(spans, span);
  return message.words.map((word, position) =>
    makeWord({
      text: word.word,
      ...times[position]!,
      speaker,
      confidence: word.score ?? null,
      source: [...path, 'words', position],
    }),
  );
}

/** The earliest message start (epoch ms): the zero for responses timed only by ISO date-times. */
function conversationStart(messages: readonly SymblMessage[], origin: string): number {
  const starts = messages.flatMap((message, index) =>
    message.startTime === undefined
      ? []
      : [isoMs(message.startTime, origin, ['messages', index, 'startTime'])],
  );
  return starts.length > 0 ? Math.min(...starts) : 0;
}

function mergeWords(first: SymblWord, last: SymblWord, replacement: string): SymblWord {
  const merged: SymblWord = { ...first, word: replacement };
  if (last.endTime !== undefined) merged.endTime = last.endTime;
  if (first.timeOffset !== undefined && last.timeOffset !== undefined) {
    const end = secondsToMs(last.timeOffset) + secondsToMs(last.duration ?? 0);
    merged.duration = msToSeconds(end - secondsToMs(first.timeOffset));
  }
  return merged;
}

/**
 * Rewrites the phrases Symbl picked out of a message (substrings of its text) with the same
 * replacements as the text. A phrase that cannot be placed in the text while the message has
 * replacements is dropped rather than risk keeping a replaced word.
 */
function redactPhrases(
  phrases: { text: string }[],
  text: string,
  replacements: readonly TextReplacement[] | undefined,
): { text: string }[] {
  return phrases.flatMap((phrase) => {
    const at = text.indexOf(phrase.text);
    if (at === -1 || !replacements) return [];
    const inside = replacementsWithin(replacements, at, at + phrase.text.length);
    return [{ ...phrase, text: applyReplacements(phrase.text, inside) }];
  });
}

export const symblFormat: TranscriptFormat = {
  id: 'symbl',
  name: 'Symbl.ai messages',

  sniff(content: SourceContent): boolean {
    const doc = content.json;
    if (!isJsonObject(doc)) return false;
    const first = firstObjectIn(doc, 'messages');
    return (
      first !== undefined &&
      typeof first.text === 'string' &&
      ('conversationId' in first || 'timeOffset' in first || isJsonObject(first.from))
    );
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'Symbl');
    const zero = conversationStart(doc.messages, content.origin);
    const words = doc.messages.flatMap((message, index) =>
      messageWords(message, index, zero, content.origin),
    );
    return { format: 'symbl', words: sortWords(words), channels: 1 };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as SymblDocument;
    const byMessage = textWordsByContainer(transcript, edits, (pointer) => pointer[1] as number);
    doc.messages.forEach((message, index) => {
      if (message.words) {
        const inMessage = indexUnder(['messages', index, 'words']);
        message.words = applyEditsToList(message.words, transcript, edits, mergeWords, inMessage);
      }
      const words = byMessage.get(index) ?? [];
      if (words.every((word) => word.edit === undefined)) return;
      if (message.phrases) {
        message.phrases = redactPhrases(
          message.phrases,
          message.text,
          findReplacements(message.text, words, edits),
        );
      }
      message.text = rewriteTextField(message.text, words, edits);
    });
    return serialiseLike(content.text, doc);
  },
};
