/**
 * Topic support: a value given a few turns after its type was asked for, out of the prompt's reach
 * ("your passport number?" … "and your son's?" "559018226"), counts when nothing else is being
 * asked for or named around it.
 */
import type { CueHit, CueMatcher } from '../context/cue-matcher.js';
import { compileCues, saidAsPlace } from '../context/cue-matcher.js';
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
  return (window) => {
    if (!window.topicRaised(own, withinMs) || window.promptCue(others)) return false;
    const other = window.leadInCue(others);
    return other === undefined || saysWhere(window.leadIn, other);
  };
}

/** The side of a thing a value is printed on: "the member ID on the front of the card". */
const SIDE_OF = /\b(?:front|back) of (?:(?:the|your|my|his|her|their|our) )?$/;
/** How much text before a hit SIDE_OF needs to see. */
const SIDE_REACH = 20;

/**
 * True when a cue in the lead-in says where the value is written, not what it is: "it's on my
 * phone", "on the back of your card". (The card's own codes keep their cue: this only lets a topic
 * already raised stand.)
 */
function saysWhere(leadIn: string, hit: CueHit): boolean {
  return (
    saidAsPlace(leadIn, hit) || SIDE_OF.test(leadIn.slice(Math.max(0, hit.index - SIDE_REACH), hit.index))
  );
}
