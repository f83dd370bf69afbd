/**
 * PASSWORD: what a speaker gives when asked for a password, passcode, passphrase or memorable word,
 * or introduces themselves ("my password is ..."): the answer's words, up to eight, without the
 * lead-in ("it's") or talk after it ("all one word", "I think").
 */
import type { Recognizer } from './recognizer.js';
import type { Token } from './dialogue/tokens.js';
import { readDialogue } from './dialogue/dialogue.js';
import { valueEnd } from './dialogue/answers.js';
import { keepBest, siteFindings } from './dialogue/findings.js';
import { COMMON_WORDS, PROBLEM_WORDS, STOP_WORDS } from './lexicon/words.js';

const NAME = 'password';
const MAX_WORDS = 8;
const DIGITS_ONLY_PENALTY = 0.3;
const LATER_IN_ANSWER_PENALTY = 0.1;
/** A token typed like a password: letters with digits or symbols ("Dragon$1992", dictation as the normaliser writes it). */
const PASSWORD_SHAPE = /^(?=.*\p{L})(?=.*[\d!#$%&*+=?@^_~])[\p{L}\d!#$%&*+=?@^_~.-]+$/u;

export const passwordRecognizer: Recognizer = {
  name: NAME,
  types: ['PASSWORD'],
  recognize(input) {
    const dialogue = readDialogue(input);
    const { words } = dialogue;
    return keepBest(
      siteFindings(dialogue, 'password', NAME, 'PASSWORD', { asked: 0.9, stated: 0.9 }, (site) => {
        const to = valueEnd(words, site.start, site.limit, MAX_WORDS);
        const value = words.slice(site.start, to);
        if (!isPasswordLike(value)) {
          // Talk before the value (a mono file: "... I need it to test the connection | Dragon$1992").
          const shaped = shapedToken(dialogue.tokens, site.start + 1, site.limit);
          return shaped === -1
            ? []
            : [
                {
                  from: shaped,
                  to: shaped + 1,
                  adjust: -LATER_IN_ANSWER_PENALTY,
                  reasons: ['later-in-answer'],
                },
              ];
        }
        // Digits alone are a PIN or a code more often than a password: leave them to those recognizers.
        const digitsOnly = value.every((word) => /^\d+$/.test(word));
        return [
          {
            from: site.start,
            to,
            ...(digitsOnly ? { adjust: -DIGITS_ONLY_PENALTY, reasons: ['digits-only'] } : {}),
          },
        ];
      }),
    );
  },
};

/** The first token in [from, limit) shaped like a password, or -1. */
function shapedToken(tokens: readonly Token[], from: number, limit: number): number {
  for (let k = from; k < limit; k += 1) if (PASSWORD_SHAPE.test(tokens[k]!.text)) return k;
  return -1;
}

/** Words a passphrase may start with although they are function words ("the quick brown fox"). */
const ARTICLES = new Set(['the', 'a', 'an']);

/** A value that is not talk about the password ("not working", "the same one", "okay"). */
function isPasswordLike(value: readonly string[]): boolean {
  const first = value[0];
  if (first === undefined || PROBLEM_WORDS.has(first) || (STOP_WORDS.has(first) && !ARTICLES.has(first))) {
    return false;
  }
  return value.some((word) => !STOP_WORDS.has(word) && !COMMON_WORDS.has(word));
}
