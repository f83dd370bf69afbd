/**
 * Phrase lists matched word by word against folded words, longest phrase first, so a lexicon can
 * hold multi-word cues ("mother's maiden name") next to the single words they contain.
 */
import { foldedWords } from './tokens.js';

/** A phrase of a list: its folded words, and the words joined by spaces (reported as the match). */
interface Phrase {
  readonly words: readonly string[];
  readonly text: string;
}

export interface PhraseList {
  /** Phrases by first word, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly Phrase[]>;
}

export interface PhraseMatch {
  /** Position of the first word matched. */
  start: number;
  /** Number of words matched. */
  length: number;
  phrase: string;
}

export function phraseList(phrases: Iterable<string>): PhraseList {
  const byFirst = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const words = foldedWords(phrase);
    if (words.length === 0) continue;
    const bucket = byFirst.get(words[0]!) ?? [];
    bucket.push({ words, text: words.join(' ') });
    byFirst.set(words[0]!, bucket);
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/** The longest phrase of the list starting at words[at], if any. */
export function matchAt(words: readonly string[], at: number, list: PhraseList): PhraseMatch | undefined {
  const first = words[at];
  const candidates = first === undefined ? undefined : list.byFirst.get(first);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (startsWith(words, at, phrase.words))
      return { start: at, length: phrase.words.length, phrase: phrase.text };
  }
  return undefined;
}

/** True when words from `at` on begin with `phrase`. */
function startsWith(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = phrase.length - 1; k > 0; k -= 1) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/** Every position where a phrase of the list starts (longest phrase at each position). */
export function findAll(words: readonly string[], list: PhraseList): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (let at = 0; at < words.length; at += 1) {
    const match = matchAt(words, at, list);
    if (match) found.push(match);
  }
  return found;
}

/** True when a phrase of the list occurs anywhere in words. */
export function containsAny(words: readonly string[], list: PhraseList): boolean {
  for (let at = 0; at < words.length; at += 1) if (matchAt(words, at, list)) return true;
  return false;
}
