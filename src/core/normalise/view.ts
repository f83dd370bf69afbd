/**
 * The normalised view detection runs on: one speaker stream's words across the whole call,
 * rewritten in written form ("four one one one" → "4111", "john dot smith at gmail dot com"
 * → "john.smith@gmail.com"), with every character mapped back to the words it came from.
 */
import type { Stream, Turn } from '../streams.js';

/** Separator Hush puts between two turns of a stream when an item may run on across them. */
export const SOFT_TURN_BREAK = ' ';
/** Separator Hush puts between two turns of a stream when nothing runs on across them. */
export const HARD_TURN_BREAK = '\n';

export interface TurnSpan {
  turn: Turn;
  /** Range of this turn's characters in the view's text, [charStart, charEnd). */
  charStart: number;
  charEnd: number;
}

export interface StreamView {
  stream: Stream;
  /**
   * Written form of the stream. Ordinary words keep their case; numbers become digits; spelled
   * letters become upper case letters; email and web syntax become symbols. Words are separated by
   * one space, turns by SOFT_TURN_BREAK or HARD_TURN_BREAK.
   */
  text: string;
  /**
   * For each character of text, the first and last index (into transcript.words) of the words
   * it was made from; -1 for separators Hush inserted.
   */
  wordFrom: Int32Array;
  wordTo: Int32Array;
  /** The stream's turns, in time order, with their character ranges. */
  turns: TurnSpan[];
}
