/** Builds small detections by hand for the region and redaction tests. */
import type { Detection, Entity } from '../../src/core/detection.js';
import { ENTITY_CATEGORIES, type BuiltInEntityType } from '../../src/core/entities.js';

export interface PartSpec {
  start: number;
  end: number;
  channel?: number | null;
  words?: number[];
  value?: string;
}

export function entity(type: BuiltInEntityType, parts: PartSpec[], value = 'value'): Entity {
  const built = parts.map((part, index) => ({
    words: part.words ?? [index],
    start: part.start,
    end: part.end,
    channel: part.channel === undefined ? 0 : part.channel,
    value: part.value ?? value,
  }));
  return {
    type,
    category: ENTITY_CATEGORIES[type],
    score: 0.9,
    parts: built,
    start: Math.min(...built.map((part) => part.start)),
    end: Math.max(...built.map((part) => part.end)),
    channel: built[0]!.channel,
    role: 'customer',
    stream: 0,
    recognizer: 'test',
    reasons: [],
    value,
  };
}

export function detectionOf(...entities: Entity[]): Detection {
  return { conversation: { streams: [], turns: [] }, views: [], entities };
}
