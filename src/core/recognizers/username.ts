/**
 * USERNAME: the identifier a speaker gives after a username, user ID, login or handle cue: one
 * to four pieces (a word, a spelled run, digits, an email-like form), joined by spoken symbols
 * ("underscore", "dot") when the normaliser left them as words.
 */
import type { Recognizer } from './recognizer.js';
import { readDialogue } from './dialogue/dialogue.js';
import { keepBest, siteFindings } from './dialogue/findings.js';
import { matchAt, phraseList } from './dialogue/phrases.js';
import type { Token } from './dialogue/tokens.js';
import { COMMON_WORDS, STOP_WORDS, wordSet } from './lexicon/words.js';

const NAME = 'username';
const MAX_PIECES = 4;
/** Spoken symbols that join the pieces of an identifier. */
const JOINERS = wordSet('underscore dot dash hyphen at period point');
/** "It's my email, john@…": the identifier follows. */
const EMAIL_LEADS = phraseList([
  'my email',
  'my email address',
  'my e-mail',
  'my e-mail address',
  'the email',
  'the email address',
  'just my email',
  'email',
  'email address',
]);

export const usernameRecognizer: Recognizer = {
  name: NAME,
  types: ['USERNAME'],
  recognize(input) {
    const dialogue = readDialogue(input);
    const { tokens } = dialogue;
    return keepBest(
      siteFindings(dialogue, 'username', NAME, 'USERNAME', { asked: 0.85, stated: 0.85 }, (site) => {
        const from = site.start + (matchAt(dialogue.words, site.start, EMAIL_LEADS)?.length ?? 0);
        const to = identifierEnd(tokens, from, site.limit);
        return [{ from, to }];
      }),
    );
  },
};

/** A piece of an identifier: holds a digit or symbol, is a spelled run, or is not an ordinary word. */
function isPiece(token: Token): boolean {
  if (/[\d_@.-]/.test(token.text)) return /[\p{L}\d]/u.test(token.text);
  if (/^\p{Lu}{2,}$/u.test(token.text)) return true;
  return /^[\p{L}']+$/u.test(token.text) && !STOP_WORDS.has(token.lower) && !COMMON_WORDS.has(token.lower);
}

/** One past the last token of the identifier starting at start (start itself when there is none). */
function identifierEnd(tokens: readonly Token[], start: number, limit: number): number {
  let end = start;
  let pieces = 0;
  for (let k = start; k < limit && pieces < MAX_PIECES; k += 1) {
    const token = tokens[k]!;
    if (isPiece(token)) {
      pieces += 1;
      end = k + 1;
    } else if (!(pieces > 0 && JOINERS.has(token.lower) && k + 1 < limit && isPiece(tokens[k + 1]!))) {
      break;
    }
  }
  return end;
}
