/**
 * Phrase lists matched word by word against folded words, longest phrase first, so a lexicon can
 * hold multi-word cues ("mother's maiden name") next to the single words they contain.
 */
import { foldedWords } from './tokens.js';

export interface PhraseList {
  /** Phrases by first word, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
}

export interface PhraseMatch {
  /** Position of the first word matched. */
  start: number;
  /** Number of words matched. */
  length: number;
  phrase: string;
}

export function phraseList(phrases: Iterable<string>): PhraseList {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = foldedWords(phrase);
    if (words.length === 0) continue;
    const bucket = byFirst.get(words[0]!) ?? [];
    bucket.push(words);
    byFirst.set(words[0]!, bucket);
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.length - a.length);
  return { byFirst };
}

/** The longest phrase of the list starting at words[at], if any. */
export function matchAt(words: readonly string[], at: number, list: PhraseList): PhraseMatch | undefined {
  const candidates = list.byFirst.get(words[at] ?? '');
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (phrase.every((word, k) => words[at + k] === word)) {
      return { start: at, length: phrase.length, phrase: phrase.join(' ') };
    }
  }
  return undefined;
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
  return words.some((_, at) => matchAt(words, at, list) !== undefined);
}
