/**
 * What detection produces: findings (a recognizer's claim, in a stream view's characters)
 * and entities (the engine's resolved result, in words, times and channels).
 * `value` fields hold the sensitive value itself: they exist for hashing and `--reveal`
 * and must never reach logs, errors, audit records or metrics.
 */
import type { Category, EntityType } from './entities.js';
import type { StreamView } from './normalise/view.js';
import type { Conversation } from './streams.js';
import type { Role, TimeSpan } from './transcript.js';

export interface Finding {
  /** Name of the recognizer that made it. */
  recognizer: string;
  type: EntityType;
  view: StreamView;
  /** Range in view.text, [charStart, charEnd). */
  charStart: number;
  charEnd: number;
  /** Confidence 0..1. */
  score: number;
  /** Normalised value (sensitive). */
  value: string;
  /** Why it scored as it did, e.g. `luhn`, `cue:card number`, `asked:agent` (never the value). */
  reasons: string[];
}

/** A contiguous piece of an entity, spoken within one turn. */
export interface EntityPart {
  /** Indices into transcript.words, in time order. */
  words: number[];
  start: number;
  end: number;
  channel: number | null;
  /**
   * Present when a word's timing was interpolated: the span the source timed (cue, segment) that
   * certainly holds the words, which region planning covers whole.
   */
  window?: TimeSpan;
  /** Normalised text of this part (sensitive). */
  value: string;
}

export interface Entity {
  type: EntityType;
  category: Category;
  score: number;
  /** One part per turn the item was spoken over. */
  parts: EntityPart[];
  /** Earliest start and latest end of the parts, ms. */
  start: number;
  end: number;
  /** Channel of the speaker, or null when unknown. */
  channel: number | null;
  role: Role;
  stream: number;
  recognizer: string;
  reasons: string[];
  /** Normalised value (sensitive). */
  value: string;
}

export interface Detection {
  conversation: Conversation;
  views: StreamView[];
  /** In time order. */
  entities: Entity[];
}
