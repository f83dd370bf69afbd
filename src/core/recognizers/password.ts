/**
 * PASSWORD: what a speaker gives when asked for a password, passcode, passphrase or memorable word,
 * or introduces themselves ("my password is ..."): the answer's words, up to eight, without the
 * lead-in ("it's") or talk after it ("all one word", "I think"). Also
 * - a word typed like a password ("Harbour2022") said while passwords are being discussed, by
 *   either party, with its spoken modifier ("... with a hash at the end");
 * - a read-back of a password the other party has just said ("Winter, capital W, then 47" / "Winter 47").
 */
import type { Recognizer } from './recognizer.js';
import type { Finding } from '../detection.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue, skipLeadIns } from './dialogue/dialogue.js';
import { valueEnd } from './dialogue/answers.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import { findCues } from './dialogue/topics.js';
import { compactKey, usernameKeys } from './username.js';
import { COMMON_WORDS, PROBLEM_WORDS, STOP_WORDS, wordSet } from './lexicon/words.js';

const NAME = 'password';
const MAX_WORDS = 8;
const DIGITS_ONLY_PENALTY = 0.3;
const LATER_IN_ANSWER_PENALTY = 0.1;
/** A token typed like a password: letters with digits or symbols ("Dragon$1992", dictation as the normaliser writes it). */
const PASSWORD_SHAPE = /^(?=.*\p{L})(?=.*[\d!#$%&*+=?@^_~])[\p{L}\d!#$%&*+=?@^_~.-]+$/u;
/** Capitals and digits only ("INC0088214", "LS18"): a reference or a code more often than a password. */
const REFERENCE_SHAPE = /^[\p{Lu}\d]+$/u;
/** Score of a password-shaped word or a read-back found by the password talk around it. */
const DISCUSSED_SCORE = 0.8;
/** How many earlier turns of the speaker, and prompts, may hold the password talk. */
const DISCUSSION_TURNS = 2;
/** "... with a dollar sign at the end": words a spoken modifier of a password may take. */
const MODIFIER_WORDS = 7;
const MODIFIER_ENDS = wordSet('end start beginning front');
/** Words after a shaped word that make it a host or a domain ("vpn2 dot corp"), not a password. */
const HOST_WORDS = wordSet('dot com net org corp local internal');
/** Words before a shaped word that make it a reference ("case AB12C"), not a password. */
const REFERENCE_WORDS = wordSet('case ticket reference ref order booking confirmation number id code');

export const passwordRecognizer: Recognizer = {
  name: NAME,
  types: ['PASSWORD'],
  recognize(input) {
    const dialogue = readDialogue(input);
    const { words } = dialogue;
    return keepBest([
      ...discussedPasswords(dialogue, usernameKeys(input)),
      ...readBacks(dialogue, usernameKeys(input)),
      ...siteFindings(dialogue, 'password', NAME, 'PASSWORD', { asked: 0.9, stated: 0.9 }, (site) => {
        const to = valueEnd(words, site.start, site.limit, MAX_WORDS);
        const value = words.slice(site.start, to);
        if (!isPasswordLike(value)) {
          // Talk before the value (a mono file: "... I need it to test the connection | Dragon$1992").
          const shaped = shapedToken(dialogue, site.start + 1, site.limit);
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
    ]);
  },
};

/**
 * True when passwords are the latest credential talked about in the turn's words before `at` and
 * the last exchanges: a username named later wins ("so that's dsmith77" after "what's your username?").
 */
function passwordsDiscussed(dialogue: Dialogue, t: number, at: number): boolean {
  const { words } = dialogue;
  // Latest first: this turn so far, what the speaker was told before it, their turn before that ...
  const said = [words.slice(dialogue.turnFirst[t]!, at), dialogue.prompts[t]!];
  for (let back = 1; back <= DISCUSSION_TURNS && back <= t; back += 1) {
    said.push(
      words.slice(dialogue.turnFirst[t - back]!, dialogue.turnEnd[t - back]!),
      dialogue.prompts[t - back]!,
    );
  }
  for (const part of said) {
    const latest = latestCredential(part);
    if (latest) return latest === 'password';
  }
  return false;
}

/** The last password or username cue's topic in words, if any. */
function latestCredential(words: readonly string[]): 'password' | 'username' | undefined {
  const cue = findCues(words).findLast(
    (match) => match.topic === 'password' || match.topic === 'username' || match.phrase.includes('password'),
  );
  // "Reset your password" is filed under other topics to shield answers, but it is password talk.
  return cue && (cue.topic === 'username' ? 'username' : 'password');
}

/** Words typed like a password said while passwords are discussed: "my old one was Harbour2022". */
function discussedPasswords(dialogue: Dialogue, usernames: ReadonlySet<string>): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const { text, turn } = tokens[k]!;
    if (!typedLikePassword(dialogue, k) || usernames.has(compactKey(text))) continue;
    if (!passwordsDiscussed(dialogue, turn, k)) continue;
    const to = modifierEnd(words, k + 1, dialogue.turnEnd[turn]!);
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', k, to, DISCUSSED_SCORE, ['password-talk']));
  }
  return findings;
}

/** One past "with a dollar sign at the end" when it follows at `from`, else `from`. */
function modifierEnd(words: readonly string[], from: number, limit: number): number {
  if (words[from] !== 'with') return from;
  for (let k = from + 1; k < Math.min(limit, from + MODIFIER_WORDS); k += 1) {
    if (MODIFIER_ENDS.has(words[k]!)) return k + 1;
  }
  return from;
}

/**
 * A turn that repeats the password the other party just said ("... password is Winter, capital W,
 * then 47" / "Winter 47 hash"): it opens with a word of theirs said after their password cue.
 */
function readBacks(dialogue: Dialogue, usernames: ReadonlySet<string>): Finding[] {
  const { words } = dialogue;
  const findings: Finding[] = [];
  dialogue.prompts.forEach((prompt, t) => {
    const cue = findCues(prompt).findLast(
      (match) => match.topic === 'password' || match.topic === 'username',
    );
    if (cue?.topic !== 'password') return;
    const end = dialogue.turnEnd[t]!;
    const start = skipLeadIns(words, dialogue.turnFirst[t]!, end).at;
    const word = words[start];
    if (word === undefined || STOP_WORDS.has(word) || COMMON_WORDS.has(word)) return;
    if (!prompt.slice(cue.start + cue.length).includes(word)) return;
    const to = valueEnd(words, start, end, MAX_WORDS);
    if (usernames.has(compactKey(words.slice(start, to).join('')))) return;
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', start, to, DISCUSSED_SCORE, ['read-back']));
  });
  return findings;
}

/** The first token in [from, limit) shaped like a password, or -1. */
function shapedToken(dialogue: Dialogue, from: number, limit: number): number {
  for (let k = from; k < limit; k += 1) if (typedLikePassword(dialogue, k)) return k;
  return -1;
}

/**
 * True when token k is typed like a password ("Dragon$1992") and is not a reference ("INC0088214",
 * "case AB12C") or a host name ("vpn2 dot corp").
 */
function typedLikePassword(dialogue: Dialogue, k: number): boolean {
  const { text } = dialogue.tokens[k]!;
  if (!PASSWORD_SHAPE.test(text) || REFERENCE_SHAPE.test(text) || /\.\p{L}/u.test(text)) return false;
  return !HOST_WORDS.has(dialogue.words[k + 1] ?? '') && !REFERENCE_WORDS.has(dialogue.words[k - 1] ?? '');
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
