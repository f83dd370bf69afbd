/**
 * USERNAME: the identifier a speaker gives after a username, user ID, login or handle cue: one
 * to four pieces (a word, a spelled run, digits, an email-like form), joined by spoken symbols
 * ("underscore", "dot") when the normaliser left them as words. A spelled run that repeats a
 * piece of a username found in the call ("dpetrakis@…" / "D P E T R A K I S?") is one too.
 */
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue } from './dialogue/dialogue.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import { matchAt, phraseList } from './dialogue/phrases.js';
import type { Token } from './dialogue/tokens.js';
import { COMMON_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';

const NAME = 'username';
const MAX_PIECES = 4;
/** Spoken symbols that join the pieces of an identifier. */
const JOINERS = wordSet('underscore dot dash hyphen at period point');
/** "BCASTILLO, then the number 2": words that lead on to the digits ending the identifier. */
const DIGIT_LEADS = phraseList(
  ['then', 'and then', 'followed by', 'and'].flatMap((lead) =>
    ['the number', 'the numbers', 'number', 'numbers', 'the digits', 'digits'].map(
      (what) => `${lead} ${what}`,
    ),
  ),
);
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

/** The shortest piece of a username a spelled read-back is matched on. */
const MIN_READ_BACK = 4;
const READ_BACK_SCORE = 0.8;

export const usernameRecognizer: Recognizer = {
  name: NAME,
  types: ['USERNAME'],
  recognize(input) {
    const dialogue = readDialogue(input);
    return keepBest([...ownFindings(dialogue), ...spelledReadBacks(dialogue, knownPieces(input))]);
  },
};

const ownCache = new WeakMap<Dialogue, Finding[]>();

/** Usernames given after a cue in one view (computed once per view). */
function ownFindings(dialogue: Dialogue): Finding[] {
  const cached = ownCache.get(dialogue);
  if (cached) return cached;
  const found = siteFindings(
    dialogue,
    'username',
    NAME,
    'USERNAME',
    { asked: 0.85, stated: 0.85 },
    (site) => {
      const from = site.start + (matchAt(dialogue.words, site.start, EMAIL_LEADS)?.length ?? 0);
      const to = identifierEnd(dialogue, from, site.limit);
      return [{ from, to }];
    },
  );
  ownCache.set(dialogue, found);
  return found;
}

const piecesCache = new WeakMap<readonly StreamView[], ReadonlySet<string>>();
const keysCache = new WeakMap<readonly StreamView[], ReadonlySet<string>>();

/** The usernames found in the call, as lower-case letters and digits ("dsmith77"): not passwords. */
export function usernameKeys(input: RecognizerInput): ReadonlySet<string> {
  const cached = keysCache.get(input.views);
  if (cached) return cached;
  const keys = new Set<string>();
  for (const view of input.views) {
    for (const finding of ownFindings(readDialogue({ ...input, view }))) keys.add(compactKey(finding.value));
  }
  keysCache.set(input.views, keys);
  return keys;
}

export function compactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\d]+/gu, '');
}

/** The letter pieces of the usernames found in the call: "dpetrakis" of "dpetrakis@hollisgrange". */
function knownPieces(input: RecognizerInput): ReadonlySet<string> {
  const cached = piecesCache.get(input.views);
  if (cached) return cached;
  const pieces = new Set<string>();
  for (const view of input.views) {
    for (const finding of ownFindings(readDialogue({ ...input, view }))) {
      for (const piece of finding.value.toLowerCase().split(/[^\p{L}]+/u)) {
        if (piece.length >= MIN_READ_BACK) pieces.add(piece);
      }
    }
  }
  piecesCache.set(input.views, pieces);
  return pieces;
}

/** Spelled runs ("DPETRAKIS") that repeat a piece of a username found in the call. */
function spelledReadBacks(dialogue: Dialogue, pieces: ReadonlySet<string>): Finding[] {
  if (pieces.size === 0) return [];
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  tokens.forEach((token, k) => {
    if (!/^\p{Lu}{2,}$/u.test(token.text) || !pieces.has(token.lower)) return;
    const digits = digitsAt(dialogue, k + 1);
    const to = digits !== undefined && tokens[digits]!.turn === token.turn ? digits + 1 : k + 1;
    findings.push(tokenFinding(dialogue, NAME, 'USERNAME', k, to, READ_BACK_SCORE, ['read-back']));
  });
  return findings;
}

/** A piece of an identifier: holds a digit or symbol, is a spelled run, or is not an ordinary word. */
function isPiece(token: Token): boolean {
  if (/[\d_@.-]/.test(token.text)) return /[\p{L}\d]/u.test(token.text);
  if (/^\p{Lu}{2,}$/u.test(token.text)) return true;
  return /^[\p{L}']+$/u.test(token.text) && !STOP_WORDS.has(token.lower) && !COMMON_WORDS.has(token.lower);
}

/** Index of the digits token at k, or right after words leading on to it at k ("then the number 2"). */
function digitsAt(dialogue: Dialogue, k: number): number | undefined {
  const at = k + (matchAt(dialogue.words, k, DIGIT_LEADS)?.length ?? 0);
  return /^\d+$/.test(dialogue.tokens[at]?.text ?? '') ? at : undefined;
}

/** One past the last token of the identifier starting at start (start itself when there is none). */
function identifierEnd(dialogue: Dialogue, start: number, limit: number): number {
  const { tokens } = dialogue;
  let end = start;
  let pieces = 0;
  for (let k = start; k < limit && pieces < MAX_PIECES; k += 1) {
    const digits = pieces > 0 ? digitsAt(dialogue, k) : undefined;
    // Skips the words leading on to the digits ("then the number").
    if (digits !== undefined && digits > k) {
      k = digits - 1;
      continue;
    }
    const token = tokens[k]!;
    if (isPiece(token)) {
      // Digits read one by one after a spelled run ("ABK 3 1 9") are one piece with it.
      if (pieces === 0 || !/^\d+$/.test(token.text) || !/^\d+$/.test(tokens[k - 1]!.text)) pieces += 1;
      end = k + 1;
    } else if (!(pieces > 0 && JOINERS.has(token.lower) && k + 1 < limit && isPiece(tokens[k + 1]!))) {
      break;
    }
  }
  return end;
}
