/**
 * Entities of one type as compact `channel:words@start-end` strings: the transcript words an entity
 * covers (as the source wrote them) and its times, for exact assertions in recognizer tests.
 */
import type { PolicyInput } from '../../src/core/policy.js';
import type { Transcript } from '../../src/core/transcript.js';
import { wordsText } from '../helpers/transcript.js';
import { detectIn } from './conversation.js';

export function spansOf(transcript: Transcript, type: string, policy: PolicyInput = {}): string[] {
  return detectIn(transcript, policy)
    .entities.filter((entity) => entity.type === type)
    .map((entity) => {
      const words = wordsText(
        transcript,
        entity.parts.flatMap((part) => part.words),
      );
      return `${entity.channel ?? '-'}:${words}@${entity.start}-${entity.end}`;
    });
}

/** The reasons of each entity of the type, in time order. */
export function reasonsOf(transcript: Transcript, type: string): string[][] {
  return detectIn(transcript)
    .entities.filter((entity) => entity.type === type)
    .map((entity) => entity.reasons);
}
