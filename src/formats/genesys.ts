/**
 * Genesys Cloud speech and text analytics transcript (see docs/formats.md): `transcripts[].phrases[]`,
 * each phrase with `text` (raw words), `decoratedText` (cased, punctuated, numbers formatted), its
 * `participantPurpose` (internal | external), `words[]` and sometimes `decoratedWords[]`, all timed
 * in epoch ms (`startTimeMs`, `duration.milliseconds`). Times become relative to the recording
 * start: the document's `startTime` (epoch ms or ISO 8601), else the earliest word.
 *
 * Channel: the document does not say which audio channel a participant spoke on, so words have
 * no channel (null) and one channel is reported; speaker streams come from the role
 * (participantPurpose internal → agent, external → customer).
 */
import * as z from 'zod';
import type { Role, Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { invalidAt, parseWithSchema } from './problems.js';
import type { EditSpan, ListPlan } from './rewrite.js';
import {
  applyPlan,
  editSpans,
  indexUnder,
  planByTime,
  planEdits,
  rewriteTextField,
  serialiseLike,
  textWordsOfPlan,
} from './rewrite.js';
import { decorateWords } from './decoration.js';
import { epochMs, spreadText, wordsOfText } from './timing.js';
import { makeWord } from './words.js';

const epoch = z.number().nonnegative();

const wordSchema = z.object({
  word: z.string(),
  confidence: z.number().min(0).max(1).optional(),
  startTimeMs: epoch,
  duration: z.object({ milliseconds: z.number().nonnegative() }).optional(),
});

const phraseSchema = z.object({
  text: z.string(),
  decoratedText: z.string().optional(),
  startTimeMs: epoch,
  duration: z.object({ milliseconds: z.number().nonnegative() }).optional(),
  participantPurpose: z.string().optional(),
  words: z.array(wordSchema).optional(),
  decoratedWords: z.array(wordSchema).optional(),
  alternatives: z.array(z.unknown()).optional(),
});

const documentSchema = z.object({
  startTime: z.union([z.number(), z.string()]).optional(),
  transcripts: z.array(z.object({ phrases: z.array(phraseSchema) })).min(1),
});

type GenesysDocument = z.output<typeof documentSchema>;
type Phrase = GenesysDocument['transcripts'][number]['phrases'][number];
type GenesysWord = z.output<typeof wordSchema>;

const ROLES: Readonly<Record<string, Role>> = { internal: 'agent', external: 'customer' };

function endOf(timed: { startTimeMs: number; duration?: { milliseconds: number } | undefined }): number {
  return timed.startTimeMs + (timed.duration?.milliseconds ?? 0);
}

/** A phrase has its own word timings, or only its text over the phrase's time. */
function timedWords(phrase: Phrase): GenesysWord[] | undefined {
  return phrase.words && phrase.words.length > 0 ? phrase.words : undefined;
}

/** The recording start in epoch ms: the document's startTime, else the earliest word or phrase. */
function recordingStart(doc: GenesysDocument, origin: string): number {
  if (doc.startTime !== undefined) {
    const start = epochMs(doc.startTime);
    if (start === undefined) throw invalidAt(origin, ['startTime'], 'expected epoch ms or an ISO 8601 time');
    return start;
  }
  const starts = doc.transcripts.flatMap((transcript) =>
    transcript.phrases.flatMap(
      (phrase) => timedWords(phrase)?.map((word) => word.startTimeMs) ?? [phrase.startTimeMs],
    ),
  );
  return starts.length > 0 ? Math.min(...starts) : 0;
}

function phraseWords(phrase: Phrase, path: (string | number)[], base: number, origin: string): Word[] {
  const shared = { role: ROLES[phrase.participantPurpose ?? ''] ?? 'unknown' };
  const relative = (at: number, where: (string | number)[]) => {
    if (at < base) throw invalidAt(origin, where, 'starts before the recording start (startTime)');
    return Math.round(at - base);
  };
  const words = timedWords(phrase);
  if (!words) {
    const start = relative(phrase.startTimeMs, [...path, 'startTimeMs']);
    const end = start + Math.round(phrase.duration?.milliseconds ?? 0);
    return spreadText(phrase.text, start, end).map((word, position) =>
      makeWord({ ...word, ...shared, source: [...path, 'text', position] }),
    );
  }
  // Raw words are lower case and bare; the decorated text gives their case and punctuation.
  const forms =
    phrase.decoratedText === undefined
      ? words.map((word) => word.word)
      : decorateWords(
          words.map((word) => word.word),
          phrase.decoratedText,
        );
  return words.map((word, position) => {
    const start = relative(word.startTimeMs, [...path, 'words', position, 'startTimeMs']);
    return makeWord({
      text: forms[position]!,
      start,
      end: start + Math.round(endOf(word) - word.startTimeMs),
      confidence: word.confidence ?? null,
      ...shared,
      source: [...path, 'words', position],
    });
  });
}

function mergeWord(first: GenesysWord, last: GenesysWord, replacement: string): GenesysWord {
  return { ...first, word: replacement, duration: { milliseconds: endOf(last) - first.startTimeMs } };
}

/**
 * The decorated text formats numbers and addresses, so its words do not match the raw ones:
 * decorated words are redacted by time, and without them (or when none share time with the
 * redaction) the decorated text is rewritten from the raw words, cased as it writes them — rebuilt
 * from them when they cannot be found in it.
 */
function rewriteDecorated(
  phrase: Phrase,
  raw: { words: { text: string; edit: number | undefined }[]; edits: WordEdit[] },
  spans: readonly EditSpan[],
  base: number,
): void {
  const decorated = phrase.decoratedWords;
  const plan: ListPlan | undefined = decorated
    ? planByTime(
        spans,
        decorated.map((word) => [word.startTimeMs - base, endOf(word) - base] as const),
      )
    : undefined;
  if (decorated && plan && plan.spans.length > 0) {
    const spelled = textWordsOfPlan(
      decorated.map((word) => word.word),
      plan,
    );
    if (phrase.decoratedText !== undefined) {
      phrase.decoratedText = rewriteTextField(phrase.decoratedText, spelled.words, spelled.edits);
    }
    phrase.decoratedWords = applyPlan(decorated, plan, mergeWord);
  } else if (phrase.decoratedText !== undefined) {
    phrase.decoratedText = rewriteTextField(phrase.decoratedText, raw.words, raw.edits);
  }
}

function rewritePhrase(
  phrase: Phrase,
  path: (string | number)[],
  transcript: Transcript,
  edits: readonly WordEdit[],
  base: number,
): void {
  const words = timedWords(phrase);
  const listPath = words ? [...path, 'words'] : [...path, 'text'];
  const inPhrase = indexUnder(listPath);
  const plan = planEdits(transcript, edits, inPhrase);
  if (plan.spans.length === 0) return;
  const listed = words ? words.map((word) => word.word) : wordsOfText(phrase.text);
  const raw = textWordsOfPlan(listed, plan);
  phrase.text = rewriteTextField(phrase.text, raw.words, raw.edits);
  if (words) phrase.words = applyPlan(words, plan, mergeWord);
  const here = edits.filter((edit) =>
    edit.words.some((index) => inPhrase(transcript.words[index]!.source) !== undefined),
  );
  const spans = editSpans(transcript, here);
  // Cased as the import read them, the words are found in the decorated text, or rebuild it cased.
  const cased =
    phrase.decoratedText === undefined ? listed : decorateWords(listed, phrase.decoratedText, false);
  rewriteDecorated(phrase, textWordsOfPlan(cased, plan), spans, base);
  // Alternative hypotheses for the phrase may repeat the redacted value: they go.
  if (phrase.alternatives) phrase.alternatives = [];
}

export const genesysFormat: TranscriptFormat = {
  id: 'genesys',
  name: 'Genesys Cloud transcript',

  sniff(content: SourceContent): boolean {
    const transcripts = (content.json as { transcripts?: unknown } | null)?.transcripts;
    if (!Array.isArray(transcripts) || transcripts.length === 0) return false;
    return Array.isArray((transcripts[0] as { phrases?: unknown } | null)?.phrases);
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'Genesys Cloud');
    const base = recordingStart(doc, content.origin);
    const words = doc.transcripts.flatMap((entry, t) =>
      entry.phrases.flatMap((phrase, p) =>
        phraseWords(phrase, ['transcripts', t, 'phrases', p], base, content.origin),
      ),
    );
    return { format: 'genesys', words: sortWords(words), channels: 1 };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as GenesysDocument;
    const base = recordingStart(doc, content.origin);
    doc.transcripts.forEach((entry, t) =>
      entry.phrases.forEach((phrase, p) =>
        rewritePhrase(phrase, ['transcripts', t, 'phrases', p], transcript, edits, base),
      ),
    );
    return serialiseLike(content.text, doc);
  },
};
