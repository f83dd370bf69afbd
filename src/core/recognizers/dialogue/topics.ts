/**
 * Reading a question: which topic the other party asked about last, and whether they asked for
 * the value ("what's your surname"), asked yes or no ("do you have a username"), or only
 * mentioned it ("I forgot my password").
 */
import type { Topic } from '../../lexicon/topic-cues.js';
import {
  DECLINING_PHRASES,
  EVENT_CUES,
  FOLLOW_UP_REQUESTS,
  HAVING_WORDS,
  OWNING_WORDS,
  QUALIFYING_WORDS,
  REQUEST_WORDS,
  TOPIC_CUES,
  YES_NO_HEADS,
} from '../../lexicon/topic-cues.js';
import type { PhraseList } from './phrases.js';
import { matchAt, phraseList } from './phrases.js';
import { foldedWords } from './tokens.js';

export type AskForm = 'request' | 'yes-no' | 'mention';

export interface CueMatch {
  topic: Topic;
  /** Word position of the cue and its length in words. */
  start: number;
  length: number;
  phrase: string;
}

export interface Asked {
  /** The topic of the last cue, with topics asked together with it ("name and address"). */
  topics: Topic[];
  form: AskForm;
  /** The cue phrase of the last topic (a reason, never a value). */
  cue: string;
  /** The question's words, which an answer may repeat before giving its value. */
  words: readonly string[];
}

const ALL_CUES: PhraseList = phraseList(Object.values(TOPIC_CUES).flat());
const TOPIC_OF = new Map<string, Topic>(
  (Object.entries(TOPIC_CUES) as [Topic, readonly string[]][]).flatMap(([topic, phrases]) =>
    phrases.map((phrase) => [foldedWords(phrase).join(' '), topic] as const),
  ),
);
const YES_NO: PhraseList = phraseList(YES_NO_HEADS);
const FOLLOW_UPS: PhraseList = phraseList(FOLLOW_UP_REQUESTS);
const DECLINING: PhraseList = phraseList(DECLINING_PHRASES);
const EVENTS = new Set(EVENT_CUES.map((phrase) => foldedWords(phrase).join(' ')));
const INDEFINITE = new Set(['a', 'an']);
/** How far before a cue "don't tell me" may stand: "please don't tell me the telephone password". */
const DECLINING_WINDOW = 6;
/** Words after a cue that make a later question of it ("... what would you like it to be?"). */
const FOLLOW_UP_WINDOW = 10;
/** Words that may join two cues asked together: "your name and address". */
const JOINERS = new Set(['and', 'your', 'the', 'also', 'plus', 'then', 'or', 'full', 'as', 'well', 'of']);
/** Words that ask for something, except before "you": "have you got", "do you need". */
const AUXILIARY_REQUESTS = new Set(['have', 'get', 'take', 'need', 'go']);
const REQUEST_WINDOW = 8;
/** Words a topic-only question may run on after its cue ("… on your account"). */
const TOPIC_ONLY_TAIL = 4;

/**
 * Every topic cue in words, left to right; where cues overlap, the one starting first (then the
 * longest) wins.
 */
export function findCues(words: readonly string[]): CueMatch[] {
  const found: CueMatch[] = [];
  for (let at = 0; at < words.length;) {
    const match = matchAt(words, at, ALL_CUES);
    if (!match || namesEvent(words, at, match.phrase)) {
      at += 1;
      continue;
    }
    // "your best friend's name": the name of what a cue names is asked under that cue's topic.
    const named = words[at + match.length] === "'s" && words[at + match.length + 1] === 'name';
    const length = match.length + (named ? 2 : 0);
    found.push({ topic: TOPIC_OF.get(match.phrase)!, start: at, length, phrase: match.phrase });
    at += length;
  }
  return found;
}

/** True when the cue at `at` names an event or a screen: "a login at 17:20", not "have you got a login". */
function namesEvent(words: readonly string[], at: number, phrase: string): boolean {
  return EVENTS.has(phrase) && INDEFINITE.has(words[at - 1] ?? '') && !HAVING_WORDS.has(words[at - 2] ?? '');
}

const fixedCueCache = new WeakMap<readonly string[], readonly CueMatch[]>();

/**
 * findCues of words never changed after (a dialogue's prompts), found once: the dialogue and
 * several recognizers read every prompt's cues.
 */
export function cuesOfFixed(words: readonly string[]): readonly CueMatch[] {
  let cues = fixedCueCache.get(words);
  if (!cues) {
    cues = findCues(words);
    fixedCueCache.set(words, cues);
  }
  return cues;
}

/** What the words ask about, or undefined when they name no topic; cues are the words' cues, when known. */
export function readQuestion(
  words: readonly string[],
  cues: readonly CueMatch[] = findCues(words),
): Asked | undefined {
  // "Your full name as it appears on the licence": a cue after "on the" says where, not what.
  let count = cues.length;
  while (count > 1 && qualifies(words, cues[count - 1]!.start)) count -= 1;
  const last = cues[count - 1];
  if (!last) return undefined;
  const topics: Topic[] = [last.topic];
  let first = last;
  for (let k = count - 2; k >= 0; k -= 1) {
    const earlier = cues[k]!;
    const gap = words.slice(earlier.start + earlier.length, first.start);
    // One describing word may sit in the gap: "your name and your network username".
    if (gap.length > 3 || gap.filter((word) => !JOINERS.has(word)).length > 1) break;
    if (!topics.includes(earlier.topic)) topics.unshift(earlier.topic);
    first = earlier;
  }
  return { topics, form: askForm(words, first, last), cue: last.phrase, words };
}

/** True when the cue at `start` follows "on" or "on the/your": it qualifies an earlier cue. */
function qualifies(words: readonly string[], start: number): boolean {
  const before = words[start - 1];
  return (
    QUALIFYING_WORDS.has(before ?? '') ||
    (POINTERS.has(before ?? '') && QUALIFYING_WORDS.has(words[start - 2] ?? ''))
  );
}

const POINTERS = new Set(['the', 'your', 'my', 'his', 'her', 'their']);
/** Words of a question that point back at a topic named before it ("… do you want to keep it?"). */
const POINTING_BACK = new Set(['it', 'that', 'this', 'them', 'one']);
/** How far after a yes/no head the pointing word may come. */
const POINTER_REACH = 6;

function askForm(words: readonly string[], first: CueMatch, last: CueMatch): AskForm {
  // "Please don't tell me the password": what not to say is no request for it.
  for (let at = Math.max(0, first.start - DECLINING_WINDOW); at < first.start; at += 1) {
    if (matchAt(words, at, DECLINING)) return 'mention';
  }
  if (REQUEST_WORDS.has(words[last.start]!) || REQUEST_WORDS.has(words[first.start]!)) return 'request';
  const after = last.start + last.length;
  for (let at = after; at < Math.min(words.length, after + FOLLOW_UP_WINDOW); at += 1) {
    if (matchAt(words, at, FOLLOW_UPS)) return 'request';
  }
  if (OWNING_WORDS.has(words[first.start - 1] ?? '')) return 'mention';
  const windowStart = Math.max(0, first.start - REQUEST_WINDOW);
  let request = -1;
  let yesNo = -1;
  for (let at = windowStart; at < first.start; at += 1) {
    if (matchAt(words, at, YES_NO)) yesNo = at;
    const word = words[at]!;
    const next = words[at + 1];
    if (REQUEST_WORDS.has(word) && !(AUXILIARY_REQUESTS.has(word) && next === 'you')) {
      request = at;
    }
  }
  // "What is the password set to": a wh-word right before "is the" keeps it a request.
  if (request > yesNo || (request >= 0 && yesNo - request <= 2)) return 'request';
  if (yesNo >= 0) return 'yes-no';
  // "And the recipient's name?", "the memorable place on your account?", "and your name as it
  // appears on the return?": a question that is only its topic, at the end of what was said
  // (where it is said to be does not count).
  const end = last.start + last.length;
  if (words.slice(end, end + 2).includes('please') || topicTail(words, end) <= TOPIC_ONLY_TAIL)
    return 'request';
  // "The telephone password on the account, would you like to keep that one?": the question comes after its
  // topic and points back at it ("it", "that one"); "which gateway are you on?" asks another thing.
  for (let at = end; at < Math.min(words.length, end + TOPIC_ONLY_TAIL + 1); at += 1) {
    if (REQUEST_WORDS.has(words[at]!)) break;
    const head = matchAt(words, at, YES_NO);
    if (
      head &&
      words.slice(at + head.length, at + head.length + POINTER_REACH).some((word) => POINTING_BACK.has(word))
    ) {
      return 'yes-no';
    }
  }
  return 'mention';
}

/** How many words follow a cue ending at `end` before a qualifier ("on the return") or the end. */
function topicTail(words: readonly string[], end: number): number {
  for (let at = end; at < words.length; at += 1) if (QUALIFYING_WORDS.has(words[at]!)) return at - end;
  return words.length - end;
}
