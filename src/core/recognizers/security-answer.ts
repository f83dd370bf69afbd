/**
 * SECURITY_ANSWER: the answer to a security question ("mother's maiden name", "name of your first
 * pet", "city you were born in", "favourite teacher", "memorable place"…). When the caller repeats
 * the question before answering ("my first pet was called ..."), only the answer part counts.
 * The answer ends where a new sentence starts ("Biscuit. Oh, he was a beagle"); names said
 * later in the answer ("Leeds. Well, technically Horsforth") and every later mention of an answer's
 * words in the call ("You did put Leeds") count too.
 * Also the letters of a memorable word a bank asks for by position ("letters two and six?"
 * "the second one is K and the sixth one is t"): single letters given in answer, first to last.
 */
import { compileCues } from '../context/cue-matcher.js';
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import type { ValueSite } from './dialogue/answers.js';
import type { Dialogue } from './dialogue/dialogue.js';
import { readDialogue } from './dialogue/dialogue.js';
import { valueEnd } from './dialogue/answers.js';
import type { SiteValue } from './dialogue/findings.js';
import { keepBest, siteFindings, tokenFinding } from './dialogue/findings.js';
import { matchAt, phraseList } from './dialogue/phrases.js';
import type { Token } from './dialogue/tokens.js';
import { cuesOfFixed, findCues } from './dialogue/topics.js';
import { LEAD_INS } from '../lexicon/lead-ins.js';
import { COMMON_WORDS, STOP_WORDS, wordSet } from '../lexicon/words.js';
import { POSITION_REQUEST_CUES } from '../lexicon/entity-cues.js';
import { WH_WORDS } from '../lexicon/topic-cues.js';
import { MEMORABLE_WORD_CUES } from '../lexicon/password-cues.js';

const NAME = 'security-answer';
const MAX_WORDS = 6;
const LETTERS_SCORE = 0.85;

const positionsAsked = compileCues(POSITION_REQUEST_CUES);
/** Words one of which a request for letters by position holds (later ordinals are digits in a view). */
const POSITION_WORDS = wordSet('first second third last letter letters character characters');
const memorableWord = compileCues(MEMORABLE_WORD_CUES);
/** How long (ms) after a memorable word was asked for a position asked alone ("and the seventh?") still is one of its letters. */
const MEMORABLE_TOPIC_MS = 60_000;
/** A spelled letter as an answer: not the article "a" or the pronoun "I". */
const SINGLE_LETTER = /^(?:[B-HJ-Zb-hj-z]|A)$/;

/** Names said later in the answer turn, and later mentions of an answer's words. */
const MENTION_SCORE = 0.75;
/** Answer words shorter than this are too common to chase through a call. */
const MIN_MENTION_LETTERS = 4;
/** How far before a value a security cue may start and still run into it ("... mother's maiden | name"). */
const CUE_REACH = 6;
const LEADS = phraseList(LEAD_INS);
/** How many naming words an answer may run on past its usual cut ("honda civic"). */
const RUN_ON_WORDS = 3;
/** Raises a mentioned security question to an asked one when a wh-question follows its cue. */
const ASKED_AFTER_CUE_BONUS = 0.4;

export const securityAnswerRecognizer: Recognizer = {
  name: NAME,
  types: ['SECURITY_ANSWER'],
  recognize(input) {
    const dialogue = readDialogue(input);
    return keepBest([
      ...ownFindings(dialogue),
      ...lettersByPosition(dialogue, input),
      ...mentions(dialogue, knownAnswerWords(input)),
    ]);
  },
};

const ownCache = new WeakMap<Dialogue, Finding[]>();

/** Answers to security questions in one view, and the names said later in them (computed once per view). */
function ownFindings(dialogue: Dialogue): Finding[] {
  const cached = ownCache.get(dialogue);
  if (cached) return cached;
  const found = siteFindings(
    dialogue,
    'security',
    NAME,
    'SECURITY_ANSWER',
    { asked: 0.85, stated: 0.85 },
    (site) => siteAnswer(dialogue, site),
  );
  ownCache.set(dialogue, found);
  return found;
}

/** Phrases after which a caller passes on the answer of someone beside them: "hold on … she says Pickles". */
const RELAYS = phraseList(['he says', 'she says', 'they say', 'he said', 'she said', 'they said']);

/** Where an answer relayed from someone else starts in [start, limit), or `start`. */
function relayedStart(words: readonly string[], start: number, limit: number): number {
  for (let k = start; k < limit; k += 1) {
    const relay = matchAt(words, k, RELAYS);
    if (relay && k + relay.length < limit) return k + relay.length;
  }
  return start;
}

function siteAnswer(dialogue: Dialogue, given: ValueSite): SiteValue[] {
  const { words, tokens } = dialogue;
  const site = { ...given, start: relayedStart(words, given.start, given.limit) };
  const cut = sentenceEnd(tokens, words, site.start, valueEnd(words, site.start, site.limit, MAX_WORDS));
  const to = namingRunEnd(words, cut, site.limit);
  const value = words.slice(site.start, to);
  // An answer names something (a word that is not ordinary talk) and is not the question itself
  // ("your security question is mother's maiden name", "... what's your mother's maiden | name").
  const names = value.some((word) => !STOP_WORDS.has(word) && !COMMON_WORDS.has(word));
  // A cue may run on past the value's cut: "... is still the street you grew | up on".
  const from = Math.max(0, site.start - CUE_REACH);
  const restatesQuestion = findCues(words.slice(from, Math.min(site.limit, to + CUE_REACH))).some(
    (cue) => cue.topic === 'security' && from + cue.start < to && from + cue.start + cue.length > site.start,
  );
  if (!names || restatesQuestion || opensTalk(words[site.start]!)) return [];
  // "Your security question: what city did your parents meet in?": the question after its topic asks it.
  const prompt = dialogue.prompts[tokens[site.start]!.turn]!;
  const asks = site.form === 'mention' && asksAfterCue(prompt);
  const answer: SiteValue = asks
    ? { from: site.start, to, adjust: ASKED_AFTER_CUE_BONUS }
    : { from: site.start, to };
  // Names said later in the answer, each run of them one value: "... A Saturn Ion".
  const later: SiteValue[] = [];
  for (let k = to; k < site.limit; k += 1) {
    if (!isProperNoun(tokens[k]!)) continue;
    let end = k + 1;
    while (end < site.limit && isProperNoun(tokens[end]!)) end += 1;
    later.push({ from: k, to: end, score: MENTION_SCORE, reasons: ['in-answer'] });
    k = end;
  }
  // "Ask me the name of the street I grew up on. Alder Creek Lane": a question set, then its answer.
  return matchAt(words, site.start, QUESTION_HEADS) ? later : [answer, ...later];
}

/** Words opening a security question a caller sets instead of an answer: "ask me ...", "what's ...". */
const QUESTION_HEADS = phraseList([
  'ask me',
  'ask',
  "what's",
  'what is',
  'what was',
  'which',
  'the question is',
  'question is',
]);
/** Contractions of "will", "would", "have", "am": "I'll change it", "we'd need": talk, not an answer. */
const TALK_CONTRACTION = /^\p{L}+'(?:ll|d|ve|m)$/u;

/** True when an answer opens with a pronoun and a contracted verb ("I'll change ..."), which no answer does. */
function opensTalk(word: string): boolean {
  return TALK_CONTRACTION.test(word) && STOP_WORDS.has(word.slice(0, word.indexOf("'")));
}

/**
 * One past a run of naming words going on at `end` ("... my dad's honda | civic"): a value is not
 * cut inside the name it gives.
 */
function namingRunEnd(words: readonly string[], end: number, limit: number): number {
  let at = end;
  while (at < Math.min(limit, end + RUN_ON_WORDS) && isNaming(words[at]!) && isNaming(words[at - 1] ?? '')) {
    at += 1;
  }
  return at;
}

function isNaming(word: string): boolean {
  return word !== '' && /^\p{L}/u.test(word) && !STOP_WORDS.has(word) && !COMMON_WORDS.has(word);
}

/** True when a wh-question follows the prompt's last security cue ("... security question, what city ..."). */
function asksAfterCue(prompt: readonly string[]): boolean {
  const cue = cuesOfFixed(prompt).findLast((match) => match.topic === 'security');
  return cue !== undefined && prompt.slice(cue.start + cue.length).some((word) => WH_WORDS.has(word));
}

/**
 * Where a new sentence starts inside [start, end): a capitalised function word or opener after the
 * first word ("Quail Run. That was ...", "Leeds. Well ..."), in a transcript that writes capitals,
 * or "I" and a word in any transcript ("st helens i moved there", "Bramley I think").
 */
function sentenceEnd(tokens: readonly Token[], words: readonly string[], start: number, end: number): number {
  for (let k = start + 1; k < end; k += 1) {
    if (words[k] === 'i' && /^\p{L}{2,}/u.test(words[k + 1] ?? '')) return k;
    if (!/^\p{Lu}/u.test(tokens[k]!.text) || words[k] === 'i') continue;
    if (STOP_WORDS.has(words[k]!) || matchAt(words, k, LEADS)) return k;
  }
  return end;
}

/** A capitalised word that is not ordinary talk: "Horsforth", "Ion", not "Well" or "I". */
function isProperNoun(token: Token): boolean {
  return /^\p{Lu}\p{Ll}+/u.test(token.text) && !STOP_WORDS.has(token.lower) && !COMMON_WORDS.has(token.lower);
}

/**
 * The words of the security answers found in any stream of the call, each with the conversation
 * turn it was first answered in: only later mentions count, not the question's own options.
 */
function knownAnswerWords(input: RecognizerInput): ReadonlyMap<string, number> {
  const cached = knownCache.get(input.views);
  if (cached) return cached;
  const known = new Map<string, number>();
  for (const view of input.views) {
    for (const finding of ownFindings(readDialogue({ ...input, view }))) {
      if (finding.score < 0.5) continue;
      const turn = turnIdAt(view, finding.charStart);
      for (const said of finding.value.toLowerCase().split(/[^\p{L}\d'-]+/u)) {
        const word = mentionKey(said);
        if (word === '' || STOP_WORDS.has(word) || COMMON_WORDS.has(word)) continue;
        known.set(word, Math.min(turn, known.get(word) ?? turn));
      }
    }
  }
  knownCache.set(input.views, known);
  return known;
}

const knownCache = new WeakMap<readonly StreamView[], ReadonlyMap<string, number>>();

/** Short forms an answer may be given in and said in full later ("st monica's" → "saint monica's"). */
const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['mt', 'mount'],
  ['ft', 'fort'],
]);

/** An answer's word as a later mention's token reads it: the full form, without "'s" (split off as a token). */
function mentionKey(word: string): string {
  const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
  return SHORT_FORMS.get(bare) ?? bare;
}

/** The conversation turn id of the view's turn holding character `at`. */
function turnIdAt(view: StreamView, at: number): number {
  const span = view.turns.find((turn) => turn.charStart <= at && at < turn.charEnd) ?? view.turns.at(-1)!;
  return span.turn.id;
}

/**
 * Each later mention of an answer's words, a run of them one mention: "You did put Leeds", "I
 * registered it as just Horsforth", "saint monica's" after "st monica's". A mention starts at a word
 * of four letters or more; shorter words of the answer and its numbers join the run ("07 civic").
 */
function mentions(dialogue: Dialogue, known: ReadonlyMap<string, number>): Finding[] {
  if (known.size === 0) return [];
  const { tokens } = dialogue;
  const joins = (k: number): boolean => {
    const answered = known.get(tokens[k]?.lower ?? '');
    return answered !== undefined && dialogue.view.turns[tokens[k]!.turn]!.turn.id >= answered;
  };
  const sameTurn = (a: number, b: number): boolean => tokens[a]!.turn === tokens[b]!.turn;
  const findings: Finding[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (tokens[k]!.lower.length < MIN_MENTION_LETTERS || !joins(k)) continue;
    let from = k;
    while (from > 0 && sameTurn(from - 1, k) && joins(from - 1)) from -= 1;
    let end = k + 1;
    while (end < tokens.length && sameTurn(end, k) && joins(end)) end += 1;
    if (tokens[end]?.lower === "'s" && tokens[end]!.start === tokens[end - 1]!.end) end += 1;
    findings.push(tokenFinding(dialogue, NAME, 'SECURITY_ANSWER', from, end, MENTION_SCORE, ['repeated']));
    k = end - 1;
  }
  return findings;
}

/** The single letters of each turn answering a request for some letters of a memorable word. */
function lettersByPosition(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const findings: Finding[] = [];
  dialogue.prompts.forEach((prompt, t) => {
    if (!prompt.some((word) => POSITION_WORDS.has(word))) return;
    const asked = prompt.join(' ');
    if (!positionsAsked.test(asked)) return;
    const charStart = dialogue.view.turns[t]!.charStart;
    const onTopic =
      memorableWord.test(asked) ||
      input.context.topicRaised(dialogue.view, charStart, memorableWord, MEMORABLE_TOPIC_MS);
    if (!onTopic) return;
    const letters = lettersIn(dialogue, dialogue.turnFirst[t]!, dialogue.turnEnd[t]!);
    if (letters) findings.push(letters);
  });
  if (input.views.length === 1) findings.push(...inlineLetters(dialogue, input));
  return findings;
}

/** The single letters said from `from` to `to`, first to last, as one answer. */
function lettersIn(dialogue: Dialogue, from: number, to: number): Finding | undefined {
  let first = -1;
  let last = -1;
  for (let k = from; k < to; k += 1) {
    if (!SINGLE_LETTER.test(dialogue.tokens[k]!.text)) continue;
    if (first === -1) first = k;
    last = k;
  }
  if (first === -1) return undefined;
  return tokenFinding(dialogue, NAME, 'SECURITY_ANSWER', first, last + 1, LETTERS_SCORE, [
    'letters-by-position',
  ]);
}

/** Words each side of a position word in which a request for letters by position is read. */
const REQUEST_REACH = 5;
/** How many words after a request for letters its answer may run to in one stream. */
const INLINE_LETTER_WORDS = 12;

/**
 * In a mono stream both speakers share a turn, so the request for a memorable word's letters and
 * its answer can too ("… the first and the last letters first is P last is N"): the letters said
 * right after a request on that topic in the same turn.
 */
function inlineLetters(dialogue: Dialogue, input: RecognizerInput): Finding[] {
  const { words, tokens } = dialogue;
  const findings: Finding[] = [];
  for (let k = 0; k < words.length; k += 1) {
    if (!POSITION_WORDS.has(words[k]!)) continue;
    const turnEnd = dialogue.turnEnd[tokens[k]!.turn]!;
    const turnFirst = dialogue.turnFirst[tokens[k]!.turn]!;
    const request = words
      .slice(Math.max(turnFirst, k - REQUEST_REACH), Math.min(turnEnd, k + REQUEST_REACH))
      .join(' ');
    if (!positionsAsked.test(request)) continue;
    const before = words.slice(Math.max(turnFirst, k - INLINE_LETTER_WORDS), k).join(' ');
    const onTopic =
      memorableWord.test(before) ||
      input.context.topicRaised(dialogue.view, tokens[k]!.start, memorableWord, MEMORABLE_TOPIC_MS);
    if (!onTopic) continue;
    // The request's own words run on to its last position word ("the first and the last letters").
    const partOfRequest = (at: number): boolean =>
      (POSITION_WORDS.has(words[at]!) || STOP_WORDS.has(words[at]!)) && !SINGLE_LETTER.test(tokens[at]!.text);
    let end = k + 1;
    while (end < turnEnd && end < k + REQUEST_REACH && partOfRequest(end)) end += 1;
    const letters = lettersIn(dialogue, end, Math.min(turnEnd, end + INLINE_LETTER_WORDS));
    if (letters) findings.push(letters);
    k = end - 1;
  }
  return findings;
}
