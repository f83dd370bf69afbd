/**
 * USERNAME: the identifier a speaker gives after a username, user ID, login or handle cue: one
 * to four pieces (a word, a spelled run, digits, an email-like form), joined by spoken symbols
 * ("underscore", "dot") when the normaliser left them as words, and another one offered after
 * "or" ("jdoe_71, or maybe jdoe71"). Also a handle with digits a few words after a username cue
 * ("your username on the website is kmart88?"), the same username said again in any form
 * ("d m a r t 8 8" / "So dmart88?"), and a spelled run that repeats a piece of a username found in
 * the call ("dpetrakis@…" / "D P E T R A K I S?").
 */
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue } from './dialogue/dialogue.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import { matchAt, phraseList } from './dialogue/phrases.js';
import { findCues } from './dialogue/topics.js';
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
/** How far after a username cue, in its turn, a handle with digits may come ("username on the website is ..."). */
const HANDLE_REACH = 6;
const HANDLE_SCORE = 0.8;
/** A handle: letters and digits in one word, maybe with "_", "." or "-" ("kmart88", "j.doe_71"). */
const HANDLE_SHAPE = /^(?=.*\p{L})(?=.*\d)[\p{L}\d._-]+$/u;
/** The shortest username chased through the call when said again. */
const MIN_SAID_AGAIN = 5;
/** How many tokens a username said again may be spread over ("d m a r t 8 8" reads "DMART 8 8"). */
const MAX_SAID_AGAIN_TOKENS = 8;

export const usernameRecognizer: Recognizer = {
  name: NAME,
  types: ['USERNAME'],
  recognize(input) {
    const dialogue = readDialogue(input);
    return keepBest([
      ...ownFindings(dialogue),
      ...spelledReadBacks(dialogue, knownPieces(input)),
      ...sayingsAgain(dialogue, usernameKeys(input)),
    ]);
  },
};

const ownCache = new WeakMap<Dialogue, Finding[]>();

/** Usernames given after a cue in one view (computed once per view). */
function ownFindings(dialogue: Dialogue): Finding[] {
  const cached = ownCache.get(dialogue);
  if (cached) return cached;
  const found = [
    ...siteFindings(dialogue, 'username', NAME, 'USERNAME', { asked: 0.85, stated: 0.85 }, (site) => {
      const from = site.start + (matchAt(dialogue.words, site.start, EMAIL_LEADS)?.length ?? 0);
      const to = identifierEnd(dialogue, from, site.limit);
      return [{ from, to }];
    }),
    ...handlesAfterCues(dialogue),
  ];
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

/** A handle with digits within a few words after a username cue in the same turn. */
function handlesAfterCues(dialogue: Dialogue): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  dialogue.turnFirst.forEach((first, turn) => {
    const end = dialogue.turnEnd[turn]!;
    for (const cue of findCues(words.slice(first, end))) {
      if (cue.topic !== 'username') continue;
      const from = first + cue.start + cue.length;
      for (let k = from; k < Math.min(end, from + HANDLE_REACH); k += 1) {
        if (!HANDLE_SHAPE.test(tokens[k]!.text)) continue;
        findings.push(
          tokenFinding(dialogue, NAME, 'USERNAME', k, k + 1, HANDLE_SCORE, [
            'after-cue',
            `cue:${cue.phrase}`,
          ]),
        );
        break;
      }
    }
  });
  return findings;
}

/** A username found in the call said again, in one token or spelled over several ("So dmart88?"). */
function sayingsAgain(dialogue: Dialogue, keys: ReadonlySet<string>): Finding[] {
  const wanted = [...keys].filter((key) => key.length >= MIN_SAID_AGAIN);
  if (wanted.length === 0) return [];
  const { tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const end = Math.min(dialogue.turnEnd[tokens[k]!.turn]!, k + MAX_SAID_AGAIN_TOKENS);
    let said = '';
    for (let j = k; j < end; j += 1) {
      said += compactKey(tokens[j]!.text);
      if (!wanted.some((key) => key.startsWith(said)) || said === '') break;
      if (!keys.has(said)) continue;
      findings.push(tokenFinding(dialogue, NAME, 'USERNAME', k, j + 1, READ_BACK_SCORE, ['repeated']));
      k = j;
      break;
    }
  }
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
    } else if (
      pieces > 0 &&
      token.lower === 'or' &&
      k + 1 < limit &&
      HANDLE_SHAPE.test(tokens[k + 1]!.text)
    ) {
      // "jdoe_71, or jdoe71": another username offered in the same breath.
      pieces = Math.max(pieces, MAX_PIECES - 1);
    } else if (!(pieces > 0 && JOINERS.has(token.lower) && k + 1 < limit && isPiece(tokens[k + 1]!))) {
      break;
    }
  }
  return end;
}
