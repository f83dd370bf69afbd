/**
 * Answers to a request, fail closed: when the other party (or an IVR) has just asked for an
 * identifier, a number or a code ("and the last four of the account number?", "your passport
 * number?"), the digits and identifiers given in answer are sensitive even when no recognizer
 * validated them: a misheard digit, a number a digit long or short, a form no pattern knows. They
 * take the asked type, at the lowest score a policy keeps, so a recognizer's own claim wins any
 * overlap. The context is judged as the recognizers judge it (lead-in, trail, prompt, read-back,
 * the nearer of a positive and a negative cue deciding), and an answer must be roughly the size of
 * what was asked for, so a count, a price or a year said in reply is not taken.
 */
import type { CueHit } from '../context/cue-matcher.js';
import { compileCues, saidAsPlace } from '../context/cue-matcher.js';
import type { Finding } from '../detection.js';
import type { BuiltInEntityType } from '../entities.js';
import { BREAK_OFF_CUES, DOMAIN_CUES, DOMAIN_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import { cueUsedUp } from '../recognizers/card-last4.js';
import { otherCardTopic } from '../recognizers/credit-card.js';
import type { DigitRun } from '../recognizers/digits.js';
import { digitRuns, digitSpan, repeatAt } from '../recognizers/digits.js';
import type { Range } from '../recognizers/ids.js';
import { alnumIds, compactId } from '../recognizers/ids.js';
import type { MatchWindow } from '../recognizers/pattern.js';
import { domainSaid, hasNegativeTrail, judgeContext, readWindow } from '../recognizers/pattern.js';
import type { RecognizerInput } from '../recognizers/recognizer.js';
import { countWords } from '../whitespace.js';

export const ANSWER_RECOGNIZER = 'answer-to-request';
/** The lowest score the default policy keeps: any recognizer's cued claim outranks it. */
const ANSWER_SCORE = 0.5;
/** What an answer to a request for a type may look like: how many characters, letters or not. */
interface AnswerShape {
  min: number;
  max: number;
  /** Letters may be part of it (identifiers); else digits only. */
  letters: boolean;
}

const digits = (min: number, max: number): AnswerShape => ({ min, max, letters: false });
const ids = (min: number, max: number): AnswerShape => ({ min, max, letters: true });

/**
 * The types asked for by number, in the order that settles a cue several lexicons share (the more
 * specific first), each with its answer's shape: the recognizer's, a character wider either way
 * for a digit misheard, dropped or doubled. Dates and IP addresses are asked for too, so a request
 * for one is not taken for an older request, but their answers are left to their recognizers
 * (null): a date answers many questions (a document's expiry, a year), and an IP address is said
 * with dots, which these runs do not hold. A bare "ending in" points at any number, so it asks for
 * none; "dial" is an instruction to key something in.
 */
const ANSWER_SHAPES: ReadonlyMap<BuiltInEntityType, AnswerShape | null> = new Map<
  BuiltInEntityType,
  AnswerShape | null
>([
  ['US_SSN_LAST4', digits(4, 4)],
  ['CARD_LAST4', digits(4, 4)],
  ['CARD_CVV', digits(3, 4)],
  ['CARD_EXPIRY', null],
  ['CREDIT_CARD', digits(12, 19)],
  ['PIN', digits(4, 6)],
  ['US_SSN', digits(8, 10)],
  ['SORT_CODE', digits(5, 7)],
  ['ROUTING_NUMBER', digits(8, 10)],
  ['IBAN', ids(12, 34)],
  ['BANK_ACCOUNT', digits(4, 18)],
  ['PASSPORT', ids(6, 10)],
  ['DRIVERS_LICENSE', ids(4, 17)],
  ['MEMBER_ID', ids(5, 16)],
  ['POSTAL_CODE', ids(5, 10)],
  ['PHONE_NUMBER', digits(7, 15)],
  ['DATE_OF_BIRTH', null],
  ['IP_ADDRESS', null],
]);
const ASKED_TYPES = [...ANSWER_SHAPES.keys()];
/** Cues that ask for no number: "ending in" is said of any number, "dial" keys one in. */
const NOT_ASKING = /^(?:end(?:s|ed|ing)\b|dial$)/;

/**
 * The types whose end piece has a type of its own: asked for by "the last 4 digits of the card",
 * or given as four digits alone.
 */
const END_PIECE: ReadonlyMap<BuiltInEntityType, BuiltInEntityType> = new Map<
  BuiltInEntityType,
  BuiltInEntityType
>([
  ['CREDIT_CARD', 'CARD_LAST4'],
  ['US_SSN', 'US_SSN_LAST4'],
]);
/** "last 4 digits of the" right before a type's cue. */
const LAST_FOUR_OF =
  /\b(?:last|final) 4(?: digits| numbers)?(?: (?:of|on|from|for))?(?: (?:the|your|my|his|her|their))? ?$/;

type Domain = keyof typeof DOMAIN_ENTITY_CUES;
const cuesOf = (type: BuiltInEntityType): readonly string[] =>
  (ENTITY_CUES[type] ?? []).filter((cue) => !NOT_ASKING.test(cue));
const domainCuesOf = (type: BuiltInEntityType): readonly string[] =>
  (DOMAIN_ENTITY_CUES as Partial<Record<BuiltInEntityType, readonly string[]>>)[type] ?? [];

const plainMatchers = ASKED_TYPES.map((type) => [type, compileCues(cuesOf(type))] as const);
const domainMatchers = ASKED_TYPES.filter((type) => domainCuesOf(type).length > 0).map(
  (type) => [type, compileCues(domainCuesOf(type)), compileCues(DOMAIN_CUES[type as Domain])] as const,
);
const requestCues = compileCues(ASKED_TYPES.flatMap((type) => [...cuesOf(type), ...domainCuesOf(type)]));
const negatives = compileCues(NEGATIVE_CUES);

/** The type a cue names: the first whose lexicon matches all of it; a domain cue only in its domain. */
function askedType(cue: string, window: MatchWindow): BuiltInEntityType | undefined {
  const whole = (matcher: ReturnType<typeof compileCues>): boolean =>
    matcher.leading(cue)?.end === cue.length;
  const plain = plainMatchers.find(([, matcher]) => whole(matcher));
  if (plain) return plain[0];
  const inDomain = domainMatchers.find(([, matcher, words]) => whole(matcher) && domainSaid(window, words));
  return inDomain?.[0];
}

/** "on" starting the words after the digits: they are put on the thing named next. */
const PUT_ON = /^on\b/;

const breakOffs = compileCues(BREAK_OFF_CUES);
/** Digits given after the request, not broken off to be given again. */
const answeredBefore = (between: string): boolean => /\d/.test(between) && !breakOffs.test(between);

/** A question about what happened, asked after a cue: the cue named the thing it happened to. */
const EVENT_QUESTION =
  /\b(?:what happened|what went wrong|what's wrong|whats wrong|what's the problem|how come|why|how did|when did)\b/;

/** The request an answer answers: the cue, the text it was said in and where that text is. */
interface Request {
  hit: CueHit;
  text: string;
  where: 'lead-in' | 'trail' | 'prompt';
}

/**
 * The request the candidate answers, judged as recognizers judge their cues (the nearer of a
 * request and a look-alike deciding); else the request still open from before a reply that gave
 * no number. A read-back leans on an older question, too far from the answer to fail closed on.
 */
function requestOf(window: MatchWindow, value: string, openRequest: () => string): Request | undefined {
  const verdict = judgeContext(window, requestCues, negatives);
  if (verdict.negative || verdict.where === 'read-back') return undefined;
  // "and the cvv? 214 … I've charged 125 to …": the request was answered before this number,
  // unless the speaker broke off to correct it ("ending 682, sorry, 4682").
  if (verdict.where === 'lead-in' && cueUsedUp(window, requestCues, value, answeredBefore)) return undefined;
  // "I see the card has a hold on it, what happened?": a question about an event, not a number.
  if (verdict.where === 'prompt' && EVENT_QUESTION.test(window.prompt.slice(verdict.cue!.end)))
    return undefined;
  // "and the fifteen hundred on the card?": what goes on it, an amount, not one of its numbers.
  if (verdict.where === 'trail' && PUT_ON.test(window.trail)) return undefined;
  // "it's on my phone, it's …": a place named in the lead-in; the question still decides.
  const placed = verdict.where === 'lead-in' && saidAsPlace(window.leadIn, verdict.cue!);
  if (verdict.cue && !placed) {
    const text =
      verdict.where === 'lead-in' ? window.leadIn : verdict.where === 'prompt' ? window.prompt : '';
    return { hit: verdict.cue, text, where: verdict.where! };
  }
  if (placed) return lastRequest(window.prompt);
  const open = openRequest();
  // The prompt itself was judged above.
  return open === window.prompt ? undefined : lastRequest(open);
}

/** The last request in a text, unless a look-alike was named after it. */
function lastRequest(text: string): Request | undefined {
  const hit = requestCues.last(text);
  const negative = negatives.last(text);
  return hit && (!negative || negative.end < hit.end) ? { hit, text, where: 'prompt' } : undefined;
}

/**
 * Some other kind of number named after the request ("and the group number", "the check number
 * is"): the word before "number", "code" or "reference" is not a cue of any asked type.
 */
const OTHER_NUMBER = /\b([a-z]+) (?:number|no|code|reference|ref|id)s?\b/g;
/** Words before "number" that describe the asked one rather than name another ("the long number"). */
const DESCRIBING = new Set([
  'the',
  'your',
  'my',
  'his',
  'her',
  'their',
  'our',
  'a',
  'that',
  'this',
  'same',
  'whole',
  'full',
  'long',
  'new',
  'old',
  'other',
  'right',
  'correct',
  'digit',
  'best',
]);

function namesOtherNumber(text: string): boolean {
  for (const match of text.matchAll(OTHER_NUMBER)) {
    if (DESCRIBING.has(match[1]!)) continue;
    if (!requestCues.leading(match[0])) return true;
  }
  return false;
}

/** A cue that starts with the bare noun "number", "id" or "code" ("number on your card"). */
const BARE_NOUN_CUE = /^(?:number|no|id|code)\b/;

/**
 * The word before a cue that starts with a bare noun names another kind of number ("the group
 * number on your card is …"), as namesOtherNumber finds after the cue.
 */
function namedBeforeCue(text: string, hit: CueHit): boolean {
  if (!BARE_NOUN_CUE.test(hit.cue)) return false;
  const word = /([a-z]+) $/.exec(text.slice(Math.max(0, hit.index - 24), hit.index))?.[1];
  return word !== undefined && namesOtherNumber(`${word} ${hit.cue.split(' ')[0]!}`);
}

/** A bare "the last four?" (no type after it). */
const BARE_LAST_FOUR = /^(?:last|final) 4(?: digits| numbers)?$/;
/** Most words between a look-alike and the bare "last four" that asks for its end. */
const MAX_WORDS_TO_LAST_FOUR = 2;

/**
 * A bare "last four" asks for the end of what was named right before it ("and the business tax
 * ID, the last four?"): nothing to redact when that is a look-alike.
 */
function lastFourOfLookAlike(text: string, hit: CueHit): boolean {
  if (!BARE_LAST_FOUR.test(hit.cue)) return false;
  const before = text.slice(0, hit.index);
  const lookAlike = negatives.last(before);
  return lookAlike !== undefined && countWords(before.slice(lookAlike.end)) <= MAX_WORDS_TO_LAST_FOUR;
}

/** The asked type, as the end piece when only the last four of it were asked for. */
function typeAsked(window: MatchWindow, request: Request): BuiltInEntityType | undefined {
  const { hit, text, where } = request;
  const type = askedType(hit.cue, window);
  // Named otherwise after the request, or by the speaker right before the value, or by the other
  // party after the speaker's own words that held the request.
  const after = text.slice(hit.end);
  const named =
    where !== 'lead-in'
      ? `${after}\n${window.leadIn}`
      : after.includes('\n')
        ? `${after}\n${window.prompt}`
        : after;
  if (type === undefined || (where !== 'trail' && namesOtherNumber(named))) return undefined;
  if (lastFourOfLookAlike(text, hit) || namedBeforeCue(text, hit)) return undefined;
  // "What's the gift card number?": a card that is no payment card.
  if (type === 'CREDIT_CARD' && otherCardTopic(window)) return undefined;
  const end = END_PIECE.get(type);
  return end && LAST_FOUR_OF.test(text.slice(0, hit.index)) ? end : type;
}

/** A year said alone ("2031", "1998"): a date's, not an answer's. */
const YEAR = /^(?:19|20)\d\d$/;

/** The candidate's value when it has the shape of an answer for the type, else undefined. */
function shaped(type: BuiltInEntityType, matched: string): string | undefined {
  const shape = ANSWER_SHAPES.get(type);
  if (!shape) return undefined;
  const value = compactId(matched);
  if (!shape.letters && /\D/.test(value)) return undefined;
  if (value.length < shape.min || value.length > shape.max || YEAR.test(value)) return undefined;
  return value;
}

/** A run that says its digits twice (a value and its read-back a mono file ran together) as its two halves. */
function answerRanges(run: DigitRun): Range[] {
  const repeat = repeatAt(run);
  return repeat > 0 ? [digitSpan(run, 0, repeat), digitSpan(run, repeat, run.digits.length)] : [run];
}

/**
 * Digit runs and identifiers of the view that no finding covers whole, longest first at a start.
 * A run said twice is only its halves: not an identifier over both either.
 */
function openCandidates(input: RecognizerInput, inView: readonly Finding[]): Range[] {
  const runs = digitRuns(input.view);
  const twice = new Set(runs.filter((run) => repeatAt(run) > 0).map((run) => `${run.start}:${run.end}`));
  const ranges: Range[] = [
    ...runs.flatMap(answerRanges),
    ...alnumIds(input.view).filter((range) => !twice.has(`${range.start}:${range.end}`)),
  ];
  const covered = ({ start, end }: Range): boolean =>
    inView.some((finding) => finding.charStart <= start && end <= finding.charEnd);
  return ranges
    .filter((range) => !covered(range))
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((range, i, sorted) => i === 0 || range.start >= sorted[i - 1]!.end);
}

/** Findings for the answers given to a request in one view that no recognizer covered. */
export function answersToRequests(input: RecognizerInput, findings: readonly Finding[]): Finding[] {
  const { view, context } = input;
  const inView = findings.filter((finding) => finding.view === view);
  const added: Finding[] = [];
  for (const { start, end } of openCandidates(input, inView)) {
    const window = readWindow(input, start, end);
    if (hasNegativeTrail(window)) continue;
    const matched = view.text.slice(start, end);
    const request = requestOf(window, compactId(matched), () => context.openRequest(view, start));
    const asked = request && typeAsked(window, request);
    // Four digits given for a card or a social are its last four.
    const endPiece = asked && END_PIECE.get(asked);
    const type = asked && endPiece && shaped(asked, matched) === undefined ? endPiece : asked;
    const value = type && shaped(type, matched);
    if (!request || type === undefined || value === undefined) continue;
    added.push({
      recognizer: ANSWER_RECOGNIZER,
      type,
      view,
      charStart: start,
      charEnd: end,
      score: ANSWER_SCORE,
      value,
      reasons: ['answer-to-request', `cue:${request.hit.cue}`],
    });
  }
  return added;
}
