/**
 * Streams and turns: how a call's words divide by speaker and by time.
 * A stream is one speaker's words across the whole call (a channel, or a speaker label when
 * the source is mono); a turn is a run of one stream's words that no other stream interrupts.
 */
import type { Role, Transcript, Word } from './transcript.js';

export interface Stream {
  id: number;
  /** What identifies the stream in the source: `ch:0`, `spk:A`, `role:agent` or `all`. */
  key: string;
  channel: number | null;
  speaker: string | null;
  role: Role;
  /** Indices into transcript.words, in time order. */
  words: number[];
}

export interface Turn {
  /** Position in conversation order (time order across all streams). */
  id: number;
  stream: number;
  /** Indices into transcript.words, in time order. */
  words: number[];
  start: number;
  end: number;
}

export interface Conversation {
  streams: Stream[];
  /** Every turn of every stream, in time order. */
  turns: Turn[];
}

function streamKey(transcript: Transcript, word: Word): string {
  if (word.channel !== null && transcript.channels > 1) return `ch:${word.channel}`;
  if (word.speaker !== null) return `spk:${word.speaker}`;
  if (word.role !== 'unknown') return `role:${word.role}`;
  if (word.channel !== null) return `ch:${word.channel}`;
  return 'all';
}

/** True when two words carry the same channel, speaker and role, and so the same stream key. */
function sameSource(a: Word, b: Word): boolean {
  return a.channel === b.channel && a.speaker === b.speaker && a.role === b.role;
}

/** Divides a transcript into speaker streams and time-ordered turns. */
export function divideConversation(transcript: Transcript): Conversation {
  const streams: Stream[] = [];
  const byKey = new Map<string, Stream>();
  const turns: Turn[] = [];
  let current: Turn | undefined;
  let previous: Word | undefined;
  let stream: Stream | undefined;

  const { words } = transcript;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    // Most words share the previous word's source: skip building and looking up its key.
    if (!stream || !previous || !sameSource(previous, word)) {
      const key = streamKey(transcript, word);
      stream = byKey.get(key);
      if (!stream) {
        stream = {
          id: streams.length,
          key,
          channel: word.channel,
          speaker: word.speaker,
          role: word.role,
          words: [],
        };
        streams.push(stream);
        byKey.set(key, stream);
      } else if (stream.role === 'unknown' && word.role !== 'unknown') {
        stream.role = word.role;
      }
    }
    previous = word;
    stream.words.push(index);

    if (current && current.stream === stream.id) {
      current.words.push(index);
      current.end = Math.max(current.end, word.end);
    } else {
      current = { id: turns.length, stream: stream.id, words: [index], start: word.start, end: word.end };
      turns.push(current);
    }
  }

  return { streams, turns };
}
