/**
 * What a recognizer may ask about the conversation around a position in a stream view. Context
 * crosses speakers and turns: the agent's question makes the customer's bare answer sensitive.
 */
import type { StreamView, TurnSpan } from '../normalise/view.js';

export interface ContextProbe {
  /** Lower-case normalised text of the same stream just before charPos (at most maxWords words, default 8). */
  leadIn(view: StreamView, charPos: number, maxWords?: number): string;
  /**
   * Lower-case normalised text of what the other speakers said since this stream's previous turn
   * ended, before the turn holding charPos (within 30 s): the question being answered.
   */
  prompt(view: StreamView, charPos: number): string;
  /** True when charPos lies in payment context: a payment cue from any speaker shortly before, not yet closed. */
  inPaymentContext(view: StreamView, charPos: number): boolean;
  /** The turn holding charPos (the nearest one before it for a separator). */
  turnAt(view: StreamView, charPos: number): TurnSpan;
}
