/**
 * whisper.cpp JSON (`-oj`, and `-ojf` which adds each segment's tokens):
 * `{systeminfo, model, params, result: {language}, transcription: [{timestamps: {from, to},
 * offsets: {from, to}, text, tokens?: [{text, timestamps?, offsets?, id, p, t_dtw}], speaker?}]}`.
 * `offsets` are ms. Tokens are sub-word pieces: one that starts with a space begins a new word,
 * the others continue the word before; special tokens (`[_BEG_]`, `[_TT_150]`) spell nothing.
 * Without tokens, a segment's text is spread over its span (timing `interpolated`).
 */
import * as z from 'zod';
import type { Transcript, Word } from '../core/transcript.js';
import { sortWords } from '../core/transcript.js';
import type { SourceContent, TranscriptFormat, WordEdit } from './format.js';
import { parseWithSchema } from './problems.js';
import { indexUnder, rewriteTextField, serialiseLike, textWordsByContainer } from './rewrite.js';
import { fillMissingTimes, formatClock, spreadText } from './timing.js';
import { firstObjectIn, isJsonObject } from './sniffing.js';
import { makeWord } from './words.js';

const offsetsSchema = z.object({ from: z.number().nonnegative(), to: z.number().nonnegative() });

const tokenSchema = z.object({
  text: z.string(),
  offsets: offsetsSchema.optional(),
  p: z.number().min(0).max(1).optional(),
});

const segmentSchema = z.object({
  offsets: offsetsSchema,
  text: z.string(),
  tokens: z.array(tokenSchema).optional(),
  speaker: z.string().optional(),
});

const documentSchema = z.object({ transcription: z.array(segmentSchema) });

type CppToken = z.output<typeof tokenSchema>;
type CppSegment = z.output<typeof segmentSchema>;

interface CppDocument {
  transcription: (CppSegment & { tokens?: (CppToken & { id?: unknown; timestamps?: unknown })[] })[];
}

/** Control tokens: `[_BEG_]`, `[_TT_150]`, `[_SOT_]`…, or `<|endoftext|>` in other builds. */
function isSpecialToken(text: string): boolean {
  return /^\[_[^\]]*\]$/.test(text) || /^<\|[^|]*\|>$/.test(text);
}

/** A word spelled by tokens first..last (indices into the segment's tokens). */
interface TokenWord {
  text: string;
  first: number;
  last: number;
  start: number | undefined;
  end: number | undefined;
  confidence: number | null;
}

/** Joins a segment's tokens into words. */
function tokenWords(tokens: readonly CppToken[]): TokenWord[] {
  const words: TokenWord[] = [];
  let current: TokenWord | undefined;
  tokens.forEach((token, index) => {
    if (isSpecialToken(token.text)) return;
    if (!current || /^\s/.test(token.text)) {
      current = { text: '', first: index, last: index, start: undefined, end: undefined, confidence: null };
      words.push(current);
    }
    current.text += token.text;
    current.last = index;
    if (token.offsets) {
      current.start ??= token.offsets.from;
      current.end = token.offsets.to;
    }
    // A word is only as certain as its least certain piece.
    if (token.p !== undefined) current.confidence = Math.min(current.confidence ?? 1, token.p);
  });
  return words.map((word) => ({ ...word, text: word.text.trim() })).filter((word) => word.text !== '');
}

function segmentWords(segment: CppSegment, index: number): Word[] {
  const speaker = segment.speaker && segment.speaker !== '?' ? segment.speaker : null;
  const bounds = { start: segment.offsets.from, end: segment.offsets.to };
  const pieces = tokenWords(segment.tokens ?? []);
  if (pieces.length === 0) {
    return spreadText(segment.text, bounds.start, bounds.end).map((word, position) =>
      makeWord({
        ...word,
        speaker,
        source: ['transcription', index, 'text', position],
      }),
    );
  }
  const times = fillMissingTimes(pieces, bounds);
  return pieces.map((piece, position) =>
    makeWord({
      text: piece.text,
      ...times[position]!,
      speaker,
      confidence: piece.confidence,
      source: ['transcription', index, 'tokens', piece.first],
    }),
  );
}

/**
 * Replaces the tokens of each edit's words in one segment by a single token carrying the
 * replacement. The token id goes: it would decode back to the piece it replaced.
 */
function redactTokens(
  tokens: NonNullable<CppDocument['transcription'][number]['tokens']>,
  transcript: Transcript,
  edits: readonly WordEdit[],
  segmentIndex: number,
): typeof tokens {
  const wordAtToken = new Map(tokenWords(tokens).map((word) => [word.first, word]));
  const tokenOf = indexUnder(['transcription', segmentIndex, 'tokens']);
  const replaced = new Map<number, (typeof tokens)[number]>();
  const removed = new Set<number>();
  for (const edit of edits) {
    const inSegment = edit.words
      .map((index) => ({ word: transcript.words[index]!, first: tokenOf(transcript.words[index]!.source) }))
      .filter((entry) => entry.first !== undefined && wordAtToken.has(entry.first))
      .sort((a, b) => a.first! - b.first!);
    if (inSegment.length === 0) continue;
    const first = inSegment[0]!;
    const last = inSegment[inSegment.length - 1]!;
    const from = first.first!;
    const to = wordAtToken.get(last.first!)!.last;
    const kept = { ...tokens[from]! };
    delete kept.id;
    replaced.set(from, {
      ...kept,
      text: /^\s*/.exec(tokens[from]!.text)![0] + edit.replacement,
      timestamps: { from: formatClock(first.word.start), to: formatClock(last.word.end) },
      offsets: { from: first.word.start, to: last.word.end },
    });
    for (let index = from + 1; index <= to; index += 1) removed.add(index);
  }
  return tokens.flatMap((token, index) => (removed.has(index) ? [] : [replaced.get(index) ?? token]));
}

export const whisperCppFormat: TranscriptFormat = {
  id: 'whisper-cpp',
  name: 'whisper.cpp JSON',

  sniff(content: SourceContent): boolean {
    const doc = content.json;
    if (!isJsonObject(doc) || !Array.isArray(doc.transcription)) return false;
    return (
      'systeminfo' in doc || 'result' in doc || isJsonObject(firstObjectIn(doc, 'transcription')?.offsets)
    );
  },

  parse(content: SourceContent): Transcript {
    const doc = parseWithSchema(documentSchema, content, 'whisper.cpp');
    return { format: 'whisper-cpp', words: sortWords(doc.transcription.flatMap(segmentWords)), channels: 1 };
  },

  redact(content: SourceContent, transcript: Transcript, edits: WordEdit[]): string {
    const doc = structuredClone(content.json) as CppDocument;
    const bySegment = textWordsByContainer(transcript, edits, (pointer) => pointer[1] as number);
    doc.transcription.forEach((segment, index) => {
      if (segment.tokens) segment.tokens = redactTokens(segment.tokens, transcript, edits, index);
      segment.text = rewriteTextField(segment.text, bySegment.get(index) ?? [], edits);
    });
    return serialiseLike(content.text, doc);
  },
};
