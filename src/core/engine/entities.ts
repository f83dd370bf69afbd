/** Turns resolved findings (ranges of a stream view's text) into entities (words, times, channels). */
import type { Entity, EntityPart, Finding } from '../detection.js';
import type { Category, EntityType } from '../entities.js';
import { wordsInRange } from '../normalise/align.js';
import type { Conversation } from '../streams.js';
import type { TimeSpan, Transcript } from '../transcript.js';

/**
 * One entity per finding, with one part per turn the item was spoken over, in time order.
 * Findings that map to no word (nothing spoken) are dropped.
 */
export function toEntities(
  transcript: Transcript,
  conversation: Conversation,
  findings: readonly Finding[],
  categoryOf: (type: EntityType) => Category,
): Entity[] {
  const turnOfWord = new Int32Array(transcript.words.length).fill(-1);
  for (const turn of conversation.turns) for (const word of turn.words) turnOfWord[word] = turn.id;

  const entities: Entity[] = [];
  for (const finding of findings) {
    const words = wordsInRange(finding.view, finding.charStart, finding.charEnd);
    if (words.length === 0) continue;
    const parts = splitByTurn(transcript, finding, words, turnOfWord);
    const { stream } = finding.view;
    entities.push({
      type: finding.type,
      category: categoryOf(finding.type),
      score: finding.score,
      parts,
      start: Math.min(...parts.map((part) => part.start)),
      end: Math.max(...parts.map((part) => part.end)),
      channel: stream.channel ?? transcript.words[words[0]!]!.channel,
      role: stream.role,
      stream: stream.id,
      recognizer: finding.recognizer,
      reasons: finding.reasons,
      value: finding.value,
    });
  }
  return entities.sort(
    (a, b) => a.start - b.start || a.end - b.end || a.stream - b.stream || compare(a.type, b.type),
  );
}

function splitByTurn(
  transcript: Transcript,
  finding: Finding,
  words: readonly number[],
  turnOfWord: Int32Array,
): EntityPart[] {
  const parts: EntityPart[] = [];
  let current: number[] = [];
  const flush = (): void => {
    if (current.length > 0) parts.push(toPart(transcript, finding, current, turnOfWord[current[0]!]!));
    current = [];
  };
  for (const word of words) {
    if (current.length > 0 && turnOfWord[word] !== turnOfWord[current[0]!]) flush();
    current.push(word);
  }
  flush();
  return parts;
}

function toPart(transcript: Transcript, finding: Finding, words: number[], turnId: number): EntityPart {
  const span = finding.view.turns.find((candidate) => candidate.turn.id === turnId);
  const from = Math.max(finding.charStart, span?.charStart ?? finding.charStart);
  const to = Math.min(finding.charEnd, span?.charEnd ?? finding.charEnd);
  const window = windowOf(transcript, words);
  return {
    words,
    start: Math.min(...words.map((word) => transcript.words[word]!.start)),
    end: Math.max(...words.map((word) => transcript.words[word]!.end)),
    channel: transcript.words[words[0]!]!.channel,
    ...(window ? { window } : {}),
    value: finding.view.text.slice(from, to).trim(),
  };
}

/** The span holding the words whose times were interpolated, or undefined when all are native. */
function windowOf(transcript: Transcript, words: readonly number[]): TimeSpan | undefined {
  let window: TimeSpan | undefined;
  for (const index of words) {
    const span = transcript.words[index]!.window;
    if (!span) continue;
    window = window
      ? { start: Math.min(window.start, span.start), end: Math.max(window.end, span.end) }
      : { ...span };
  }
  return window;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
