/**
 * Topic support: a value given a few turns after its type was asked for, out of the prompt's reach
 * ("your passport number?" … "and your son's?" "559018226"), counts when nothing else is being
 * asked for or named around it.
 */
import type { CueMatcher } from '../context/cue-matcher.js';
import { compileCues } from '../context/cue-matcher.js';
import { ALL_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { BuiltInEntityType } from '../entities.js';
import type { MatchWindow } from './pattern.js';

const otherCues = new Map<BuiltInEntityType, CueMatcher>();

/** Every cue of the other built-in types, as one matcher (built once per type). */
export function otherTypesCues(type: BuiltInEntityType): CueMatcher {
  let others = otherCues.get(type);
  if (!others) {
    others = compileCues(
      Object.entries(ALL_ENTITY_CUES).flatMap(([other, cues]) => (other === type ? [] : cues)),
    );
    otherCues.set(type, others);
  }
  return others;
}

/**
 * Every cue that names a kind of item, of every built-in type, as one matcher: all but the card's
 * "ending in", which points at any number.
 */
export const NAMING_CUES: CueMatcher = compileCues(
  Object.entries(ALL_ENTITY_CUES).flatMap(([type, cues]) => (type === 'CARD_LAST4' ? [] : cues)),
);

/** True when the window lies within withinMs after its type's topic, with no other type's cue at hand. */
export function topicOpen(type: BuiltInEntityType, withinMs: number): (window: MatchWindow) => boolean {
  const own = compileCues(ENTITY_CUES[type] ?? []);
  const others = otherTypesCues(type);
  // The topic first: it is looked up in precomputed cue positions, while the first use of the
  // other types' cues compiles an expression of every built-in cue.
  return (window) =>
    window.topicRaised(own, withinMs) && !window.leadInCue(others) && !window.promptCue(others);
}
