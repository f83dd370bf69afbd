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

/** Words that say what is asked for right after its digits: "what 4 digits", "your 4 digit pin". */
export const DESCRIBED_BY_NEXT = /^(?:\d+-)?(?:digits?|numbers?|characters?|letters?|figures?)$/;
/** Words that say which digits are asked for right before them: "the last 4 of your card". */
const DESCRIBED_BY_PREVIOUS = /^(?:last|first|final)$/;
/**
 * Words that point at a number already on file right before its digits ("the card ending 9090,
 * shall I use it?"): the asker names it in the question, no answer is given.
 */
const ENDING = /^(?:ending|ends|ended)$/;
const ENDING_LINK = /^(?:in|with)$/;
/** A digit count said as one word: "a 4-digit pin". */
const DIGIT_COUNT = /^\d+-digits?$/;
const DIGIT = /\d/;
const TWO_DIGITS = /\d\D*\d/;
/** Most words between two pieces of one value ("9 1 ABNA 0417"). */
const PIECE_GAP_WORDS = 2;

/** True when words[k] gives a number (two digits or more, or digits said apart), not describes one. */
function givesNumber(words: readonly string[], k: number): boolean {
  const word = words[k]!;
  if (!DIGIT.test(word) || DIGIT_COUNT.test(word)) return false;
  if (DESCRIBED_BY_NEXT.test(words[k + 1] ?? '') || DESCRIBED_BY_PREVIOUS.test(words[k - 1] ?? ''))
    return false;
  if (
    ENDING.test(words[k - 1] ?? '') ||
    (ENDING_LINK.test(words[k - 1] ?? '') && ENDING.test(words[k - 2] ?? ''))
  )
    return false;
  return TWO_DIGITS.test(word) || DIGIT.test(words[k - 1] ?? '') || DIGIT.test(words[k + 1] ?? '');
}

/**
 * In a view that holds every speaker (a mono file), the question a value at pos answers: the
 * lower-case words before it (at most maxWords, not crossing a hard turn break) since the last
 * number given, which answered an earlier question. A number turned down (`turnedDown` finds "it
 * can't be your birth year" after it) leaves the question standing; digits that describe what is
 * asked ("what 4 digits", "the last 4 of") give nothing.
 */
export function questionBefore(
  text: string,
  pos: number,
  maxWords: number,
  turnedDown: (said: string) => boolean,
): string {
  const words = wordsBefore(text, pos, maxWords).split(' ');
  let end = words.length;
  for (let k = words.length - 1; k >= 0; k -= 1) {
    if (!givesNumber(words, k)) continue;
    if (!turnedDown(words.slice(k + 1, end).join(' '))) return words.slice(k + 1).join(' ');
    // The whole value turned down, given in pieces ("NL 9 1 ABNA 0417 …"), is no earlier answer.
    end = k;
    for (let j = k - 1; j >= 0 && end - j <= PIECE_GAP_WORDS + 1; j -= 1) if (givesNumber(words, j)) end = j;
    k = end;
  }
  return words.join(' ');
}
