/**
 * Turn breaks: whether an item may run on from one turn of a stream to its next. It may when the
 * other speakers only backchannelled or prompted in between ("4111" / "mm hmm" / "1111") and the
 * pause was short; an answer to a new question ("and your zip?") starts afresh.
 */
import type { Conversation, Turn } from '../streams.js';
import type { Transcript } from '../transcript.js';
import { BACKCHANNEL_PHRASES, CARDINALS, MAYBE_ZERO_WORDS, ZERO_WORDS, isFiller } from './lexicon.js';
import { HARD_TURN_BREAK, SOFT_TURN_BREAK } from './view.js';

/** Longest silence, ms, across which an item may still run on. */
export const MAX_SOFT_GAP_MS = 10_000;

/** More words than this in between is a conversation, not a backchannel. */
const MAX_BACKCHANNEL_WORDS = 12;

/** Backchannel phrases as word lists, grouped by first word, longest first. */
const PHRASES_BY_FIRST_WORD = groupPhrases(BACKCHANNEL_PHRASES);

/**
 * The separator between two turns of one stream (`previous` before `current` in conversation
 * order): SOFT_TURN_BREAK when only backchannels from other streams lie between them and the gap
 * is under MAX_SOFT_GAP_MS, else HARD_TURN_BREAK.
 */
export function turnBreak(
  transcript: Transcript,
  conversation: Conversation,
  previous: Turn,
  current: Turn,
): typeof SOFT_TURN_BREAK | typeof HARD_TURN_BREAK {
  if (current.start - previous.end >= MAX_SOFT_GAP_MS) return HARD_TURN_BREAK;
  const between: string[] = [];
  for (let t = previous.id + 1; t < current.id; t += 1) {
    const turn = conversation.turns[t]!;
    // The stream's own turns in between made no characters (fillers only).
    if (turn.stream === current.stream) continue;
    for (const index of turn.words) {
      addFoldedWords(transcript.words[index]!.text, between);
      if (between.length > MAX_BACKCHANNEL_WORDS) return HARD_TURN_BREAK;
    }
  }
  return isBackchannel(between) || echoesPiece(transcript, previous, between)
    ? SOFT_TURN_BREAK
    : HARD_TURN_BREAK;
}

/** The most words of an echo: the other party repeating the piece just given ("A zero?"). */
const MAX_ECHO_WORDS = 6;

/**
 * True when the other party only repeated the end of the previous turn, as a listener echoes each
 * piece of a value while it is given ("… it's A 0" / "A zero" / "3944187"): an echo holding a digit
 * or a single letter, acknowledgements around it aside, said as words or written.
 */
function echoesPiece(transcript: Transcript, previous: Turn, between: readonly string[]): boolean {
  const echo = between.filter((word) => !isBackchannel([word])).map(digitOf);
  if (echo.length === 0 || echo.length > MAX_ECHO_WORDS) return false;
  if (!echo.some((word) => word.length === 1 || /\d/.test(word))) return false;
  const wanted = echo.join('');
  let said = '';
  for (let k = previous.words.length - 1; k >= 0 && said.length < wanted.length; k -= 1) {
    const words: string[] = [];
    addFoldedWords(transcript.words[previous.words[k]!]!.text, words);
    said = words.map(digitOf).join('') + said;
  }
  return said === wanted;
}

/** A digit said as a word ("zero", "oh", "seven") as its digit; any other word as it is. */
function digitOf(word: string): string {
  if (ZERO_WORDS.has(word) || MAYBE_ZERO_WORDS.has(word)) return '0';
  const number = CARDINALS.get(word);
  return number?.class === 'unit' ? String(number.value) : word;
}

/** Appends the lower-case words of a transcript word, punctuation dropped and hyphens split ("Mm-hmm," → mm, hmm). */
function addFoldedWords(text: string, out: string[]): void {
  let start = 0;
  while (start < text.length) {
    while (start < text.length && !isWordChar(text.charCodeAt(start))) start += 1;
    let end = start;
    while (end < text.length && (isWordChar(text.charCodeAt(end)) || text[end] === "'")) end += 1;
    if (end > start) out.push(text.slice(start, end).toLowerCase());
    start = end;
  }
}

/** ASCII letters and digits, and anything beyond ASCII (accented letters). */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || code > 0x7f;
}

/** True when `words` (lower-case, punctuation dropped) is entirely fillers and backchannel phrases. */
export function isBackchannel(words: readonly string[]): boolean {
  let i = 0;
  while (i < words.length) {
    const phrase = PHRASES_BY_FIRST_WORD.get(words[i]!)?.find((candidate) => startsWith(words, i, candidate));
    if (phrase !== undefined) i += phrase.length;
    else if (isFiller(words[i]!)) i += 1;
    else return false;
  }
  return true;
}

function startsWith(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((word, k) => words[at + k] === word);
}

function groupPhrases(phrases: readonly string[]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const group = groups.get(words[0]!) ?? [];
    group.push(words);
    groups.set(words[0]!, group);
  }
  for (const group of groups.values()) group.sort((a, b) => b.length - a.length);
  return groups;
}
