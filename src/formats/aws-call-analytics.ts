/**
 * AWS Transcribe Call Analytics post-call output (see docs/formats.md): `Transcript[]` turns, each
 * with its `ParticipantRole` (AGENT | CUSTOMER), offsets in ms, `Content` and `Items[]` (words and
 * punctuation, which is read on the word before it). Issues, action items and outcomes point into
 * `Content` by character offsets.
 */
import * as z from 'zod';
import type { Role, Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { invalidAt, parseWithSchema } from './problems.js';
import type { ListPlan } from './rewrite.js';
import {
  applyPlan,
  applyReplacements,
  findReplacements,
  indexUnder,
  offsetAfterReplacements,
  planEdits,
  rewriteTextField,
  serialiseLike,
  textWordsOfPlan,
} from './rewrite.js';
import { spreadText, wordsOfText } from './timing.js';
import { makeWord, punctuatedContents } from './words.js';

const milliseconds = z.number().nonnegative();
const participantRole = z.enum(['AGENT', 'CUSTOMER']);

const itemSchema = z
  .object({
    Content: z.string(),
    Type: z.enum(['pronunciation', 'punctuation']),
    BeginOffsetMillis: milliseconds.optional(),
    EndOffsetMillis: milliseconds.optional(),
    Confidence: z.number().min(0).max(1).optional(),
  })
  .superRefine((item, context) => {
    if (item.Type !== 'pronunciation') return;
    for (const key of ['BeginOffsetMillis', 'EndOffsetMillis'] as const) {
      if (item[key] === undefined) {
        context.addIssue({ code: 'custom', path: [key], message: 'a pronunciation item needs its offset' });
      }
    }
  });

const characterOffsets = z.object({ Begin: z.number().int(), End: z.number().int() });
const detections = z.array(z.object({ CharacterOffsets: characterOffsets.optional() })).optional();

const turnSchema = z.object({
  ParticipantRole: participantRole,
  BeginOffsetMillis: milliseconds,
  EndOffsetMillis: milliseconds,
  Content: z.string(),
  Items: z.array(itemSchema).optional(),
  IssuesDetected: detections,
  ActionItemsDetected: detections,
  OutcomesDetected: detections,
});

const documentSchema = z.object({
  Transcript: z.array(turnSchema),
  ChannelDefinitions: z
    .array(z.object({ ChannelId: z.number().int().nonnegative(), ParticipantRole: participantRole }))
    .optional(),
});

type CallAnalyticsDocument = z.output<typeof documentSchema> & { ContactSummary?: unknown };
type Turn = CallAnalyticsDocument['Transcript'][number];
type ParticipantRole = Turn['ParticipantRole'];

/** Annotations that point into a turn's `Content` by character offsets. */
const DETECTIONS = ['IssuesDetected', 'ActionItemsDetected', 'OutcomesDetected'] as const;

/**
 * The output file does not say which channel each participant spoke on: AWS keeps that in the job's
 * `ChannelDefinitions`. A document that carries them (merged in, as GetCallAnalyticsJob returns
 * them) is followed; otherwise the agent is channel 0 and the customer channel 1, the layout of
 * AWS's own examples.
 */
const DEFAULT_CHANNELS: Readonly<Record<ParticipantRole, number>> = { AGENT: 0, CUSTOMER: 1 };

const ROLES: Readonly<Record<ParticipantRole, Role>> = { AGENT: 'agent', CUSTOMER: 'customer' };

function channelMap(doc: CallAnalyticsDocument, origin: string): Record<ParticipantRole, number> {
  if (!doc.ChannelDefinitions) return { ...DEFAULT_CHANNELS };
  const map = new Map(doc.ChannelDefinitions.map((entry) => [entry.ParticipantRole, entry.ChannelId]));
  const turn = doc.Transcript.findIndex((entry) => !map.has(entry.ParticipantRole));
  if (turn >= 0) {
    throw invalidAt(
      origin,
      ['Transcript', turn, 'ParticipantRole'],
      'ChannelDefinitions give no channel for this role',
    );
  }
  return { AGENT: map.get('AGENT') ?? -1, CUSTOMER: map.get('CUSTOMER') ?? -1 };
}

function turnWords(turn: Turn, index: number, channel: number): Word[] {
  const shared = { channel, speaker: turn.ParticipantRole, role: ROLES[turn.ParticipantRole] };
  if (!turn.Items) {
    // Early streaming output has no items: the turn's words are spread over its time.
    return spreadText(turn.Content, turn.BeginOffsetMillis, turn.EndOffsetMillis).map((word, position) =>
      makeWord({
        ...word,
        ...shared,
        source: ['Transcript', index, 'Content', position],
      }),
    );
  }
  const texts = punctuatedContents(
    turn.Items,
    (item) => item.Content,
    (item) => item.Type === 'punctuation',
  );
  return turn.Items.flatMap((item, position) =>
    item.Type === 'pronunciation'
      ? [
          makeWord({
            text: texts[position]!,
            start: Math.round(item.BeginOffsetMillis!),
            end: Math.round(item.EndOffsetMillis!),
            confidence: item.Confidence ?? null,
            ...shared,
            source: ['Transcript', index, 'Items', position],
          }),
        ]
      : [],
  );
}

/** Rewrites a turn's `Content` and moves the offsets of its detections to match. */
function rewriteContent(turn: Turn, tokens: readonly string[], plan: ListPlan): void {
  const { words, edits } = textWordsOfPlan(tokens, plan);
  const replacements = findReplacements(turn.Content, words, edits);
  turn.Content = replacements
    ? applyReplacements(turn.Content, replacements)
    : rewriteTextField(turn.Content, words, edits);
  const length = turn.Content.length;
  const move = (offset: number, side: 'start' | 'end') =>
    replacements ? offsetAfterReplacements(replacements, offset, side) : Math.min(offset, length);
  for (const key of DETECTIONS) {
    for (const detection of turn[key] ?? []) {
      if (!detection.CharacterOffsets) continue;
      const { Begin, End } = detection.CharacterOffsets;
      detection.CharacterOffsets = {
        ...detection.CharacterOffsets,
        Begin: move(Begin, 'start'),
        End: move(End, 'end'),
      };
    }
  }
}

function rewriteTurn(turn: Turn, index: number, transcript: Transcript, edits: readonly WordEdit[]): void {
  if (!turn.Items) {
    const plan = planEdits(transcript, edits, indexUnder(['Transcript', index, 'Content']));
    if (plan.spans.length > 0) rewriteContent(turn, wordsOfText(turn.Content), plan);
    return;
  }
  const items = turn.Items;
  const plan = planEdits(
    transcript,
    edits,
    indexUnder(['Transcript', index, 'Items']),
    (position) => items[position]!.Type === 'punctuation',
  );
  if (plan.spans.length === 0) return;
  rewriteContent(
    turn,
    items.map((item) => item.Content),
    plan,
  );
  turn.Items = applyPlan(items, plan, (first, last, replacement) => ({
    ...first,
    Content: replacement,
    EndOffsetMillis: last.EndOffsetMillis,
  }));
}

export const awsCallAnalyticsFormat: TranscriptFormat = {
  id: 'aws-call-analytics',
  name: 'AWS Transcribe Call Analytics',

  sniff(content: SourceContent): boolean {
    const turns = (content.json as { Transcript?: unknown } | null)?.Transcript;
    if (!Array.isArray(turns) || turns.length === 0) return false;
    const first = turns[0] as { ParticipantRole?: unknown } | null;
    return typeof first?.ParticipantRole === 'string';
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'AWS Call Analytics');
    const channels = channelMap(doc, content.origin);
    const words = doc.Transcript.flatMap((turn, index) =>
      turnWords(turn, index, channels[turn.ParticipantRole]),
    );
    return {
      format: 'aws-call-analytics',
      words: sortWords(words),
      channels: Math.max(channels.AGENT, channels.CUSTOMER) + 1,
    };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as CallAnalyticsDocument;
    doc.Transcript.forEach((turn, index) => rewriteTurn(turn, index, transcript, edits));
    // A generated call summary can restate a redacted value in its own words: it cannot be
    // redacted word by word, so it goes.
    if (edits.some((edit) => edit.words.length > 0)) delete doc.ContactSummary;
    return serialiseLike(content.text, doc);
  },
};
