/**
 * Topic support: a value given a few turns after its type was asked for, out of the prompt's reach
 * ("your passport number?" … "and your son's?" "559018226"), counts when nothing else is being
 * asked for or named around it.
 */
import type { CueMatcher } from '../context/cue-matcher.js';
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { BuiltInEntityType } from '../entities.js';
import type { MatchWindow } from './pattern.js';

/** True when the window lies within withinMs after its type's topic, with no other type's cue at hand. */
export function topicOpen(type: BuiltInEntityType, withinMs: number): (window: MatchWindow) => boolean {
  const own = compileCues(ENTITY_CUES[type] ?? []);
  const others: CueMatcher = compileCues(
    Object.entries(ENTITY_CUES).flatMap(([other, cues]) => (other === type ? [] : cues)),
  );
  return (window) =>
    !window.leadInCue(others) && !window.promptCue(others) && window.topicRaised(own, withinMs);
}
