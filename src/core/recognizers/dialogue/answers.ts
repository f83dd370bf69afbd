/**
 * Where a value starts and ends: in the answer to a question about a topic, or after a statement
 * cue in the speaker's own turn ("my password is ..."). Lead-ins, restated questions and trailing
 * talk are left out, so findings cover the value's words only.
 */
import type { Topic } from '../../lexicon/topic-cues.js';
import {
  CONTEXT_VALUE_CUES,
  FRAMING_WORDS,
  INTRODUCERS,
  REQUEST_WORDS,
  TOPIC_CUES,
  VALUE_CUES,
} from '../../lexicon/topic-cues.js';
import { STATEMENT_COPULAS, TRAILERS } from '../../lexicon/lead-ins.js';
import { STOP_WORDS } from '../../lexicon/words.js';
import type { Dialogue, TurnQuestion } from './dialogue.js';
import { answerLimit, skipLeadIns, startsNonAnswer, turnCues } from './dialogue.js';
import { matchAt, phraseList } from './phrases.js';
import { foldedWords } from './tokens.js';
import type { AskForm, CueMatch } from './topics.js';
import { cuesOfFixed, findCues } from './topics.js';

/** Where a value may be: from `start` up to (not including) token `limit`. */
export interface ValueSite {
  start: number;
  limit: number;
  /** How the topic was established. */
  source: 'asked' | 'stated';
  /** The cue phrase (a reason, never a value). */
  cue: string;
  /** For answers: how the question was put, and whether it was asked before an earlier turn. */
  form: AskForm | 'statement';
  inherited: boolean;
  /** Token index of the statement cue, or of the turn's start for an answer. */
  cueAt: number;
}

/** How far into an answer the restated question may run before the value ("my first pet was ..."). */
const RESTATEMENT_WORDS = 10;
const POSSESSIVES = new Set(['my', 'the', 'her', 'his', 'our', 'their', 'your']);
/** Introducers that announce a name whatever precedes them: "he was called Rex". */
const NAMING_WORDS = new Set(['called', 'named']);
const TRAILING = phraseList(TRAILERS);
const COPULAS = phraseList(STATEMENT_COPULAS);
const VALUE_CUE_LISTS = perTopic((topic) => phraseList(VALUE_CUES[topic]));
const CONTEXT_CUE_LISTS = perTopic((topic) => phraseList(CONTEXT_VALUE_CUES[topic]));
/** The content words of each topic's cues ("maiden", "surname", "password"), skipped before a value. */
const CUE_WORDS = perTopic(
  (topic) =>
    new Set(
      TOPIC_CUES[topic]
        .flatMap(foldedWords)
        .filter((word) => !STOP_WORDS.has(word) && !REQUEST_WORDS.has(word) && word !== "'s"),
    ),
);

function perTopic<T>(make: (topic: Topic) => T): Record<Topic, T> {
  const topics = Object.keys(TOPIC_CUES) as Topic[];
  return Object.fromEntries(topics.map((topic) => [topic, make(topic)])) as Record<Topic, T>;
}

/** Every place in the dialogue where a value of the topic is given: answers, then statements. */
export function valueSites(dialogue: Dialogue, topic: Topic): ValueSite[] {
  return [...answerSites(dialogue, topic), ...statementSites(dialogue, topic)];
}

function answerSites(dialogue: Dialogue, topic: Topic): ValueSite[] {
  return dialogue.answers.flatMap(({ question, from, limit }) => {
    if (!question.asked.topics.includes(topic)) return [];
    const start = answerStart(dialogue, from, limit, question, topic);
    if (start === undefined) return [];
    return [
      {
        start,
        limit,
        source: 'asked' as const,
        cue: question.asked.cue,
        form: question.asked.form,
        inherited: question.inherited,
        cueAt: from,
      },
    ];
  });
}

function answerStart(
  dialogue: Dialogue,
  from: number,
  limit: number,
  question: TurnQuestion,
  topic: Topic,
): number | undefined {
  const { words } = dialogue;
  let opened = skipLeadIns(words, from, limit);
  // "I don't have a car... oh wait, I think I put ...": a non-answer taken back restarts the answer.
  if (opened.at < limit && startsNonAnswer(words, opened.at)) {
    const taken = takenBack(words, opened.at, limit);
    if (taken !== undefined) opened = skipLeadIns(words, taken, limit);
  }
  let at = opened.at;
  let announced = opened.announced;
  if (at >= limit || startsNonAnswer(words, at)) return undefined;
  if (namesOtherTopic(words, at, limit, topic)) return undefined;
  const cut = restatementEnd(words, at, limit, question.asked.words, topic);
  if (cut !== undefined) {
    announced = true;
    at = skipLeadIns(words, cut, limit).at;
  }
  at = skipCueWords(words, at, limit, topic);
  if (question.asked.form === 'yes-no' && opened.yesOrNo && !announced) return undefined;
  return at < limit && !startsNonAnswer(words, at) ? at : undefined;
}

/** Words that take back what was just said: "oh wait", "actually", "no hang on". */
const TAKING_BACK = phraseList(['wait', 'oh wait', 'no wait', 'actually', 'hang on', 'hold on', 'oh no']);
/** How far into a non-answer the speaker may take it back. */
const TAKE_BACK_REACH = 10;

/** One past the words taking back a non-answer starting at `at`, or undefined. */
function takenBack(words: readonly string[], at: number, limit: number): number | undefined {
  for (let k = at + 1; k < Math.min(limit - 1, at + TAKE_BACK_REACH); k += 1) {
    const match = matchAt(words, k, TAKING_BACK);
    if (match) return k + match.length;
  }
  return undefined;
}

/**
 * True when the answer opens with another topic's noun and a copula ("user name is guest, and
 * the password is …"): that opening gives the other topic's value, not this one's.
 */
function namesOtherTopic(words: readonly string[], at: number, limit: number, topic: Topic): boolean {
  const from = POSSESSIVES.has(words[at] ?? '') ? at + 1 : at;
  const [cue] = findCues(words.slice(from, Math.min(limit, from + CUE_LOOKAHEAD)));
  if (!cue || cue.start !== 0 || cue.topic === topic) return false;
  return matchAt(words, from + cue.length, COPULAS) !== undefined;
}

/** The longest topic cue, in words, that may open an answer. */
const CUE_LOOKAHEAD = 6;

/**
 * When the answer opens by restating the question ("my mother's maiden name was ...", "I was born
 * in ..."), the position after its last introducing word; undefined when it does not.
 */
function restatementEnd(
  words: readonly string[],
  at: number,
  limit: number,
  questionWords: readonly string[],
  topic: Topic,
): number | undefined {
  // Words of the question's own that frame a restatement ("the street I grew up on was"); only
  // cue and framing words make one, so an option echoed from the question ("Quail Run, that was
  // our first house" after "Larkspur Lane, Quail Run Road …?") stays the answer.
  const restating = (word: string): boolean => FRAMING_WORDS.has(word) || CUE_WORDS[topic].has(word);
  let cut: number | undefined;
  let restated = false;
  for (let k = at; k < Math.min(limit - 1, at + RESTATEMENT_WORDS); k += 1) {
    const word = words[k]!;
    // Function words alone do not restate a question: "it to test ..." is talk, "in Leeds" an answer.
    if (INTRODUCERS.has(word) || word === "'s") {
      if (k === at || restated || NAMING_WORDS.has(word)) cut = k + 1;
    } else if (restating(word)) restated = true;
    else if (!STOP_WORDS.has(word) && !questionWords.includes(word)) break;
  }
  return cut;
}

/** Skips the topic's own words leading an answer: "first name John", "maiden name Smith". */
function skipCueWords(words: readonly string[], at: number, limit: number, topic: Topic): number {
  const cueWords = CUE_WORDS[topic];
  while (at + 1 < limit) {
    if (cueWords.has(words[at]!)) at += 1;
    else if (POSSESSIVES.has(words[at]!) && cueWords.has(words[at + 1]!) && at + 2 < limit) at += 2;
    else break;
  }
  return at;
}

/** Words any topic's value or context cue starts with (where a statement cue may be), with those topics. */
const STATEMENT_CUE_STARTS: ReadonlyMap<string, readonly Topic[]> = (() => {
  const starts = new Map<string, Topic[]>();
  for (const topic of Object.keys(TOPIC_CUES) as Topic[]) {
    for (const word of [
      ...VALUE_CUE_LISTS[topic].byFirst.keys(),
      ...CONTEXT_CUE_LISTS[topic].byFirst.keys(),
    ]) {
      const topics = starts.get(word) ?? [];
      if (!topics.includes(topic)) topics.push(topic);
      starts.set(word, topics);
    }
  }
  return starts;
})();

/** What every topic's statement search needs from one turn, read once per dialogue. */
interface TurnStatements {
  /** Index of the turn in the view. */
  turn: number;
  /** The turn's topic cues (positions relative to the turn's first token). */
  cues: readonly CueMatch[];
  /** Token positions where some topic's value or context cue may start. */
  cueStarts: number[];
  /** The topics of its cues and of the value or context cues that may start at `cueStarts`. */
  topics: ReadonlySet<Topic>;
}

const statementCache = new WeakMap<Dialogue, TurnStatements[]>();

/** The turns that hold a topic cue or a statement cue's first word (most hold neither). */
function turnStatements(dialogue: Dialogue): TurnStatements[] {
  const cached = statementCache.get(dialogue);
  if (cached) return cached;
  const { words } = dialogue;
  const turns: TurnStatements[] = [];
  dialogue.turnFirst.forEach((first, turn) => {
    const end = dialogue.turnEnd[turn]!;
    const cueStarts: number[] = [];
    for (let k = first; k < end; k += 1) if (STATEMENT_CUE_STARTS.has(words[k]!)) cueStarts.push(k);
    const cues = turnCues(dialogue, turn);
    if (cues.length > 0 || cueStarts.length > 0) {
      const topics = new Set<Topic>();
      for (const cue of cues) topics.add(cue.topic);
      for (const k of cueStarts) for (const topic of STATEMENT_CUE_STARTS.get(words[k]!)!) topics.add(topic);
      turns.push({ turn, cues, cueStarts, topics });
    }
  });
  statementCache.set(dialogue, turns);
  return turns;
}

const namedCache = new WeakMap<readonly string[], ReadonlySet<Topic>>();
const NONE: ReadonlySet<Topic> = new Set();

/** The topics a turn's prompt names (computed once per prompt: every topic's statements ask). */
function topicsNamed(prompt: readonly string[] | undefined): ReadonlySet<Topic> {
  if (prompt === undefined) return NONE;
  let topics = namedCache.get(prompt);
  if (!topics) {
    topics = new Set(cuesOfFixed(prompt).map((cue) => cue.topic));
    namedCache.set(prompt, topics);
  }
  return topics;
}

/** True when the prompt before turn t, or the one before the turn before it, names the topic. */
function promptsName(dialogue: Dialogue, t: number, topic: Topic): boolean {
  return topicsNamed(dialogue.prompts[t]).has(topic) || topicsNamed(dialogue.prompts[t - 1]).has(topic);
}

/** True when a cue of the topic lies in words[from, to). */
function namedSince(words: readonly string[], from: number, to: number, topic: Topic): boolean {
  for (const cue of findCues(words.slice(from, to))) if (cue.topic === topic) return true;
  return false;
}

/** Values the speaker introduces in their own turn: "<topic noun> is ...", or a value cue. */
function statementSites(dialogue: Dialogue, topic: Topic): ValueSite[] {
  const { words } = dialogue;
  const sites: ValueSite[] = [];
  for (const { turn: t, cues, cueStarts, topics } of turnStatements(dialogue)) {
    // A turn with no cue of the topic, nor a word one may start with, states none of it.
    if (!topics.has(topic)) continue;
    const first = dialogue.turnFirst[t]!;
    const end = dialogue.turnEnd[t]!;
    const found: { at: number; after: number; cue: string }[] = [];
    for (const cue of cues) {
      if (cue.topic !== topic) continue;
      const after = first + cue.start + cue.length;
      const copula = matchAt(words, after, COPULAS);
      // "your best friend's name?": an "'s" before the topic's own noun is a possessive, not "is".
      const possessive = copula?.phrase === "'s" && CUE_WORDS[topic].has(words[after + 1] ?? '');
      if (copula && !possessive && after + copula.length < end) {
        found.push({
          at: first + cue.start,
          after: after + copula.length,
          cue: `${cue.phrase} ${copula.phrase}`,
        });
      }
    }
    // The topic is under discussion when the last two exchanges or this turn so far named it.
    // (No closure here: this runs per topic and turn, and tsx wraps every closure created.)
    let promptsNamed: boolean | undefined;
    for (const k of cueStarts) {
      const contextual = matchAt(words, k, CONTEXT_CUE_LISTS[topic]);
      let cue = matchAt(words, k, VALUE_CUE_LISTS[topic]);
      if (cue === undefined && contextual) {
        promptsNamed ??= promptsName(dialogue, t, topic);
        if (promptsNamed || namedSince(words, dialogue.turnFirst[t - 1] ?? first, k, topic)) cue = contextual;
      }
      if (cue && k + cue.length < end) found.push({ at: k, after: k + cue.length, cue: cue.phrase });
    }
    if (found.length === 0) continue;
    const limit = answerLimit(dialogue, t);
    for (const { at, after, cue } of found) {
      const start = skipLeadIns(words, after, limit).at;
      if (start >= limit || startsNonAnswer(words, start)) continue;
      sites.push({ start, limit, source: 'stated', cue, form: 'statement', inherited: false, cueAt: at });
    }
  }
  return sites;
}

/**
 * One past the last token of a value starting at start: at most maxWords, cut at trailing talk,
 * without trailing function words ("sunshine and").
 */
export function valueEnd(words: readonly string[], start: number, limit: number, maxWords: number): number {
  let end = Math.min(limit, start + maxWords);
  for (let k = start + 1; k < end; k += 1) {
    if (matchAt(words, k, TRAILING)) {
      end = k;
      break;
    }
  }
  while (end > start + 1 && STOP_WORDS.has(words[end - 1]!)) end -= 1;
  return end;
}
