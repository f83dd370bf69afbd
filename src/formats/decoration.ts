/**
 * Case and punctuation carried from a text field onto the bare words it spells. Genesys lists its
 * timed words lower case and bare beside a `decoratedText` that writes them cased and punctuated.
 * Detection reads the capital of a name, the question mark after a prompt and the stop after an
 * answer, so each word takes its case, and the punctuation after it, from the text where the text
 * writes the same word.
 */
import { wordsOfText } from './timing.js';

/** Words of the text looked at past the last one matched: formatted numbers may stand between. */
const LOOKAHEAD = 6;

/** Punctuation the normaliser reads after a word (stops, commas, question marks, closing quotes). */
const CARRIED = /^[.,?!;:…—–"'”’)\]]+$/u;

/** Punctuation before, the word, punctuation after. */
const PARTS = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

function partsOf(token: string): { lead: string; core: string; tail: string } {
  const [, lead, core, tail] = PARTS.exec(token)!;
  return { lead: lead!, core: core!, tail: tail! };
}

/**
 * Each word cased as `text` writes it, with the punctuation that follows it there, matched in
 * order; a word the text does not write nearby stays as it is, and punctuation the word carries
 * itself ("[CARD_NUMBER]", "1111.") is kept. Without `punctuation` only the case is carried.
 */
export function decorateWords(words: readonly string[], text: string, punctuation = true): string[] {
  const tokens = wordsOfText(text).map(partsOf);
  let cursor = 0;
  return words.map((word) => {
    const own = partsOf(word);
    const key = own.core.toLowerCase();
    if (key === '') return word;
    const limit = Math.min(tokens.length, cursor + LOOKAHEAD);
    for (let k = cursor; k < limit; k += 1) {
      const token = tokens[k]!;
      if (token.core.toLowerCase() !== key) continue;
      cursor = k + 1;
      const tail = punctuation && own.tail === '' && CARRIED.test(token.tail) ? token.tail : own.tail;
      return own.lead + token.core + tail;
    }
    return word;
  });
}
