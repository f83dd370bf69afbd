/** Short windows of a stream view's text around a position, for cue checks. */
import { HARD_TURN_BREAK } from '../normalise/view.js';

const HARD_BREAK_CODE = HARD_TURN_BREAK.charCodeAt(0);

/** Lower-case words of text just before pos, at most maxWords, not crossing a hard turn break. */
export function wordsBefore(text: string, pos: number, maxWords: number): string {
  // The break is looked for only as far back as the words go: a mono view may have none at all.
  let start = pos;
  let words = 0;
  let inWord = false;
  while (start > 0 && text.charCodeAt(start - 1) !== HARD_BREAK_CODE) {
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
  let end = pos;
  let words = 0;
  let inWord = false;
  while (end < text.length && text.charCodeAt(end) !== HARD_BREAK_CODE) {
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
