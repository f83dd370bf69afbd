/** Spans: pieces of view text with the transcript words they came from. */
import type { Piece } from './tokens.js';

/** Characters of the view made from a range of transcript words. */
export interface Span {
  text: string;
  /** First and last index into transcript.words of the words the characters came from. */
  from: number;
  to: number;
}

/** What a reader made of the items from its start up to, not including, `next`. */
export interface Read {
  spans: Span[];
  next: number;
}

/** Text made from one piece. */
export function pieceSpan(text: string, piece: Piece): Span {
  return { text, from: piece.word, to: piece.word };
}

/** Text made from the words of pieces `first` through `last`. */
export function piecesSpan(text: string, first: Piece, last: Piece): Span {
  return { text, from: first.word, to: last.word };
}
