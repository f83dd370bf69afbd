/**
 * A stream view read as dialogue: its word tokens, where each turn starts and ends, what the other
 * party asked before each turn, and which turns carry on the previous one's answer. Built once per
 * view and shared by the dialogue recognizers.
 */
import type { StreamView } from '../../normalise/view.js';
import { BACKCHANNELS, COMMON_WORDS, STOP_WORDS } from '../../lexicon/words.js';
import {
  CLARIFYING_HEADS,
  FOLLOW_UP_REQUESTS,
  QUESTION_TAIL_WORDS,
  REPEAT_CUES,
  REQUEST_WORDS,
  SECURITY_QUESTION_WORDS,
  WAITING_CUES,
  WH_WORDS,
} from '../../lexicon/topic-cues.js';
import { LEAD_INS, NON_ANSWERS, VALUE_LEAD_INS } from '../../lexicon/lead-ins.js';
import type { RecognizerInput } from '../recognizer.js';
import { containsAny, findAll, matchAt, phraseList } from './phrases.js';
import type { Token } from './tokens.js';
import { foldedWords, tokenize } from './tokens.js';
import type { Asked, CueMatch } from './topics.js';
import { cuesOfFixed, findCues, readQuestion } from './topics.js';

export interface TurnQuestion {
  asked: Asked;
  /** True when the question was asked before an earlier turn and the other party asked again ("sorry?"). */
  inherited: boolean;
}

/** Where an answer may be: from token `from` up to (not including) token `limit`. */
export interface AnswerSpan {
  question: TurnQuestion;
  from: number;
  limit: number;
}

export interface Dialogue {
  view: StreamView;
  tokens: Token[];
  /** tokens[i].lower, for phrase matching. */
  words: string[];
  /** Per turn of the view: index of its first token, and one past its last. */
  turnFirst: number[];
  turnEnd: number[];
  /** Per turn: the question it answers, if any. */
  questions: (TurnQuestion | undefined)[];
  /** Per turn: the other party's words before it (the probe's prompt), folded. */
  prompts: string[][];
  /** Per turn: true when it carries on the previous turn's answer across a soft break. */
  continues: boolean[];
  /**
   * Every answer to a question: a turn after the other party's question, or, in a view that holds
   * every speaker (a mono file without diarisation), the words after a question inside the view.
   */
  answers: AnswerSpan[];
}

const REPEATS = phraseList(REPEAT_CUES);
const REPEATS_OR_WAITING = phraseList([...REPEAT_CUES, ...WAITING_CUES]);
const LEADS = phraseList(LEAD_INS);
const NON = phraseList(NON_ANSWERS);
const ASKING_BACK = phraseList(CLARIFYING_HEADS);
const FOLLOW_UPS = phraseList(FOLLOW_UP_REQUESTS);
const cache = new WeakMap<StreamView, Dialogue>();

/** The dialogue reading of the input's view (computed once per view). */
export function readDialogue(input: RecognizerInput): Dialogue {
  const cached = cache.get(input.view);
  if (cached) return cached;
  const dialogue = buildDialogue(input);
  cache.set(input.view, dialogue);
  return dialogue;
}

function buildDialogue(input: RecognizerInput): Dialogue {
  const { view, context } = input;
  const turnCount = view.turns.length;
  const dialogue: Dialogue = {
    view,
    ...viewTokens(view),
    questions: [],
    prompts: [],
    continues: [],
    answers: [],
  };
  const { tokens, turnFirst } = dialogue;

  const interjections = interjectionWords(input);
  for (let t = 0; t < turnCount; t += 1) {
    const between = interjections[t]!;
    const prompt = foldedWords(context.prompt(view, view.turns[t]!.charStart));
    dialogue.prompts.push(prompt);
    const previous = t > 0 ? dialogue.questions[t - 1] : undefined;
    const askedBetween = readQuestion(between);
    dialogue.continues.push(
      t > 0 && tokens[turnFirst[t]!]?.breakBefore === 'soft' && !askedBetween && isBackchannel(between),
    );
    const followUp = askedBetween
      ? undefined
      : (securityFollowUp(between, dialogue.prompts, t) ?? followUpRequest(between, previous));
    if (askedBetween || followUp) {
      const asked = askedBetween ? (readQuestion(prompt, cuesOfFixed(prompt)) ?? askedBetween) : followUp!;
      dialogue.questions.push({ asked, inherited: false });
      continue;
    }
    const repeatAsked = containsAny(between, REPEATS_OR_WAITING);
    // "Sorry, can you repeat that?" after the speaker told a value unasked: they say it again.
    const told = repeatAsked && t > 0 ? toldTopic(dialogue, t - 1) : undefined;
    // "Ready?" "Go ahead.": what the speaker announced before comes before an older question.
    const base = told ?? readQuestion(prompt, cuesOfFixed(prompt)) ?? previous?.asked;
    // Only a question to inherit makes it worth reading the previous turn. A turn that gave
    // nothing leaves the question standing only while the other party just waited for more: new
    // talk of theirs ("right, I'm logged in and the folder has opened") moves the conversation on.
    const waited = between.length <= BACKCHANNEL_WORDS || isBackchannel(between);
    const askedAgain =
      base &&
      (repeatAsked || (t > 0 && waited && (isNonAnswer(dialogue, t - 1) || asksBack(dialogue, t - 1))));
    dialogue.questions.push(base && askedAgain ? { asked: base, inherited: true } : undefined);
  }
  dialogue.questions.forEach((question, t) => {
    if (question) dialogue.answers.push({ question, from: turnFirst[t]!, limit: answerLimit(dialogue, t) });
  });
  if (input.views.length === 1) dialogue.answers.push(...inlineAnswers(dialogue));
  return dialogue;
}

const turnCueCache = new WeakMap<Dialogue, (readonly CueMatch[])[]>();

/**
 * The topic cues of turn t (positions relative to its first token), read once per dialogue: the
 * statement, username and password readers each go through every turn's cues.
 */
export function turnCues(dialogue: Dialogue, t: number): readonly CueMatch[] {
  let turns = turnCueCache.get(dialogue);
  if (!turns) {
    turns = [];
    turnCueCache.set(dialogue, turns);
  }
  return (turns[t] ??= findCues(dialogue.words.slice(dialogue.turnFirst[t], dialogue.turnEnd[t])));
}

/** How many of the other party's earlier prompts a security question carries on through. */
const SECURITY_FOLLOW_UP_PROMPTS = 2;

/**
 * A question naming no topic that asks about something security questions ask about ("And what
 * city were your parents married in?"), put right after a security question: another one.
 */
function securityFollowUp(
  between: readonly string[],
  prompts: readonly (readonly string[])[],
  t: number,
): Asked | undefined {
  if (
    !between.some((word) => WH_WORDS.has(word)) ||
    !between.some((word) => SECURITY_QUESTION_WORDS.has(word))
  ) {
    return undefined;
  }
  for (let back = 1; back <= SECURITY_FOLLOW_UP_PROMPTS && back <= t; back += 1) {
    const earlier = readQuestion(prompts[t - back]!, cuesOfFixed(prompts[t - back]!));
    if (earlier?.topics.includes('security')) {
      return { topics: ['security'], form: 'request', cue: 'security follow-up', words: between };
    }
  }
  return undefined;
}

/**
 * "What would you like?" with no topic of its own, right after the speaker's last turn answered a
 * question: it asks for a value of that topic ("… reset the password?" "Yes." "… what would you like?").
 */
function followUpRequest(between: readonly string[], previous: TurnQuestion | undefined): Asked | undefined {
  if (!previous || !containsAny(between, FOLLOW_UPS)) return undefined;
  return { ...previous.asked, form: 'request', words: between };
}

/** The topic the speaker's turn t talked about last, as if they had been asked for it. */
function toldTopic(dialogue: Dialogue, t: number): Asked | undefined {
  const asked = readQuestion(
    dialogue.words.slice(dialogue.turnFirst[t], dialogue.turnEnd[t]),
    turnCues(dialogue, t),
  );
  return asked && { ...asked, form: 'request' };
}

/** The end of turn t's answer, running on over soft breaks the other party only acknowledged. */
export function answerLimit(dialogue: Dialogue, t: number): number {
  let last = t;
  while (dialogue.continues[last + 1]) last += 1;
  return dialogue.turnEnd[last]!;
}

/** An interjection this short (in words) only waits for the answer ("sure", "take your time"). */
const BACKCHANNEL_WORDS = 4;
/** How many words before a cue may belong to its question ("could you spell the last name"). */
const QUESTION_WORDS = 8;
/** How far back a question may be for "sorry, can you repeat that" to ask it again. */
const REPEAT_REACH = 40;
/** The longest answer looked at inside a view. */
const INLINE_ANSWER_WORDS = 16;
/** The most words a question may run on after its cue ("... did you go to"). */
const QUESTION_TAIL_MAX = 4;

/**
 * Questions and answers inside one view, for a file that does not tell the speakers apart: the
 * answer is what follows a question's cue and its tail ("... your full name please | Chloe Kowalski"),
 * up to where the next question starts.
 */
function inlineAnswers(dialogue: Dialogue): AnswerSpan[] {
  const { words } = dialogue;
  const asks: { question: TurnQuestion; start: number; end: number }[] = [];
  for (const cue of findCues(words)) {
    const windowStart = Math.max(0, cue.start - QUESTION_WORDS);
    const end = cue.start + cue.length;
    const asked = readQuestion(words.slice(windowStart, end));
    if (!asked || asked.form === 'mention' || asked.topics.at(-1) !== cue.topic) continue;
    asks.push({
      question: { asked, inherited: false },
      start: questionStart(words, windowStart, cue.start),
      end,
    });
  }
  for (const repeat of findAll(words, REPEATS)) {
    const before = asks
      .filter((ask) => ask.end <= repeat.start && repeat.start - ask.end <= REPEAT_REACH)
      .at(-1);
    const end = repeat.start + repeat.length;
    if (before)
      asks.push({ question: { asked: before.question.asked, inherited: true }, start: repeat.start, end });
  }
  asks.sort((a, b) => a.start - b.start);
  return asks.flatMap((ask, k) => {
    let from = ask.end;
    const tailEnd = Math.min(words.length, ask.end + QUESTION_TAIL_MAX);
    // Function words ending the question, but not an answer's opening ("… username | I think it's …").
    while (
      from < tailEnd &&
      (QUESTION_TAIL_WORDS.has(words[from]!) || STOP_WORDS.has(words[from]!)) &&
      !matchAt(words, from, LEADS)
    )
      from += 1;
    if (from >= words.length) return [];
    const next = asks.slice(k + 1).find((other) => other.start >= from)?.start ?? words.length;
    const limit = Math.min(next, dialogue.turnEnd[dialogue.tokens[from]!.turn]!, from + INLINE_ANSWER_WORDS);
    return limit > from ? [{ question: ask.question, from, limit }] : [];
  });
}

/** Where the question holding a cue starts: its last request word before the cue, or the cue. */
function questionStart(words: readonly string[], windowStart: number, cueStart: number): number {
  for (let k = cueStart - 1; k >= windowStart; k -= 1) if (REQUEST_WORDS.has(words[k]!)) return k;
  return cueStart;
}

/** A view's tokens, with the token range of each of its turns. */
interface ViewTokens {
  tokens: Token[];
  words: string[];
  turnFirst: number[];
  turnEnd: number[];
}

const tokenCache = new WeakMap<StreamView, ViewTokens>();

/** The view's tokens (computed once per view: the other views read them as interjections). */
function viewTokens(view: StreamView): ViewTokens {
  const cached = tokenCache.get(view);
  if (cached) return cached;
  const tokens = tokenize(view);
  const words = tokens.map((token) => token.lower);
  const turnCount = view.turns.length;
  const turnFirst = new Array<number>(turnCount).fill(tokens.length);
  const turnEnd = new Array<number>(turnCount).fill(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i -= 1) turnFirst[tokens[i]!.turn] = i;
  for (let t = turnCount - 1; t >= 0; t -= 1) {
    turnEnd[t] = t + 1 < turnCount ? turnFirst[t + 1]! : tokens.length;
    if (turnFirst[t]! > turnEnd[t]!) turnFirst[t] = turnEnd[t]!;
  }
  const read = { tokens, words, turnFirst, turnEnd };
  tokenCache.set(view, read);
  return read;
}

/** Where each conversation turn sits: its stream's view and its index in that view's turns. */
interface TurnSlots {
  view: (StreamView | undefined)[];
  index: Int32Array;
}

/** The views' turns by conversation turn id (computed once per call). */
function turnSlots(views: readonly StreamView[]): TurnSlots {
  const cached = slotCache.get(views);
  if (cached) return cached;
  const count = views.reduce((sum, view) => sum + view.turns.length, 0);
  const slots: TurnSlots = { view: new Array<StreamView | undefined>(count), index: new Int32Array(count) };
  for (const view of views) {
    view.turns.forEach((span, index) => {
      slots.view[span.turn.id] = view;
      slots.index[span.turn.id] = index;
    });
  }
  slotCache.set(views, slots);
  return slots;
}

const slotCache = new WeakMap<readonly StreamView[], TurnSlots>();

/**
 * Per turn of the view: what the other streams said between this stream's previous turn and
 * this one (since the start of the call for the first turn), as folded words.
 */
function interjectionWords(input: RecognizerInput): string[][] {
  const { view, views, conversation } = input;
  const slots = turnSlots(views);
  return view.turns.map((span, t) => {
    const from = t > 0 ? view.turns[t - 1]!.turn.id + 1 : 0;
    const words: string[] = [];
    for (let id = from; id < span.turn.id; id += 1) {
      const turn = conversation.turns[id];
      const owner = slots.view[id];
      if (!turn || turn.stream === view.stream.id || !owner) continue;
      // The other view's tokens of that turn are its text folded, exactly as foldedWords folds it.
      const other = viewTokens(owner);
      const slot = slots.index[id]!;
      for (let k = other.turnFirst[slot]!; k < other.turnEnd[slot]!; k += 1) words.push(other.words[k]!);
    }
    return words;
  });
}

function isBackchannel(words: readonly string[]): boolean {
  return words.every((word) => BACKCHANNELS.has(word));
}

/** Skips openers ("yeah", "um", "it's") from token at; reports whether one announced a value. */
export function skipLeadIns(
  words: readonly string[],
  at: number,
  end: number,
): { at: number; announced: boolean; yesOrNo: boolean } {
  let announced = false;
  let yesOrNo = false;
  for (let match = matchAt(words, at, LEADS); match && at < end; match = matchAt(words, at, LEADS)) {
    // "No worries", "no idea": an opener that starts an answer giving nothing is kept for that test.
    if (matchAt(words, at, NON)) break;
    if (ANNOUNCING.has(match.phrase)) announced = true;
    if (YES_OR_NO.has(match.phrase)) yesOrNo = true;
    at += match.length;
  }
  return { at: Math.min(at, end), announced, yesOrNo };
}

const ANNOUNCING = new Set(VALUE_LEAD_INS.map((phrase) => foldedWords(phrase).join(' ')));
const YES_OR_NO = new Set(['yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'yes please']);

/** True when words at `at` begin an answer that gives nothing ("I don't remember"). */
export function startsNonAnswer(words: readonly string[], at: number): boolean {
  return matchAt(words, at, NON) !== undefined;
}

/** True when turn t asks the other party about the question instead of answering ("can it be a phrase?"). */
function asksBack(dialogue: Dialogue, t: number): boolean {
  const { at } = skipLeadIns(dialogue.words, dialogue.turnFirst[t]!, dialogue.turnEnd[t]!);
  return matchAt(dialogue.words, at, ASKING_BACK) !== undefined;
}

/** True when a turn holds nothing but openers and ordinary words ("sure, one moment"). */
function isNonAnswer(dialogue: Dialogue, t: number): boolean {
  const end = dialogue.turnEnd[t]!;
  const { at } = skipLeadIns(dialogue.words, dialogue.turnFirst[t]!, end);
  if (at >= end || startsNonAnswer(dialogue.words, at)) return true;
  return dialogue.words.slice(at, end).every((word) => STOP_WORDS.has(word) || COMMON_WORDS.has(word));
}
