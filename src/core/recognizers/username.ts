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
import { readDialogue, turnCues } from './dialogue/dialogue.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import { matchAt, phraseList } from './dialogue/phrases.js';
import type { CueMatch } from './dialogue/topics.js';
import { cuesOfFixed } from './dialogue/topics.js';
import type { Token } from './dialogue/tokens.js';
import { BACKCHANNELS, COMMON_WORDS, PROBLEM_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';
import type { Topic } from '../lexicon/topic-cues.js';
import { LOGIN_FORM_PARTS } from '../lexicon/password-cues.js';

const NAME = 'username';
/** Pieces in one identifier: "j doyle 12 at fibre hyphen NW" (a login with its realm) has six. */
const MAX_PIECES = 6;
/** Spoken symbols that join the pieces of an identifier. */
const JOINERS = wordSet('underscore dot dash hyphen at period point backslash slash');
/** Joiners that only a spoken identifier holds ("at", "point" are also talk). */
const SYMBOL_JOINERS = wordSet('underscore dot dash hyphen backslash slash');
/** Words that make what follows a guess, not the identifier: "maybe moss gate 4, let me ask my son". */
const GUESSES = wordSet('maybe perhaps possibly');
/** Verbs that lead on to an identifier given: "I've got tinker bell 88", "I think it was ...". */
const GIVING_VERBS = wordSet(
  'got use used using think guess believe set made chose picked register registered',
);
/** Words that give what follows them as the identifier, after talk: "I wrote it down, it's …". */
const IT_IS = phraseList([`it's`, `that's`, 'it is', 'that is', 'it was']);
/** Words that take back an identifier just said: another one follows ("maple 73, sorry, maple 74"). */
const CORRECTIONS = phraseList(['sorry', 'no', 'no sorry', 'sorry no', 'i mean', 'actually', 'or rather']);
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
/** Topics of the secrets a caller gives after naming them: a username cue's reach ends at their cue. */
const SECRET_TOPICS: ReadonlySet<Topic> = new Set(['password', 'security']);
/** How many words into the turn after a username question's answer a handle may come ("I have … on the account"). */
const ON_TOPIC_REACH = 8;
/**
 * A handle: letters with digits, an underscore or a backslash in one word, maybe with "_", "." or "-"
 * ("kmart88", "j.doe_71", "pat_reads", "corp\\jdoe"): talk writes no underscore.
 */
const HANDLE_SHAPE = /^(?=.*\p{L})(?=.*[\d_\\])[\p{L}\d._\\-]+$/u;
/** Letters said by their names, as a read-back may write them ("kay nguyen 4", "jay doe 7"). */
const LETTER_NAMES: ReadonlyMap<string, string> = new Map(
  `bee:b cee:c see:c dee:d ee:e eff:f gee:g aitch:h haitch:h jay:j kay:k el:l ell:l em:m en:n
   pee:p cue:q queue:q ar:r are:r ess:s tee:t vee:v ex:x wye:y why:y zed:z zee:z`
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);
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
      // "The username field is case sensitive": a part of the login form, not a value.
      if (LOGIN_FORM_PARTS.has(dialogue.words[from] ?? '')) return [];
      const tried = triedAfterTaken(dialogue, from, site.limit);
      if (tried !== undefined) return tried;
      const to = identifierEnd(dialogue, from, site.limit);
      return to > from ? [{ from, to }] : laterIdentifier(dialogue, from, site.limit);
    }),
    ...handlesNearCues(dialogue),
  ];
  ownCache.set(dialogue, found);
  return found;
}

/** Said of a username someone already has: "my username's taken", "that username was already in use". */
const TAKEN = phraseList([
  'taken',
  'already taken',
  'in use',
  'already in use',
  'not available',
  'unavailable',
]);
/** Words giving the username the speaker tried to have: "I tried …", "I wanted …". */
const TRIED = phraseList([
  'i tried',
  'i wanted',
  'i typed',
  'i typed in',
  'i put in',
  'i asked for',
  'i picked',
]);
/** How many words after "taken" the username tried may be led on to. */
const TRIED_REACH = 6;

/**
 * The username a speaker tried, told it is taken ("my username's taken, I tried olive grove
 * bakery"): plain words are the identifier after the words giving it; undefined when the site says
 * no such thing.
 */
function triedAfterTaken(
  dialogue: Dialogue,
  from: number,
  limit: number,
): { from: number; to: number }[] | undefined {
  const { words } = dialogue;
  const taken = matchAt(words, from, TAKEN);
  if (taken === undefined) return undefined;
  for (let k = from + taken.length; k < Math.min(limit, from + taken.length + TRIED_REACH); k += 1) {
    const lead = matchAt(words, k, TRIED);
    if (lead === undefined) continue;
    const start = k + lead.length;
    const to = identifierEnd(dialogue, start, limit);
    return to > start ? [{ from: start, to }] : [];
  }
  return undefined;
}

const piecesCache = new WeakMap<readonly StreamView[], ReadonlySet<string>>();
const keysCache = new WeakMap<readonly StreamView[], ReadonlySet<string>>();

/** The usernames found in the call, as lower-case letters and digits ("dsmith77"): not passwords. */
export function usernameKeys(input: RecognizerInput): ReadonlySet<string> {
  const cached = keysCache.get(input.views);
  if (cached) return cached;
  const keys = new Set<string>();
  for (const view of input.views) {
    // "sophie dash bakes" is said again as "sophie-bakes": a spoken joiner is a symbol, which the key leaves out.
    for (const finding of ownFindings(readDialogue({ ...input, view })))
      keys.add(compactKey(withoutJoiners(finding.value)));
  }
  keysCache.set(input.views, keys);
  return keys;
}

function withoutJoiners(value: string): string {
  return value
    .split(' ')
    .filter((word) => !JOINERS.has(word.toLowerCase()))
    .join(' ');
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

/**
 * Handles near username cues, reading each turn's cues once:
 * - an identifier within a few words after a username cue in the same turn: a handle with digits
 *   ("your username on the website is kmart88?"), or pieces with digits or a spoken joiner between
 *   them ("the username for the app is devon a underscore 404", "is my username still jordan aw
 *   01?"), `after-cue`;
 * - a handle said in the turn after the other party answered the speaker's own username question
 *   ("what username did you set up?" … "I have ybrightwell20 on the account"), with no other topic
 *   named since, in their reply or earlier in this turn (their reply may name usernames again), `on-topic`.
 */
function handlesNearCues(dialogue: Dialogue): Finding[] {
  const { tokens, turnFirst, turnEnd } = dialogue;
  const findings: Finding[] = [];
  let previous: readonly CueMatch[] = [];
  for (let turn = 0; turn < turnFirst.length; turn += 1) {
    const first = turnFirst[turn]!;
    const end = turnEnd[turn]!;
    const cues = turnCues(dialogue, turn);
    for (const cue of cues) {
      if (cue.topic !== 'username') continue;
      const from = first + cue.start + cue.length;
      // "My username, then my password, …": what follows a later secret's cue is that secret.
      const secret = cues.find((later) => later.start > cue.start && SECRET_TOPICS.has(later.topic));
      const reach = Math.min(end, from + HANDLE_REACH, secret === undefined ? end : first + secret.start);
      for (let k = from; k < reach; k += 1) {
        const to = HANDLE_SHAPE.test(tokens[k]!.text) ? k + 1 : joinedIdentifierEnd(dialogue, k, end);
        if (to === undefined) continue;
        findings.push(
          tokenFinding(dialogue, NAME, 'USERNAME', k, to, HANDLE_SCORE, ['after-cue', `cue:${cue.phrase}`]),
        );
        break;
      }
    }
    const otherTopic = cuesOfFixed(dialogue.prompts[turn]!).some((cue) => cue.topic !== 'username');
    if (previous.at(-1)?.topic === 'username' && !otherTopic) {
      const handle = handleOnTopic(dialogue, turn, cues);
      if (handle !== undefined) {
        findings.push(
          tokenFinding(dialogue, NAME, 'USERNAME', handle, handle + 1, HANDLE_SCORE, ['on-topic']),
        );
      }
    }
    previous = cues;
  }
  return findings;
}

/**
 * An identifier a few words into an answer that opens with talk ("I use riverstone_77 for
 * everything", "I've got tinker bell 88", a mono file's "username for the portal, acme slash
 * bholt"): a handle, or pieces with a digit or a spoken joiner, unless a guess ("maybe moss gate 4").
 */
function laterIdentifier(dialogue: Dialogue, from: number, limit: number): { from: number; to: number }[] {
  const { tokens } = dialogue;
  for (let k = from; k < Math.min(limit, from + ON_TOPIC_REACH); k += 1) {
    if (GUESSES.has(tokens[k]!.lower)) return [];
    if (HANDLE_SHAPE.test(tokens[k]!.text)) return [{ from: k, to: k + 1 }];
    const to = joinedIdentifierEnd(dialogue, k, limit);
    if (to === undefined) continue;
    // Words with digits after a noun name something else ("on flight BA 249", "invoice INV 2231").
    const joined = tokens
      .slice(k, to)
      .some((token) => /[_\\-]/.test(token.text) || SYMBOL_JOINERS.has(token.lower));
    // "I have it written down, it's l banks 61": a copula right before the pieces gives them.
    const led =
      [1, 2].some((length) => matchAt(dialogue.words, k - length, IT_IS)?.length === length) ||
      tokens.slice(from, k).every((token) => STOP_WORDS.has(token.lower) || GIVING_VERBS.has(token.lower));
    return joined || led ? [{ from: k, to }] : [];
  }
  return [];
}

/** The first handle early in the turn, when no cue (`cues`, the turn's own) comes before it. */
function handleOnTopic(dialogue: Dialogue, turn: number, cues: readonly CueMatch[]): number | undefined {
  const first = dialogue.turnFirst[turn]!;
  const end = Math.min(dialogue.turnEnd[turn]!, first + ON_TOPIC_REACH);
  for (let k = first; k < end; k += 1) {
    if (!HANDLE_SHAPE.test(dialogue.tokens[k]!.text)) continue;
    return cues.some((cue) => first + cue.start < k) ? undefined : k;
  }
  return undefined;
}

/**
 * The end of an identifier of several pieces starting at k, with a digit or a joiner, spoken or
 * written, among them ("frye kitchen 22", "devon a underscore 404", "ruth banks_NYC"), or undefined:
 * plain words are talk.
 */
function joinedIdentifierEnd(dialogue: Dialogue, k: number, limit: number): number | undefined {
  const { tokens } = dialogue;
  if (!isPiece(tokens[k]!) || !/\p{L}/u.test(tokens[k]!.text)) return undefined;
  const to = identifierEnd(dialogue, k, limit);
  if (to - k < 2) return undefined;
  const said = tokens.slice(k, to);
  // A time, date or price is talk ("starting at 11:52 pm").
  if (said.some((token) => /[:/$£€]/.test(token.text))) return undefined;
  return said.some((token) => /[\d_]/.test(token.text) || SYMBOL_JOINERS.has(token.lower)) ? to : undefined;
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
      // A spoken joiner ("A R J dot V") says a symbol, which the key leaves out.
      const word = JOINERS.has(tokens[j]!.lower) ? '' : compactKey(tokens[j]!.text);
      const letter = LETTER_NAMES.get(tokens[j]!.lower);
      // "kay nguyen 4" for "knguyen4": a letter said by its name, where the username has that letter.
      said += letter !== undefined && !wanted.some((key) => key.startsWith(said + word)) ? letter : word;
      if (!wanted.some((key) => key.startsWith(said)) || said === '') break;
      if (!keys.has(said)) continue;
      findings.push(
        tokenFinding(dialogue, NAME, 'USERNAME', prefixedAt(dialogue, k), j + 1, READ_BACK_SCORE, [
          'repeated',
        ]),
      );
      k = j;
      break;
    }
  }
  return findings;
}

/**
 * Where a username said again starts with what is joined before it by a spoken symbol in the same
 * turn: a domain ("acme backslash jdoe") or a prefix ("team underscore jdoe").
 */
function prefixedAt(dialogue: Dialogue, k: number): number {
  const { tokens } = dialogue;
  const first = dialogue.turnFirst[tokens[k]!.turn]!;
  let start = k;
  while (start - 2 >= first && SYMBOL_JOINERS.has(tokens[start - 1]!.lower) && isPiece(tokens[start - 2]!))
    start -= 2;
  return start;
}

/**
 * A piece of an identifier: holds a digit or symbol, is a spelled run, or is not an ordinary word
 * nor a state of the login ("my login is locked", "the login was successful").
 */
function isPiece(token: Token): boolean {
  if (/[\d_@.\\-]/.test(token.text)) return /[\p{L}\d]/u.test(token.text);
  if (JOINERS.has(token.lower)) return false;
  if (/^\p{Lu}{2,}$/u.test(token.text)) return true;
  const { lower } = token;
  return (
    /^[\p{L}']+$/u.test(token.text) &&
    !STOP_WORDS.has(lower) &&
    !COMMON_WORDS.has(lower) &&
    !PROBLEM_WORDS.has(lower)
  );
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
    const next = k + 1 < limit ? tokens[k + 1] : undefined;
    if (isPiece(token) || (pieces > 0 && isInitial(token) && next !== undefined && leadsOn(next))) {
      // Digits read one by one after a spelled run ("ABK 3 1 9") are one piece with it.
      if (pieces === 0 || !/^\d+$/.test(token.text) || !/^\d+$/.test(tokens[k - 1]!.text)) pieces += 1;
      end = k + 1;
    } else if (pieces > 0 && (token.lower === 'or' || matchAt(dialogue.words, k, CORRECTIONS))) {
      // "jdoe_71, or jdoe71", "yolanda b 2020, or maybe with a dot, yolanda dot b dot 2020",
      // "maple 73, sorry, maple 74": another username offered in the same breath, after a few words of talk.
      return alternativeEnd(dialogue, k + 1, limit) ?? end;
    } else if (pieces > 0 && BACKCHANNELS.has(token.lower)) {
      // "jason | yep | underscore | mm-hmm | reeves 12": the listener's go-on between pieces (one stream).
      const after = goOnEnd(tokens, k, limit);
      if (after >= limit || !JOINERS.has(tokens[after]!.lower)) break;
      k = after - 1;
    } else if (pieces > 0 && JOINERS.has(token.lower)) {
      const after = goOnEnd(tokens, k + 1, limit);
      const piece = after < limit ? tokens[after]! : undefined;
      if (piece === undefined || !(isPiece(piece) || isInitial(piece))) break;
      k = after - 1;
    } else {
      break;
    }
  }
  return end;
}

/** One past the go-on words ("yep", "mm-hmm") from k, k when there are none. */
function goOnEnd(tokens: readonly Token[], k: number, limit: number): number {
  let at = k;
  while (at < limit && BACKCHANNELS.has(tokens[at]!.lower)) at += 1;
  return at;
}

/** A single letter: an initial inside an identifier ("devon a underscore 404"). */
function isInitial(token: Token): boolean {
  return /^\p{L}$/u.test(token.text);
}

/** A spoken joiner or digits: what makes a single letter before it part of an identifier. */
function leadsOn(token: Token): boolean {
  return JOINERS.has(token.lower) || /^\d+$/.test(token.text);
}

/** How many words of talk may come between "or" and the other username offered. */
const MAX_OR_TALK = 5;

/** The end of the username offered after "or" at k, or undefined when none is. */
function alternativeEnd(dialogue: Dialogue, k: number, limit: number): number | undefined {
  const { tokens } = dialogue;
  for (let j = k; j < Math.min(limit, k + MAX_OR_TALK); j += 1) {
    if (!isPiece(tokens[j]!)) continue;
    return HANDLE_SHAPE.test(tokens[j]!.text) ? j + 1 : joinedIdentifierEnd(dialogue, j, limit);
  }
  return undefined;
}
