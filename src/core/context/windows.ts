/** Short windows of a stream view's text around a position, for cue checks. */
import { HARD_TURN_BREAK } from '../normalise/view.js';

/** Lower-case words of text just before pos, at most maxWords, not crossing a hard turn break. */
export function wordsBefore(text: string, pos: number, maxWords: number): string {
  const stop = text.lastIndexOf(HARD_TURN_BREAK, pos - 1) + 1;
  let start = pos;
  let words = 0;
  let inWord = false;
  while (start > stop) {
    const space = text.charCodeAt(start - 1) === 32;
    if (!space && !inWord) {
      if (words === maxWords) break;
      words += 1;
    }
    inWord = !space;
    start -= 1;
  }
  return text.slice(start, pos).trim().toLowerCase();
}

/** Lower-case words of text from pos on, at most maxWords, not crossing a hard turn break. */
export function wordsAfter(text: string, pos: number, maxWords: number): string {
  const found = text.indexOf(HARD_TURN_BREAK, pos);
  const stop = found < 0 ? text.length : found;
  let end = pos;
  let words = 0;
  let inWord = false;
  while (end < stop) {
    const space = text.charCodeAt(end) === 32;
    if (!space && !inWord) {
      if (words === maxWords) break;
      words += 1;
    }
    inWord = !space;
    end += 1;
  }
  return text.slice(pos, end).trim().toLowerCase();
}
