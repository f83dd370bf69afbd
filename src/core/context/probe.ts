/**
 * What a recognizer may ask about the conversation around a position in a stream view. Context
 * crosses speakers and turns: the agent's question makes the customer's bare answer sensitive.
 */
import type { StreamView, TurnSpan } from '../normalise/view.js';
import type { CueHit, CueMatcher } from './cue-matcher.js';

export interface ContextProbe {
  /**
   * Lower-case normalised text of the same stream just before charPos (at most maxWords words,
   * default 8). It runs on over soft turn breaks and stops at a hard one.
   */
  leadIn(view: StreamView, charPos: number, maxWords?: number): string;
  /**
   * Lower-case normalised text of what the other speakers said since this stream's previous turn
   * ended, before the turn holding charPos (within 30 s): the question being answered.
   */
  prompt(view: StreamView, charPos: number): string;
  /**
   * True when charPos lies in payment context: a payment cue from any speaker shortly before (or
   * within 10 s after, in the same turn), not yet closed.
   */
  inPaymentContext(view: StreamView, charPos: number): boolean;
  /** The turn holding charPos (the nearest one before it for a separator). */
  turnAt(view: StreamView, charPos: number): TurnSpan;
  /** Like leadIn, after charPos (at most maxWords words, default 4); stops at a hard turn break. */
  trail(view: StreamView, charPos: number, maxWords?: number): string;
  /** Start time (ms) of the word that produced the character at charPos (the next word for a separator). */
  timeAt(view: StreamView, charPos: number): number;
  /**
   * Like prompt, and further back when neither this stream's previous turn nor the reply since
   * held a digit: a request for a number not yet answered ("your zip?" "why do you need it?"
   * "it's for the delivery" "97214").
   */
  openRequest(view: StreamView, charPos: number): string;
  /** The last hit of a cue lexicon in prompt(view, charPos); computed once per turn and lexicon. */
  promptCue(view: StreamView, charPos: number, cues: CueMatcher): CueHit | undefined;
  /**
   * Lower-case text of this stream's previous turn when the other party only gave a short answer
   * since (within 30 s), else '': what a speaker asked before reading the answer back
   * ("date of birth?" "05261953" "just to confirm may 26 1953").
   */
  recall(view: StreamView, charPos: number): string;
  /** The last hit of a cue lexicon in recall(view, charPos); computed once per turn and lexicon. */
  recallCue(view: StreamView, charPos: number, cues: CueMatcher): CueHit | undefined;
  /**
   * True when any speaker said a cue of the lexicon within withinMs before charPos: earlier in its
   * own turn, or in an earlier turn that started within withinMs: the topic was raised earlier in
   * the call, out of the prompt's reach.
   */
  topicRaised(view: StreamView, charPos: number, cues: CueMatcher, withinMs: number): boolean;
  /**
   * When (ms) a cue of the lexicon was last said before charPos, within withinMs (as topicRaised):
   * the time of the word in charPos's own turn, else the start of the earlier turn; undefined when none.
   */
  topicSince(view: StreamView, charPos: number, cues: CueMatcher, withinMs: number): number | undefined;
}
