/**
 * Word tokens of a stream view, with their character ranges and the turn they belong to, so the
 * dialogue recognizers can reason in words and still report tight character ranges.
 */
import type { StreamView } from '../../normalise/view.js';
import { HARD_TURN_BREAK } from '../../normalise/view.js';

/** How a token is separated from the one before it. */
export type Break = 'none' | 'soft' | 'hard';

export interface Token {
  /** The token as the view writes it, without surrounding punctuation. */
  text: string;
  /** Lower case, with typographic apostrophes made plain: what lexicons are matched against. */
  lower: string;
  /** Range in view.text, [start, end). */
  start: number;
  end: number;
  /** Index into view.turns. */
  turn: number;
  /** `none` inside a turn; at a turn's first token, the kind of break the normaliser put before it. */
  breakBefore: Break;
}

const LEADING_PUNCTUATION = /^[,.;:!?"()[\]{}…]+/;
const TRAILING_PUNCTUATION = /[,.;:!?"()[\]{}…]+$/;

/**
 * Contractions kept whole. Any other "'s" ending is split off as its own word, so "name's",
 * "mother's" and "John's" match lexicon phrases written with the bare noun.
 */
const WHOLE_S_WORDS = new Set([
  "it's",
  "that's",
  "what's",
  "he's",
  "she's",
  "there's",
  "here's",
  "let's",
  "who's",
  "where's",
  "how's",
  "when's",
  "why's",
]);

const TYPOGRAPHIC_APOSTROPHES = /[’‘`]/g;

function plainApostrophes(word: string): string {
  return word.includes('’') || word.includes('‘') || word.includes('`')
    ? word.replace(TYPOGRAPHIC_APOSTROPHES, "'")
    : word;
}

/** Splits one written word into [offset, length] pieces: the word, and a split-off "'s". */
function pieces(word: string): [number, number][] {
  const lower = plainApostrophes(word).toLowerCase();
  if (lower.length > 2 && lower.endsWith("'s") && !WHOLE_S_WORDS.has(lower)) {
    return [
      [0, word.length - 2],
      [word.length - 2, 2],
    ];
  }
  return [[0, word.length]];
}

/** Splits free text (a prompt, a lexicon phrase) into lower-case words, as tokens are folded. */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const core = raw.replace(LEADING_PUNCTUATION, '').replace(TRAILING_PUNCTUATION, '');
    for (const [offset, length] of pieces(core)) {
      if (length > 0) words.push(plainApostrophes(core.slice(offset, offset + length)).toLowerCase());
    }
  }
  return words;
}

/** Every word token of the view, in text order. */
export function tokenize(view: StreamView): Token[] {
  const tokens: Token[] = [];
  view.turns.forEach((span, turn) => {
    const text = view.text.slice(span.charStart, span.charEnd);
    let first = true;
    for (const match of text.matchAll(/\S+/g)) {
      const raw = match[0];
      const lead = raw.length - raw.replace(LEADING_PUNCTUATION, '').length;
      const core = raw.slice(lead).replace(TRAILING_PUNCTUATION, '');
      const coreStart = span.charStart + match.index + lead;
      for (const [offset, length] of pieces(core)) {
        if (length === 0) continue;
        const piece = core.slice(offset, offset + length);
        tokens.push({
          text: piece,
          lower: plainApostrophes(piece).toLowerCase(),
          start: coreStart + offset,
          end: coreStart + offset + length,
          turn,
          breakBefore: first ? turnBreak(view, span.charStart) : 'none',
        });
        first = false;
      }
    }
  });
  return tokens;
}

function turnBreak(view: StreamView, charStart: number): Break {
  if (charStart === 0) return 'hard';
  return view.text[charStart - 1] === HARD_TURN_BREAK ? 'hard' : 'soft';
}
