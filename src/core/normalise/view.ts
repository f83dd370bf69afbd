/**
 * The normalised view detection runs on: one speaker stream's words across the whole call,
 * rewritten in written form ("four one one one" → "4111", "john dot smith at gmail dot com"
 * → "john.smith@gmail.com"), with every character mapped back to the words it came from.
 * The rules, with examples, are in docs/normalisation.md.
 */
import type { Stream, Turn } from '../streams.js';

/**
 * Separator Hush puts between two turns of a stream when an item may run on across them: the
 * other speakers only backchannelled ("mm hmm", "go on") and the gap was under 10 s.
 */
export const SOFT_TURN_BREAK = ' ';
/** Separator Hush puts between two turns of a stream when nothing runs on across them. */
export const HARD_TURN_BREAK = '\n';

export interface TurnSpan {
  turn: Turn;
  /** Range of this turn's characters in the view's text, [charStart, charEnd); empty for a turn of fillers only. */
  charStart: number;
  charEnd: number;
}

export interface StreamView {
  stream: Stream;
  /**
   * Written form of the stream. Ordinary words keep their case, without surrounding punctuation;
   * fillers (um, uh…) are dropped; numbers become ASCII digit groups ("forty one eleven" → 4111);
   * ordinals become digits; months become lower-case full names; spelled letters become one
   * upper-case run (KWONG); email and web syntax become symbols in lower case. Words are separated
   * by one space, turns by SOFT_TURN_BREAK or HARD_TURN_BREAK.
   */
  text: string;
  /**
   * For each character of text, the first and last index (into transcript.words) of the words
   * it was made from; -1 for separators Hush inserted. A digit of a multi-word number ("double
   * five", "forty one") maps to all its words; the "@" of "at sign" maps to both words.
   */
  wordFrom: Int32Array;
  wordTo: Int32Array;
  /** The stream's turns, in time order, with their character ranges. */
  turns: TurnSpan[];
}
