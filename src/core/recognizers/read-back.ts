/**
 * Read-backs: a value supported only by the speaker's own older question ("date of birth?"
 * "…" "okay, the fifth of november 1969") is the first number of their turn. A number said later
 * in that turn ("okay, 4331, thanks. I see the ride on the 9th, bike 17740") is something else the
 * speaker went on to talk about.
 */
import type { CueMatcher } from '../context/cue-matcher.js';
import type { MatchWindow } from './pattern.js';

/** True when only a read-back supports the match and a number was said before it in the lead-in. */
export function laterThanReadBack(window: MatchWindow, cues: CueMatcher): boolean {
  if (window.leadInCue(cues) || window.promptCue(cues) || window.trailCue(cues)) return false;
  return window.recallCue(cues) !== undefined && /\d/.test(window.leadIn);
}
