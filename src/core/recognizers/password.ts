/**
 * PASSWORD: what a speaker gives when asked for a password, passcode, passphrase or memorable word,
 * or introduces themselves ("my password is ..."): the answer's words, up to eight, without the
 * lead-in ("it's") or talk after it ("all one word", "I think"). Also
 * - a word typed like a password ("Harbour2022") said while passwords are being discussed, by
 *   either party, with its spoken modifier ("... with a hash at the end");
 * - a read-back of a password the other party has just said ("Winter, capital W, then 47" / "Winter 47"),
 *   or the start of it ("K W 5 8 ..." after "kw58R$m2");
 * - words a speaker sets or gives a password with, in password talk ("I'm gonna do bluebird at 26
 *   exclamation", "let's make it purple elephant dance", "can it be Falcons 1999?", "set it to what I
 *   had, it was lantern 88");
 * - a word, a number and a spoken symbol in password talk ("Winter 47 hash");
 * - a password a speaker announced in their previous turn and gives after a short go-on ("I'll give
 *   you a temporary password, ready?" "yep" "it's ..."), and the reply to a prompt that only names one;
 * - a value right after the speaker names their own password, without "is" ("and my password,
 *   Orchid 2210, ..."), and a value typed or set that the other party's reply then calls a password
 *   or declines to hear ("I kept typing Marlin#808" "please don't tell me the password");
 * - the reply to a question for a new value after password talk that names no password itself
 *   ("let's reset your password, what would you like the new one to be?"), and a guess ("might be ...");
 * - the password after where it is written ("it's on a sticker on the router, c7 k2 ...").
 * Talk about a password gives none: where it is ("printed on the label"), how it differs ("a
 * different one"), a state on the screen ("it says connected"), the login form ("the password field").
 * A password's spoken modifier ("with a dollar sign at the end", "all lower case") and the rest of its
 * dictation ("... then the number 4, lowercase k, i, d") are kept with it.
 */
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { Finding } from '../detection.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { answerLimit, readDialogue, skipLeadIns, startsNonAnswer, turnCues } from './dialogue/dialogue.js';
import { valueEnd } from './dialogue/answers.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import type { CueMatch } from './dialogue/topics.js';
import { cuesOfFixed, findCues } from './dialogue/topics.js';
import type { PhraseList } from './dialogue/phrases.js';
import { matchAt, phraseList } from './dialogue/phrases.js';
import { foldedWords } from './dialogue/tokens.js';
import { compactKey, usernameKeys } from './username.js';
import { BACKCHANNELS, COMMON_WORDS, PROBLEM_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';
import {
  LOGIN_FORM_PARTS,
  PASSWORD_GUESS_PHRASES,
  PASSWORD_MODIFIERS,
  PASSWORD_SET_PHRASES,
  SYMBOL_WORDS,
} from '../lexicon/password-cues.js';
import {
  DECLINING_PHRASES,
  FOLLOW_UP_REQUESTS,
  OWNING_WORDS,
  WH_WORDS,
  YES_NO_HEADS,
} from '../lexicon/topic-cues.js';
import { POSITION_REQUEST_CUES } from '../lexicon/entity-cues.js';
import { compileCues } from '../context/cue-matcher.js';

const NAME = 'password';
const MAX_WORDS = 8;
const DIGITS_ONLY_PENALTY = 0.3;
const LATER_IN_ANSWER_PENALTY = 0.1;
/** A token typed like a password: letters with digits or symbols ("Dragon$1992", dictation as the normaliser writes it). */
const PASSWORD_SHAPE = /^(?=.*\p{L})(?=.*[\d!#$%&*+=?@^_~])[\p{L}\d!#$%&*+=?@^_~.-]+$/u;
/** Capitals, digits and hyphens only ("INC0088214", "LS18", "1098-T"): a reference, a code or a form more often than a password. */
const REFERENCE_SHAPE = /^[\p{Lu}\d-]+$/u;
const DIGITS = /^\d+$/;
const LETTERS = /^\p{L}+$/u;
/** Score of a password-shaped word or a read-back found by the password talk around it. */
const DISCUSSED_SCORE = 0.8;
/** Score of words a speaker sets or gives a password with ("let's make it ..."), in password talk. */
const SET_SCORE = 0.85;
/** The shortest password chased through the call when said again. */
const MIN_REPEAT_CHARS = 6;
/** The shortest start of a dictated password ("kw58") a partial read-back must repeat. */
const MIN_READ_BACK_CHARS = 4;
/** How many earlier turns of the speaker, and prompts, may hold the password talk. */
const DISCUSSION_TURNS = 2;
/** "... with a dollar sign at the end": words a spoken modifier of a password may take. */
const MODIFIER_WORDS = 7;
const MODIFIER_ENDS = wordSet('end start beginning front');
const MODIFIERS = phraseList(PASSWORD_MODIFIERS);
const positionsAsked = compileCues(POSITION_REQUEST_CUES);
/** How far into a mono file's answer a request for characters by position is looked for. */
const POSITION_REACH = 6;
const SET_PHRASES = phraseList(PASSWORD_SET_PHRASES);
const SYMBOLS = phraseList(SYMBOL_WORDS);
/** Where a passphrase set without a question ends: "and", or a question back ("is that strong enough"). */
const PASSPHRASE_STOPS = phraseList(['and', ...YES_NO_HEADS]);
/** Where an answer's password ends: a question back ("is that okay"). */
const QUESTION_STOPS = phraseList(YES_NO_HEADS);
/** Words after a shaped word that make it a host, a domain or an address ("vpn2 dot corp", "IPv4 address"), not a password. */
const HOST_WORDS = wordSet('dot com net org corp local internal address');
/** Words that only point at positions ("the first, the third and the sixth"): a request for some characters, not a value. */
const POSITION_WORDS = wordSet(
  'first second third fourth fifth sixth seventh eighth ninth tenth last and the',
);
const POSITION = /^\d{1,2}(?:st|nd|rd|th)?$/;
/** Words before a shaped word that make it a reference ("case AB12C"), not a password. */
const REFERENCE_WORDS = wordSet('case ticket reference ref order booking confirmation number id code');
/** Reference words that open a value set with a set phrase ("the order number ..."); "number" leads a dictation. */
const REFERENCE_HEADS = wordSet('case ticket reference ref order booking confirmation');
/** Words between a reference word and its value: "case ID is DB-44-07". */
const REFERENCE_LINKS = wordSet("is was 's");
const REFERENCE_REACH = 3;
/** The fewest characters a token typed like a password has ("W-2" is a form, "69p" a price). */
const MIN_SHAPED_CHARS = 4;
/** How far into an answer "it was" / "it's" may restart it ("maybe my music app, it was ..."). */
const RESTART_WORDS = 12;
const RESTARTS = phraseList([
  "it's",
  'it is',
  'it was',
  'it would be',
  'it should be',
  'it might be',
  'it may be',
  'it could be',
]);
/** Score gained by an answer to a prompt that only names a password ("and an account password so ..."). */
const NAMED_PROMPT_BONUS = 0.3;
/** How many words after a value may still be talk about it when the prompt only named a password. */
const NAMED_TAIL_WORDS = 3;
const DECLINING = phraseList(DECLINING_PHRASES);
/** How far before a password cue "don't tell me" may stand. */
const DECLINING_REACH = 6;
/** Words that read what follows off a screen or a label ("it says connected"). */
const READ_OFF_WORDS = wordSet('says reads shows said showed');
/** A word shaped like a state a screen shows ("connected", "loading"), not like a password. */
const STATE_WORD = /^\p{L}+(?:ed|ing)$/u;
/** The longest reply that only lets the speaker go on ("yep", "ready, go ahead"). */
const GO_ON_WORDS = 4;
/** Score of a password a speaker announced in their previous turn and then gives ("... ready?" "yep" "it's ..."). */
const ANNOUNCED_SCORE = 0.85;
/**
 * Set phrases that ask ("what about ...", "can it be ..."): before an article they turn to another
 * topic ("what about the miles?") or ask about a rule ("can it be a phrase?").
 */
const ASKING_SET_PHRASES = new Set(['what about', 'how about', 'can it be', 'could it be']);
/** Set phrases that guess a value ("it might be ..."): an answer's lead-in where a password was asked for. */
const GUESSING_SET_PHRASES = new Set(PASSWORD_GUESS_PHRASES.map((phrase) => foldedWords(phrase).join(' ')));
/**
 * Set phrases that propose or guess a value: one without a digit asks about rules or timing ("can it
 * be shorter?", "might be later").
 */
const PROPOSING_SET_PHRASES = new Set(['can it be', 'could it be', ...GUESSING_SET_PHRASES]);

export const passwordRecognizer: Recognizer = {
  name: NAME,
  types: ['PASSWORD'],
  recognize(input) {
    const dialogue = readDialogue(input);
    const found = ownFindings(dialogue, input, usernameKeys(input));
    return keepBest([...found, ...repeats(dialogue, knownPasswords(input))]).map((finding) =>
      withTrailingSymbols(withDictation(dialogue, finding)),
    );
  },
};

const ownCache = new WeakMap<Dialogue, Finding[]>();

/** Passwords found in one view from its own talk (computed once per view). */
function ownFindings(dialogue: Dialogue, input: RecognizerInput, usernames: ReadonlySet<string>): Finding[] {
  const cached = ownCache.get(dialogue);
  if (cached) return cached;
  const { words } = dialogue;
  const found = keepBest([
    ...discussedPasswords(dialogue, input, usernames),
    ...readBacks(dialogue, usernames),
    ...setPasswords(dialogue, input, usernames),
    ...appositions(dialogue, usernames),
    ...announcedPasswords(dialogue, input, usernames),
    ...followUpAnswers(dialogue, usernames),
    ...siteFindings(dialogue, 'password', NAME, 'PASSWORD', { asked: 0.9, stated: 0.9 }, (site) => {
      // "Okay, set it to ...", "fine, make it ...": setPasswords reads it, bounded as a passphrase.
      if (setsAt(words, site.start)) return [];
      const start = valueStart(dialogue, site.start, site.limit);
      const opener = start + 1 < site.limit && !isPasswordLike([words[start]!]);
      if (setsAt(words, start) || (opener && setsAt(words, start + 1))) return [];
      // Some of its characters by position are a memorable word's letters or a PIN's digits.
      const prompt = dialogue.prompts[dialogue.tokens[site.start]!.turn]!;
      if (site.source === 'asked' && positionsAsked.test(prompt.join(' '))) return [];
      // "Is the password field blank?" asks about the form, "never give your password to anyone" for nothing.
      if (
        site.source === 'asked' &&
        (namesFormPart(dialogue, prompt, start) || declinedQuestion(dialogue, site.cueAt))
      )
        return [];
      if (site.source === 'stated' && declinedBefore(words, site.cueAt)) return [];
      // In a mono file the request by position can open the "answer" itself ("… memorable word, the
      // second and fourth characters? …").
      if (
        input.views.length === 1 &&
        positionsAsked.test(words.slice(site.start, start + POSITION_REACH).join(' '))
      )
        return [];
      const to = passwordEnd(dialogue, start, site.limit, QUESTION_STOPS);
      const value = words.slice(start, to);
      // "It's on a sticker on the router, c7 k2 …": where it is written, then the password.
      const placed = placeTalk(words, start) ? pieceWithDigits(dialogue, start + 1, site.limit) : -1;
      if (placed !== -1) {
        return [{ from: placed, to: passwordEnd(dialogue, placed, site.limit, QUESTION_STOPS) }];
      }
      // A state read off a screen ("it says connected"); words leading into a password cue describe
      // it ("your temporary | password is …").
      if (readsState(words, start, value) || startsPasswordCue(words, to)) return [];
      // "Please don't share it": a reply declining to hear one; "your password was (probably) leaked",
      // "could it be emailed": what happened or happens to it.
      const passive = site.source === 'stated' || PASSIVE_HEADS.has(words[start - 1] ?? '');
      if (declines(value) || (passive && namesHappening(value))) return [];
      if (!isPasswordLike(value) || namesHost(value)) {
        // Talk before the value (a mono file: "... I need it to test the connection | Dragon$1992").
        const shaped = shapedToken(dialogue, start + 1, site.limit);
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
      // "And an account password so only you can change it": a prompt naming a password, neither
      // the speaker's own nor one not to say, is answered by a reply that is the value.
      const named =
        !digitsOnly &&
        site.source === 'asked' &&
        site.form === 'mention' &&
        to + NAMED_TAIL_WORDS >= site.limit &&
        namesPasswordToGive(prompt);
      return [
        {
          from: start,
          to,
          ...(digitsOnly ? { adjust: -DIGITS_ONLY_PENALTY, reasons: ['digits-only'] } : {}),
          ...(named ? { adjust: NAMED_PROMPT_BONUS, reasons: ['password-named'] } : {}),
        },
      ];
    }),
  ]);
  ownCache.set(dialogue, found);
  return found;
}

/** The passwords found in the call, by their letters and digits without spoken modifiers, with their best score. */
function knownPasswords(input: RecognizerInput): ReadonlyMap<string, number> {
  const cached = knownCache.get(input.views);
  if (cached) return cached;
  const usernames = usernameKeys(input);
  const known = new Map<string, number>();
  for (const view of input.views) {
    const viewInput = { ...input, view };
    for (const finding of ownFindings(readDialogue(viewInput), viewInput, usernames)) {
      const key = passwordKey(finding.value);
      if (key.length >= MIN_REPEAT_CHARS) known.set(key, Math.max(finding.score, known.get(key) ?? 0));
    }
  }
  knownCache.set(input.views, known);
  return known;
}

const knownCache = new WeakMap<readonly StreamView[], ReadonlyMap<string, number>>();

/**
 * A password's letters and digits, without a modifier said after it ("HS 4827 QZ all capitals" →
 * "hs4827qz") or the words of its dictation ("tREE then the number 4OWL!" → "tree4owl").
 */
function passwordKey(value: string): string {
  const words = foldedWords(value);
  const modifier = words.findIndex(
    (_, k) => k > 0 && matchAt(words, k, MODIFIERS)?.length === words.length - k,
  );
  const kept = modifier === -1 ? words : words.slice(0, modifier);
  let key = '';
  for (let k = 0; k < kept.length; k += 1) {
    const filler = fillerLength(kept, k);
    if (filler > 0) k += filler - 1;
    else key += compactKey(kept[k]!);
  }
  return key;
}

/** Words at k that describe a dictation rather than spell it ("then", "the number", "dollar sign"): how many. */
function fillerLength(words: readonly string[], k: number): number {
  // "a", "the" describe only before a description ("a capital K", "the number 9"); else "a" is a letter.
  if (ARTICLES.has(words[k]!)) return fillerLength(words, k + 1) > 0 ? 1 : 0;
  if (DICTATION_WORDS.has(words[k]!)) return 1;
  return (matchAt(words, k, DICTATION_LEADS) ?? matchAt(words, k, SYMBOLS))?.length ?? 0;
}

/**
 * Words that say again a password found anywhere in the call, in any form ("So HS4827QZ" after
 * "H S 4 8 2 7 Q Z", "so tree 4 Owl bang" after "lowercase t r e e, then the number 4, ..."):
 * runs of one turn spelling its key, the words of a dictation and spoken symbols aside.
 */
function repeats(dialogue: Dialogue, known: ReadonlyMap<string, number>): Finding[] {
  if (known.size === 0) return [];
  const { tokens, words } = dialogue;
  const keys = [...known.keys()];
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (fillerLength(words, k) > 0) continue;
    const turnEnd = dialogue.turnEnd[tokens[k]!.turn]!;
    const end = Math.min(turnEnd, k + 2 * MAX_WORDS);
    let spelled = '';
    for (let j = k; j < end; j += 1) {
      const filler = fillerLength(words, j);
      if (filler > 0) {
        j += filler - 1;
        continue;
      }
      spelled += compactKey(tokens[j]!.text);
      const score = known.get(spelled);
      if (score !== undefined) {
        const to = dictationEnd(dialogue, j + 1, turnEnd);
        findings.push(
          tokenFinding(dialogue, NAME, 'PASSWORD', k, Math.max(to, j + 1), score - LATER_IN_ANSWER_PENALTY, [
            'repeated',
          ]),
        );
        k = Math.max(to, j + 1) - 1;
        break;
      }
      if (!keys.some((key) => key.startsWith(spelled))) break;
    }
  }
  return findings;
}

/** Words that carry a dictated password on: "then 7 3 1", "then a capital K", "followed by a hash". */
const DICTATION_LEADS = phraseList([
  'then',
  'and then',
  'followed by',
  'and then a',
  'and finally',
  'finally',
]);
/** Words describing the next dictated piece: "a capital K", "the number 7". */
const DICTATION_WORDS = wordSet(
  'a an the capital capitals upper uppercase lower lowercase small big number numbers digit digits symbol letter',
);
/** A dictated piece: one letter, digits, or a typed symbol. */
const DICTATED_PIECE = /^(?:\p{L}|\d+|[!#$%&*+=?@^_~-])$/u;

/**
 * One past the rest of a dictation from token `from` ("then 731 then a capital K", "lowercase k,
 * i, d", "exclamation point", "with a capital S"): letters, digits, typed and spoken symbols, the
 * words describing them and spoken modifiers; `from` when none follows.
 */
function dictationEnd(dialogue: Dialogue, from: number, limit: number): number {
  const { tokens, words } = dialogue;
  let end = from;
  let at = from;
  while (at < limit) {
    const symbol = matchAt(words, at, SYMBOLS);
    const lead = matchAt(words, at, DICTATION_LEADS);
    const modifier = modifierEnd(words, at, limit);
    // Pieces move the end on; the words describing them only move on to the next piece.
    if (symbol) end = at + symbol.length;
    else if (modifier > at) end = modifier;
    else if (isDictatedPiece(tokens[at]!.text)) end = at + 1;
    else if (lead) at += lead.length - 1;
    else if (BACKCHANNELS.has(words[at]!)) {
      // "Sandcastle | okay | 99 | yep | at sign": the listener's go-on between pieces (one stream).
      if (!goOnBetweenPieces(dialogue, at, limit)) break;
    }
    // "with a capital S": a described piece; "with" before anything else is talk.
    else if (
      !DICTATION_WORDS.has(words[at]!) &&
      !(words[at] === 'with' && DICTATION_WORDS.has(words[at + 1] ?? ''))
    )
      break;
    at = Math.max(at + 1, end);
  }
  return Math.min(end, limit);
}

/**
 * True when the go-on words at `at` ("okay", "yep") are followed by a piece that ends the turn or
 * leads on to another go-on or piece: "... okay 99 yep at sign", not "okay 2 more questions".
 */
function goOnBetweenPieces(dialogue: Dialogue, at: number, limit: number): boolean {
  const { words } = dialogue;
  let k = at;
  while (k < limit && BACKCHANNELS.has(words[k]!)) k += 1;
  const piece = pieceEnd(dialogue, k, limit);
  if (piece === k) return false;
  return piece >= limit || BACKCHANNELS.has(words[piece]!) || pieceEnd(dialogue, piece, limit) > piece;
}

/** One past the spoken symbol or dictated piece at k, else k. */
function pieceEnd(dialogue: Dialogue, k: number, limit: number): number {
  if (k >= limit) return k;
  const symbol = matchAt(dialogue.words, k, SYMBOLS);
  if (symbol) return k + symbol.length;
  return isDictatedPiece(dialogue.tokens[k]!.text) ? k + 1 : k;
}

/** One letter, digits or a typed symbol; "I" is the pronoun far more often than a letter. */
function isDictatedPiece(text: string): boolean {
  return text !== 'I' && DICTATED_PIECE.test(text);
}

/**
 * The finding stretched over the rest of a dictation said after it in the same turn ("tRAVEL then
 * 731 then a capital K"): carried on by "then" or "followed by".
 */
function withDictation(dialogue: Dialogue, finding: Finding): Finding {
  if (finding.view !== dialogue.view) return finding;
  const { tokens, words } = dialogue;
  const k = tokens.findIndex((token) => token.start >= finding.charEnd);
  if (k <= 0 || tokens[k]!.turn !== tokens[k - 1]!.turn || !matchAt(words, k, DICTATION_LEADS))
    return finding;
  const last = dictationEnd(dialogue, k, dialogue.turnEnd[tokens[k]!.turn]!);
  if (last === k) return finding;
  const charEnd = tokens[last - 1]!.end;
  const { text } = finding.view;
  return { ...finding, charEnd, value: text.slice(finding.charStart, charEnd).replace(/\s+/g, ' ') };
}

/** Symbols the normaliser types after a password ("TROUT74!") that tokens leave out as punctuation. */
const TRAILING_SYMBOL = /[!#$%&*+=@^_~]/;

/** The finding stretched over symbols typed right after it. */
function withTrailingSymbols(finding: Finding): Finding {
  const { text } = finding.view;
  let end = finding.charEnd;
  while (end < text.length && TRAILING_SYMBOL.test(text[end]!)) end += 1;
  if (end === finding.charEnd) return finding;
  return { ...finding, charEnd: end, value: text.slice(finding.charStart, end).replace(/\s+/g, ' ') };
}

/**
 * True when passwords are the latest credential talked about in the turn's words before `at` and
 * the last exchanges: a username named later wins ("so that's dsmith77" after "what's your username?").
 * `turnsBack` earlier turns of the speaker count, with the prompts before them; -1 for this turn alone.
 */
function passwordsDiscussed(
  dialogue: Dialogue,
  t: number,
  at: number,
  turnsBack = DISCUSSION_TURNS,
): boolean {
  const { words } = dialogue;
  // Latest first: this turn so far, what the speaker was told before it, their turn before that ...
  const said = [words.slice(dialogue.turnFirst[t]!, at)];
  if (turnsBack >= 0) said.push(dialogue.prompts[t]!);
  for (let back = 1; back <= turnsBack && back <= t; back += 1) {
    said.push(
      words.slice(dialogue.turnFirst[t - back]!, dialogue.turnEnd[t - back]!),
      dialogue.prompts[t - back]!,
    );
  }
  for (const part of said) {
    const latest = latestCredential(findCues(part));
    if (latest) return latest === 'password';
  }
  return false;
}

/**
 * True when the prompt's last credential cue names a password the listener may give: not the
 * speaker's own ("I forgot my password") nor one not to say ("please don't read me passwords").
 */
function namesPasswordToGive(prompt: readonly string[]): boolean {
  const cue = findCues(prompt).findLast((match) => match.topic === 'password' || match.topic === 'username');
  if (cue?.topic !== 'password') return false;
  if (declinedBefore(prompt, cue.start)) return false;
  return !prompt.slice(Math.max(0, cue.start - 2), cue.start).some((word) => OWNING_WORDS.has(word));
}

/** True when the words say not to give a password ("please don't share it"). */
function declines(value: readonly string[]): boolean {
  return value.some((_, k) => matchAt(value, k, DECLINING));
}

/** Words before a participle that make it passive ("could it be emailed"). */
const PASSIVE_HEADS = wordSet('be been is was');

/**
 * A word in "-ed" or "-en" and only talk after it ("leaked", "reset", "compromised last night"):
 * what happened to a password, not what it is.
 */
function namesHappening(value: readonly string[]): boolean {
  const [first, ...rest] = value;
  return (
    (PARTICIPLE.test(first!) || PLACING_PARTICIPLES.has(first!)) &&
    rest.every((word) => STOP_WORDS.has(word) || COMMON_WORDS.has(word))
  );
}

/** True when "don't tell", "never give" … stands shortly before words[at]: what not to say is no value. */
function declinedBefore(words: readonly string[], at: number): boolean {
  const before = words.slice(Math.max(0, at - DECLINING_REACH), at);
  return before.some((_, k) => matchAt(before, k, DECLINING));
}

/**
 * True when the question an answer at `from` inherited declined the password ("please don't read
 * your password out" … "oh, sorry"): an apology after it asks for nothing again.
 */
function declinedQuestion(dialogue: Dialogue, from: number): boolean {
  const question = dialogue.answers.find((answer) => answer.from === from)?.question;
  if (!question?.inherited) return false;
  const { words } = question.asked;
  const cue = findCues(words).findLast((match) => match.topic === 'password');
  return cue !== undefined && declinedBefore(words, cue.start);
}

/** "It says connected", "it shows loading": one word read off a screen, shaped like a state it is in. */
function readsState(words: readonly string[], start: number, value: readonly string[]): boolean {
  return value.length === 1 && STATE_WORD.test(value[0]!) && READ_OFF_WORDS.has(words[start - 1] ?? '');
}

/** How far before an answer a mono file's question may name a part of a login form. */
const FORM_REACH = 8;

/**
 * True when the question before an answer starting at `start` (its prompt, or in a mono file the
 * words just before it and its first word) ends on a password cue naming a part of a login form
 * ("the password field", "is the password | box filled in").
 */
function namesFormPart(dialogue: Dialogue, prompt: readonly string[], start: number): boolean {
  const before = dialogue.words.slice(Math.max(0, start - FORM_REACH), start + 1);
  return [prompt, before].some((words) => {
    const cue = findCues(words).findLast((match) => match.topic === 'password');
    return cue !== undefined && LOGIN_FORM_PARTS.has(words[cue.start + cue.length] ?? '');
  });
}

/** The longest password cue, in words. */
const CUE_LOOKAHEAD = 4;

/** True when a password cue starts at `at`. */
function startsPasswordCue(words: readonly string[], at: number): boolean {
  const [cue] = findCues(words.slice(at, at + CUE_LOOKAHEAD));
  return cue?.start === 0 && cue.topic === 'password';
}

/**
 * Passwords a speaker announced in their previous turn and gives once the listener only let them go
 * on ("I'll give you a temporary password, ready?" "yep" "it's ..."): the turn's words from an
 * opener that announces a value ("it's"), or from a dictated piece or a token typed like a password.
 */
function announcedPasswords(
  dialogue: Dialogue,
  input: RecognizerInput,
  usernames: ReadonlySet<string>,
): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let t = 1; t < dialogue.turnFirst.length; t += 1) {
    if (!onlyLetGoOn(input, dialogue.view.turns[t - 1]!.turn.id, dialogue.view.turns[t]!.turn.id)) continue;
    const before = words.slice(dialogue.turnFirst[t - 1]!, dialogue.turnEnd[t - 1]!);
    if (latestCredential(findCues(before)) !== 'password' || !namesPasswordToGive(before)) continue;
    const end = answerLimit(dialogue, t);
    const opened = skipLeadIns(words, dialogue.turnFirst[t]!, end);
    const start = opened.at;
    if (start >= end || startsNonAnswer(words, start)) continue;
    const typed = typedLikePassword(dialogue, start) || isDictatedPiece(tokens[start]!.text);
    const to = passwordEnd(dialogue, start, end, QUESTION_STOPS);
    const value = words.slice(start, to);
    // "Blue 7 7 kangaroo": a word and digits given bare.
    const worded = LETTERS.test(value[0]!) && value.some((word) => DIGITS.test(word));
    if (!opened.announced && !typed && !worded) continue;
    if (!isPasswordLike(value) || namesHost(value) || usernames.has(compactKey(value.join('')))) continue;
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', start, to, ANNOUNCED_SCORE, ['announced']));
  }
  return findings;
}

const FOLLOW_UPS = phraseList(FOLLOW_UP_REQUESTS);

/**
 * Replies to a question for a value asked after password talk that is no password cue of its own
 * ("let's reset your password, what would you like the new one to be?"): the reply's words.
 */
function followUpAnswers(dialogue: Dialogue, usernames: ReadonlySet<string>): Finding[] {
  const { words } = dialogue;
  const findings: Finding[] = [];
  dialogue.prompts.forEach((prompt, t) => {
    // A question naming a password is read at its site.
    if (dialogue.questions[t]?.asked.topics.includes('password')) return;
    const cue = latestCredentialCue(cuesOfFixed(prompt));
    if (!cue || cue.topic === 'username' || declinedBefore(prompt, cue.start)) return;
    if (!asksForNewOne(prompt, cue.start + cue.length)) return;
    const end = answerLimit(dialogue, t);
    const start = skipLeadIns(words, dialogue.turnFirst[t]!, end).at;
    if (start >= end || startsNonAnswer(words, start)) return;
    const to = passwordEnd(dialogue, start, end, QUESTION_STOPS);
    const value = words.slice(start, to);
    if (!isPasswordLike(value) || namesHost(value) || usernames.has(compactKey(value.join('')))) return;
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', start, to, SET_SCORE, ['asked-after-talk']));
  });
  return findings;
}

/** How many words after a password cue a question for its new value may start. */
const FOLLOW_UP_REACH = 10;
/** Words of a question that ask for the value itself ("... the new one to be", "... to use"), not another thing to do. */
const VALUE_ASKED_WORDS = wordSet('it one be use');
/** How many words after the question's opening those words may come. */
const VALUE_ASKED_REACH = 5;

/** True when a question for a value ("what would you like the new one to be?") follows soon after `after`. */
function asksForNewOne(prompt: readonly string[], after: number): boolean {
  for (let k = after; k < Math.min(prompt.length, after + FOLLOW_UP_REACH); k += 1) {
    const follow = matchAt(prompt, k, FOLLOW_UPS);
    if (!follow) continue;
    const asked = prompt.slice(k, k + follow.length + VALUE_ASKED_REACH);
    if (asked.some((word) => VALUE_ASKED_WORDS.has(word))) return true;
  }
  return false;
}

/** True when the other speakers said only a short go-on ("yep", "ready") between two conversation turns. */
function onlyLetGoOn(input: RecognizerInput, from: number, to: number): boolean {
  const { conversation, transcript } = input;
  let said = 0;
  for (let id = from + 1; id < to; id += 1) {
    for (const index of conversation.turns[id]!.words) {
      const word = foldedWords(transcript.words[index]!.text);
      said += word.length;
      if (said > GO_ON_WORDS || !word.every((piece) => BACKCHANNELS.has(piece))) return false;
    }
  }
  return said > 0;
}

/** The last password or username cue's topic among cues (all found in some words), if any. */
function latestCredential(cues: readonly CueMatch[]): 'password' | 'username' | undefined {
  const cue = latestCredentialCue(cues);
  // "Reset your password" is filed under other topics to shield answers, but it is password talk.
  return cue && (cue.topic === 'username' ? 'username' : 'password');
}

/** The last password or username cue among cues, a phrase naming a password under another topic included. */
function latestCredentialCue(cues: readonly CueMatch[]): CueMatch | undefined {
  return cues.findLast(
    (match) => match.topic === 'password' || match.topic === 'username' || match.phrase.includes('password'),
  );
}

/** Score of a value said right after the speaker names their own password, without "is". */
const APPOSITION_SCORE = 0.8;

/**
 * A value said right after a speaker names their own password, without "is" ("username jdoe88,
 * and my password, Orchid 2210, but it failed"): a word typed like a password, or words with digits.
 */
function appositions(dialogue: Dialogue, usernames: ReadonlySet<string>): Finding[] {
  const { words } = dialogue;
  const findings: Finding[] = [];
  dialogue.turnFirst.forEach((first, t) => {
    const end = dialogue.turnEnd[t]!;
    for (const cue of turnCues(dialogue, t)) {
      const at = first + cue.start + cue.length;
      if (cue.topic !== 'password' || at >= end || !OWNING_WORDS.has(words[at - cue.length - 1] ?? ''))
        continue;
      if (declinedBefore(words, at - cue.length) || LOGIN_FORM_PARTS.has(words[at]!)) continue;
      const to = passwordEnd(dialogue, at, end, QUESTION_STOPS);
      const value = words.slice(at, to);
      const shaped =
        typedLikePassword(dialogue, at) ||
        (LETTERS.test(words[at]!) &&
          !COMMON_WORDS.has(words[at]!) &&
          value.some((word) => DIGITS.test(word)));
      if (!shaped || !isPasswordLike(value) || namesHost(value) || usernames.has(compactKey(value.join(''))))
        continue;
      findings.push(
        tokenFinding(dialogue, NAME, 'PASSWORD', at, to, APPOSITION_SCORE, [
          'after-cue',
          `cue:${cue.phrase}`,
        ]),
      );
    }
  });
  return findings;
}

/** How many words of the reply to a turn are read for password talk ("oh, please don't tell me your password"). */
const REPLY_WORDS = 12;

/**
 * True when the next turn of the call talks about passwords ("please don't tell me your password")
 * or declines to hear what was said without naming it: what turn t of the view said was one,
 * though nobody had named passwords before it.
 */
function replyNamesPassword(dialogue: Dialogue, input: RecognizerInput, t: number): boolean {
  // "Do you see the network name?" "It says Harbor42": a turn answering another topic's question gives that.
  const question = dialogue.questions[t];
  if (question && !question.asked.topics.includes('password')) return false;
  const reply = input.conversation.turns[dialogue.view.turns[t]!.turn.id + 1];
  if (!reply) return false;
  const words = reply.words
    .slice(0, REPLY_WORDS)
    .flatMap((index) => foldedWords(input.transcript.words[index]!.text));
  // "You don't need to tell me that!": declining to hear something unnamed after it was set.
  const cues = findCues(words);
  return latestCredential(cues) === 'password' || (declines(words) && cues.length === 0);
}

/** Words typed like a password said while passwords are discussed: "my old one was Harbour2022". */
function discussedPasswords(
  dialogue: Dialogue,
  input: RecognizerInput,
  usernames: ReadonlySet<string>,
): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const { text, turn } = tokens[k]!;
    const end = dialogue.turnEnd[turn]!;
    const typed = typedLikePassword(dialogue, k) ? k + 1 : spokenPasswordEnd(words, k, end);
    if (typed === k || usernames.has(compactKey(text))) continue;
    if (!passwordsDiscussed(dialogue, turn, k) && !replyNamesPassword(dialogue, input, turn)) continue;
    const to = modifierEnd(words, typed, end);
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', k, to, DISCUSSED_SCORE, ['password-talk']));
  }
  return findings;
}

/** One past "Winter 47 hash" (a word, a number, a spoken symbol) when it starts at k, else k. */
function spokenPasswordEnd(words: readonly string[], k: number, limit: number): number {
  // Cheapest test first: most words are not followed by a number (nor by a word starting with a digit).
  const next = words[k + 1]!;
  if (k + 2 >= limit || next[0]! < '0' || next[0]! > '9' || !DIGITS.test(next)) return k;
  const word = words[k]!;
  if (STOP_WORDS.has(word) || COMMON_WORDS.has(word) || !LETTERS.test(word)) return k;
  const symbol = matchAt(words, k + 2, SYMBOLS);
  return symbol && k + 2 + symbol.length <= limit ? k + 2 + symbol.length : k;
}

/**
 * Words a speaker sets or gives a password with while passwords are talked about ("I'm gonna do
 * bluebird at 26 exclamation, is that strong enough?"): up to eight, to "and" or a question back.
 */
function setPasswords(dialogue: Dialogue, input: RecognizerInput, usernames: ReadonlySet<string>): Finding[] {
  const { tokens, words } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const phrase = matchAt(words, k, SET_PHRASES);
    if (!phrase) continue;
    const { turn } = tokens[k]!;
    const end = dialogue.turnEnd[turn]!;
    const opened = skipLeadIns(words, k + phrase.length, end).at;
    if (opened >= end) continue;
    // "Set it to what I had, it was ...": talk, then the value after "it was".
    const talk =
      startsNonAnswer(words, opened) ||
      !isPasswordLike(words.slice(opened, valueEnd(words, opened, end, MAX_WORDS)));
    const start = talk ? restartAt(dialogue, opened, end) : opened;
    if (start === undefined) continue;
    const to = passwordEnd(dialogue, start, end, PASSPHRASE_STOPS);
    const value = words.slice(start, to);
    if (!isPasswordLike(value) || namesHost(value) || usernames.has(compactKey(value.join('')))) continue;
    if (ASKING_SET_PHRASES.has(phrase.phrase) && ARTICLES.has(value[0]!)) continue;
    // Proposed as a question ("can it be shorter?") or found after talk ("... it's better to avoid
    // dates"), words are a password only with a number in them.
    if ((talk || PROPOSING_SET_PHRASES.has(phrase.phrase)) && !value.some((word) => /\d/.test(word)))
      continue;
    // "I'm gonna use the order number 4471": a reference named, not a password.
    if (REFERENCE_HEADS.has(value[ARTICLES.has(value[0]!) ? 1 : 0] ?? '')) continue;
    // Digits alone are a code read out ("it says 918277"), not a password set; a number set ("how
    // about 1983?") is a code more often than a password, left to those recognizers unless none takes it.
    const digitsOnly = value.every((word) => DIGITS.test(word));
    if (digitsOnly && READ_OFF_WORDS.has(words[k + phrase.length - 1]!)) continue;
    // One plain word set in everyday words ("change it to static") needs password talk in this exchange.
    const plain = value.length === 1 && LETTERS.test(value[0]!);
    if (readsState(words, start, value)) continue;
    if (
      !passwordsDiscussed(dialogue, turn, k, plain ? 0 : DISCUSSION_TURNS) &&
      !replyNamesPassword(dialogue, input, turn)
    )
      continue;
    const reasons = ['set-phrase', `cue:${phrase.phrase}`, ...(digitsOnly ? ['digits-only'] : [])];
    const score = SET_SCORE - (digitsOnly ? DIGITS_ONLY_PENALTY : 0);
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', start, to, score, reasons));
  }
  return findings;
}

/**
 * One past a password starting at start: cut like an answer, at a question ("what", "is that
 * okay") or the first of `stops`, then carried on over its spoken modifier and the rest of a
 * dictation ("... then the number 4, lowercase k, i, d").
 */
function passwordEnd(dialogue: Dialogue, start: number, limit: number, stops: PhraseList): number {
  const { words } = dialogue;
  let end = valueEnd(words, start, limit, MAX_WORDS);
  for (let k = start + 1; k < end; k += 1) {
    if (
      WH_WORDS.has(words[k]!) ||
      matchAt(words, k, stops) ||
      modifierEnd(words, k, limit) > k ||
      startsRemark(words, k)
    ) {
      end = k;
      break;
    }
  }
  return dictationEnd(dialogue, modifierEnd(words, end, limit), limit);
}

/** Words opening a remark after a password ("..., it's the one I use for everything", "I'd change it"). */
const REMARK_HEADS = wordSet("it's i'd");

/**
 * True when a remark about the password starts at k: "it's", "I'd", or "I" and a word ("pumpkin
 * pie 7, I use it for everything"); a letter after "I" spells on ("k i d").
 */
function startsRemark(words: readonly string[], k: number): boolean {
  if (REMARK_HEADS.has(words[k]!)) return true;
  return words[k] === 'i' && /^\p{L}{2,}/u.test(words[k + 1] ?? '');
}

/** True when a set phrase other than a guess ("it might be") starts at k: setPasswords reads what follows. */
function setsAt(words: readonly string[], k: number): boolean {
  const phrase = matchAt(words, k, SET_PHRASES);
  return phrase !== undefined && !GUESSING_SET_PHRASES.has(phrase.phrase);
}

/**
 * Where a password's value starts at a site: after "it" in a question ("is it ..."), after a guess
 * ("it might be ..."), after how it is typed said first ("all capitals, R E D F O X"), or after a
 * later "it was" / "it's" that restarts the answer ("maybe my music app, it was ...").
 */
function valueStart(dialogue: Dialogue, start: number, limit: number): number {
  const { words } = dialogue;
  const asked = words[start] === 'it' && QUESTION_COPULAS.has(words[start - 1] ?? '') ? start + 1 : start;
  // "It might be ...": an answer opening with a guess.
  const guessed = asked + (matchAt(words, asked, RESTARTS)?.length ?? 0);
  const at = Math.min(limit - 1, guessed + (matchAt(words, guessed, MODIFIERS)?.length ?? 0));
  return restartAt(dialogue, at, limit) ?? at;
}

/** Where a later "it was" / "it's" restarts the value that would start at `at`, if one does. */
function restartAt(dialogue: Dialogue, at: number, limit: number): number | undefined {
  const { words } = dialogue;
  for (let k = at + 1; k < Math.min(limit, at + RESTART_WORDS); k += 1) {
    // "Saguaro-Moon-88, it's accepted", "2468, it is the day we met": what follows a value is talk about it.
    if (typedLikePassword(dialogue, k - 1) || DIGITS.test(words[k - 1]!)) break;
    const restarts = matchAt(words, k, RESTARTS);
    if (!restarts) continue;
    const restart = skipLeadIns(words, k + restarts.length, limit).at;
    if (restart < limit && isPasswordLike(words.slice(restart, valueEnd(words, restart, limit, MAX_WORDS)))) {
      return restart;
    }
  }
  return undefined;
}

const QUESTION_COPULAS = wordSet('is was');

/** True when the words name a host or a domain ("vpn2 dot corp", "gw3.corp"), not a password. */
function namesHost(value: readonly string[]): boolean {
  return value.some(
    (word, k) => /\.\p{L}/u.test(word) || (word === 'dot' && HOST_WORDS.has(value[k + 1] ?? '')),
  );
}

/** One past "with a dollar sign at the end" or "all lower case" when it follows at `from`, else `from`. */
function modifierEnd(words: readonly string[], from: number, limit: number): number {
  const described = from < limit ? matchAt(words, from, MODIFIERS) : undefined;
  if (described) return Math.min(limit, from + described.length);
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
    const cue = cuesOfFixed(prompt).findLast(
      (match) => match.topic === 'password' || match.topic === 'username',
    );
    if (cue?.topic !== 'password') return;
    const told = prompt.slice(cue.start + cue.length);
    const end = dialogue.turnEnd[t]!;
    const first = dialogue.turnFirst[t]!;
    findings.push(...dictatedStarts(dialogue, told, first, end));
    const start = skipLeadIns(words, first, end).at;
    const word = words[start];
    if (word === undefined || STOP_WORDS.has(word) || COMMON_WORDS.has(word)) return;
    if (!told.includes(word)) return;
    const to = valueEnd(words, start, end, MAX_WORDS);
    if (usernames.has(compactKey(words.slice(start, to).join('')))) return;
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', start, to, DISCUSSED_SCORE, ['read-back']));
  });
  return findings;
}

/**
 * Runs of tokens in [first, end) that spell the start of a password typed in `told` ("K W 5 8"
 * after "kw58R$m2"): at least four letters and digits, with a digit, said in a different form.
 */
function dictatedStarts(dialogue: Dialogue, told: readonly string[], first: number, end: number): Finding[] {
  const keys = told.filter((word) => PASSWORD_SHAPE.test(word)).map(compactKey);
  if (keys.length === 0) return [];
  const { words } = dialogue;
  const findings: Finding[] = [];
  for (let k = first; k < end; k += 1) {
    let spelled = '';
    let to = k;
    for (let j = k; j < end; j += 1) {
      spelled += compactKey(words[j]!);
      if (!keys.some((key) => key.startsWith(spelled))) break;
      if (j > k && spelled.length >= MIN_READ_BACK_CHARS && /\d/.test(spelled)) to = j + 1;
    }
    if (to === k) continue;
    findings.push(tokenFinding(dialogue, NAME, 'PASSWORD', k, to, DISCUSSED_SCORE, ['read-back']));
    k = to - 1;
  }
  return findings;
}

/**
 * True when a value at `start` opens by saying where a password is written ("on a sticker",
 * "printed under the router").
 */
function placeTalk(words: readonly string[], start: number): boolean {
  const first = words[start]!;
  let at = PARTICIPLE.test(first) || PLACING_PARTICIPLES.has(first) ? start + 1 : start;
  if (PLACE_PREPOSITIONS.has(words[at] ?? '')) at += 1;
  return PLACE_PREPOSITIONS.has(words[at - 1] ?? '') && PLACE_HEADS.has(words[at] ?? '');
}

/** Words after a place preposition that open a place: "on a sticker", "under the router". */
const PLACE_HEADS = wordSet('a an the my your its this that');

/** The first token in [from, limit) holding a digit ("c7", "4"), or -1. */
function pieceWithDigits(dialogue: Dialogue, from: number, limit: number): number {
  for (let k = from; k < limit; k += 1) if (/\d/.test(dialogue.tokens[k]!.text)) return k;
  return -1;
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
  if (text.length < MIN_SHAPED_CHARS) return false;
  if (!PASSWORD_SHAPE.test(text) || REFERENCE_SHAPE.test(text) || /\.\p{L}/u.test(text)) return false;
  const before = dialogue.words[k - 1] ?? '';
  // "… all lower case Orbit55": "case" there describes the password before it, it names no reference.
  const describesCase = before === 'case' && /^(?:lower|upper)$/.test(dialogue.words[k - 2] ?? '');
  return (
    !HOST_WORDS.has(dialogue.words[k + 1] ?? '') && (describesCase || !namedReference(dialogue.words, k))
  );
}

/** True when a reference word names the token at k: "case AB12C", "your case ID is DB-44-07". */
function namedReference(words: readonly string[], k: number): boolean {
  for (let at = k - 1; at >= Math.max(0, k - REFERENCE_REACH); at -= 1) {
    if (REFERENCE_WORDS.has(words[at]!)) return true;
    if (!REFERENCE_LINKS.has(words[at]!)) return false;
  }
  return false;
}

/** Words a passphrase may start with although they are function words ("the quick brown fox"). */
const ARTICLES = new Set(['the', 'a', 'an']);
/** Words that describe a password instead of giving it: "use something you don't use elsewhere". */
const INDEFINITES = wordSet('something anything nothing everything whatever');
/** Participles without the -ed or -en ending that say where a password is ("stuck on the screen"). */
const PLACING_PARTICIPLES = wordSet('sent kept set stuck shown put left');
const PARTICIPLE = /^\p{L}+(?:ed|en)$/u;
/**
 * "a temporary one", "the normal one": a password named by the pronoun, not given; without an
 * article only where the normaliser kept "one" a word ("normal one", not "sunshine 1").
 */
const PRONOUN_ONE = /^(?:(?:a|an|the) \p{L}+ (?:one|1)|\p{L}+ one)$/u;
/** Prepositions after a participle that say where a password is, not what: "printed on the sticker". */
const PLACE_PREPOSITIONS = wordSet('on in at to under inside behind by from below above into onto');

/** Words of a rule for passwords: "one capital and one number", "at least eight characters long". */
const RULE_WORDS = wordSet(
  'capital capitals number numbers letter letters character characters symbol symbols digit digits special uppercase lowercase upper lower case least minimum maximum long longer shorter than',
);

/** A value that is not talk about the password ("not working", "the same one", "okay"). */
function isPasswordLike(value: readonly string[]): boolean {
  const first = value[0];
  if (first === undefined || PROBLEM_WORDS.has(first) || (STOP_WORDS.has(first) && !ARTICLES.has(first))) {
    return false;
  }
  // "it'll text you a link", "you'd need ...": a function word with a contraction opens talk.
  const apostrophe = first.indexOf("'");
  if (apostrophe > 0 && STOP_WORDS.has(first.slice(0, apostrophe))) return false;
  // "a different one", "the wrong one": a password told apart from another, not given.
  if (ARTICLES.has(first) && PROBLEM_WORDS.has(value[1] ?? '')) return false;
  if (value.some((word) => INDEFINITES.has(word)) || PRONOUN_ONE.test(value.join(' '))) return false;
  // "printed on the sticker", "written in the letter": where it is, not what.
  if ((PARTICIPLE.test(first) || PLACING_PARTICIPLES.has(first)) && PLACE_PREPOSITIONS.has(value[1] ?? '')) {
    return false;
  }
  if (value.every((word) => POSITION_WORDS.has(word) || POSITION.test(word))) return false;
  // "1 capital and 1 number", "at least 8 characters": a rule for passwords, not one.
  if (
    value.some((word) => RULE_WORDS.has(word)) &&
    value.every((word) => RULE_WORDS.has(word) || DIGITS.test(word) || STOP_WORDS.has(word))
  )
    return false;
  // "uh huh", "okay": the listener letting a dictation go on.
  if (value.every((word) => BACKCHANNELS.has(word))) return false;
  // "you can't pick last year's", "it doesn't matter": a negated verb is talk about a password.
  if (value.some((word) => word.endsWith("n't"))) return false;
  return value.some((word) => !STOP_WORDS.has(word) && !COMMON_WORDS.has(word));
}
