/**
 * Hand-built transcripts for tests: one entry per turn, words split from text with made-up times,
 * or given one by one with their own times.
 *
 *   buildTranscript([
 *     { channel: 1, role: 'customer', text: 'four one one one', start: 1000 },
 *     { channel: 0, role: 'agent', text: 'mm hmm' },
 *     { channel: 1, role: 'customer', words: [{ text: 'one', start: 4000, end: 4200 }] },
 *   ]);
 */
import type { FormatId, Role, Transcript, Word } from '../../src/core/transcript.js';
import { sortWords } from '../../src/core/transcript.js';

export interface WordSpec {
  text: string;
  start: number;
  end: number;
  confidence?: number | null;
}

export interface TurnSpec {
  /** The turn's words, split on whitespace, with made-up times. Give this or `words`. */
  text?: string;
  /** The turn's words with their own times (ms). */
  words?: readonly WordSpec[];
  /** Audio channel; null (the default) when the source does not say. */
  channel?: number | null;
  role?: Role;
  speaker?: string | null;
  /** Start of the turn's first made-up word, ms. Default: GAP_MS after the previous turn ends. */
  start?: number;
  /** Length of each made-up word, ms. */
  wordMs?: number;
  /** Confidence of each made-up word. */
  confidence?: number | null;
}

export interface TranscriptOptions {
  format?: FormatId;
  /** Number of channels; default: highest channel used + 1, or 1. */
  channels?: number;
}

/** Default silence before a turn and between made-up words, ms. */
export const GAP_MS = 200;
export const WORD_MS = 300;

export function buildTranscript(turns: readonly TurnSpec[], options: TranscriptOptions = {}): Transcript {
  const words: Word[] = [];
  let clock = 0;
  turns.forEach((turn, t) => {
    const specs = turn.words ?? madeUpWords(turn, turn.start ?? clock + GAP_MS);
    specs.forEach((spec, w) => {
      words.push({
        text: spec.text,
        start: spec.start,
        end: spec.end,
        channel: turn.channel ?? null,
        speaker: turn.speaker ?? null,
        role: turn.role ?? 'unknown',
        confidence: spec.confidence ?? turn.confidence ?? null,
        timing: 'native',
        source: ['turns', t, 'words', w],
      });
      clock = Math.max(clock, spec.end);
    });
  });
  const highestChannel = Math.max(-1, ...words.map((word) => word.channel ?? -1));
  return {
    format: options.format ?? 'hush',
    words: sortWords(words),
    channels: options.channels ?? Math.max(1, highestChannel + 1),
  };
}

function madeUpWords(turn: TurnSpec, start: number): WordSpec[] {
  if (turn.text === undefined) throw new Error('buildTranscript: a turn needs `text` or `words`');
  const length = turn.wordMs ?? WORD_MS;
  return turn.text
    .split(/\s+/)
    .filter((text) => text !== '')
    .map((text, i) => {
      const wordStart = start + i * (length + GAP_MS);
      return { text, start: wordStart, end: wordStart + length };
    });
}

/** The texts of transcript words by index, joined by spaces: what a word range says. */
export function wordsText(transcript: Transcript, indices: readonly number[]): string {
  return indices.map((index) => transcript.words[index]!.text).join(' ');
}
