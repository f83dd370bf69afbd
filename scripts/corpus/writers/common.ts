/** What every format writer reads, and the helpers they share (units, punctuation, cues). */
import type { FormatId } from '../../../src/core/transcript.js';
import type { TimedCall, TimedWord } from '../timeline.js';
import type { Speaker } from '../script.js';

export interface CallRecording extends TimedCall {
  id: string;
  /** Wall-clock start of the recording, epoch ms (platforms that stamp real times use it). */
  startedAt: number;
}

export interface Writer {
  id: FormatId;
  /** File name suffix, e.g. `.aws-transcribe.json`. */
  suffix: string;
  /** True when the file keeps agent and customer on separate channels (0 agent, 1 customer). */
  channels: boolean;
  write(call: CallRecording): string;
}

export const CHANNEL: Record<Speaker, number> = { agent: 0, customer: 1 };

const TRAILING_PUNCTUATION = /[.,?!;:]+$/;

/** A token without the punctuation an engine attaches to it ("1111." → "1111"). */
export function bare(text: string): string {
  return text.replace(TRAILING_PUNCTUATION, '');
}

/** The punctuation attached to the end of a token, or ''. */
export function trailingPunctuation(text: string): string {
  return TRAILING_PUNCTUATION.exec(text)?.[0] ?? '';
}

export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** Seconds as a decimal string, the way AWS Transcribe writes times ("4.86"). */
export function secondsText(ms: number): string {
  return String(seconds(ms));
}

/** JSON as the platform writes it: compact for API responses, indented for tools that indent. */
export function json(doc: unknown, indented = false): string {
  return indented ? `${JSON.stringify(doc, null, 2)}\n` : JSON.stringify(doc);
}

export function text(call: TimedCall, indices: readonly number[]): string {
  return indices.map((index) => call.words[index]!.text).join(' ');
}

export interface Cue {
  speaker: Speaker;
  words: number[];
  start: number;
  end: number;
}

/**
 * Splits speech into caption-sized cues: at long pauses, after about 14 words, or 7 seconds, the
 * way subtitle and segment writers do. Diarised formats cut at every turn; a mono recogniser
 * (`acrossTurns`) does not know who speaks, so a cue can run from the agent's question into the
 * customer's answer. Cues are in time order; a cue's speaker is its first word's.
 */
export function cues(call: TimedCall, acrossTurns = false): Cue[] {
  const runs = acrossTurns ? [call.words.map((_, index) => index)] : call.lines.map((line) => line.words);
  const out: Cue[] = [];
  for (const run of runs) {
    let current: number[] = [];
    const flush = (): void => {
      if (current.length === 0) return;
      out.push({
        speaker: call.words[current[0]!]!.speaker,
        words: current,
        start: call.words[current[0]!]!.start,
        end: call.words[current[current.length - 1]!]!.end,
      });
      current = [];
    };
    for (const index of run) {
      const word = call.words[index]!;
      const first = current.length > 0 ? call.words[current[0]!]! : undefined;
      const previous = current.length > 0 ? call.words[current[current.length - 1]!]! : undefined;
      if (
        previous &&
        (word.start - previous.end > 800 || current.length >= 14 || word.end - first!.start > 7000)
      )
        flush();
      current.push(index);
    }
    flush();
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `HH:MM:SS<sep>mmm`, as SRT (`,`) and WebVTT (`.`) write cue times. */
export function clock(ms: number, separator: ',' | '.'): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const secs = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}${separator}${pad(millis, 3)}`;
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Words of one speaker, in time order. */
export function wordsOf(call: TimedCall, speaker: Speaker): TimedWord[] {
  return call.words.filter((word) => word.speaker === speaker);
}

/** A stable id derived from the call and a label, shaped like a UUID. */
export function pseudoUuid(seed: string): string {
  let hash = 2166136261;
  const parts: string[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const char of `${seed}:${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    parts.push(hash.toString(16).padStart(8, '0'));
  }
  const hex = parts.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
