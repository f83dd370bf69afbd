/** The unit of text redaction, shared by the redaction styles and the format writers. */

/**
 * One replacement in a redacted transcript: the words (contiguous in one speaker's turn, in time
 * order, as indices into transcript.words) become a single word whose text is `replacement` and
 * whose time runs from the first word's start to the last word's end.
 */
export interface WordEdit {
  words: number[];
  replacement: string;
}
