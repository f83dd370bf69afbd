/**
 * Pattern recognizers, Presidio style: candidate matches with a base score, raised by context cues
 * (in the speaker's lead-in, in the other party's prompt, or right after the match), checked by
 * validate / invalidate hooks, and dropped by negative context ("order number", "dollars").
 * The context helpers are exported for recognizers that need their own candidate logic.
 */
import type { CueHit, CueMatcher } from '../context/cue-matcher.js';
import type { ContextProbe } from '../context/probe.js';
import { compileCues, saidAsPlace } from '../context/cue-matcher.js';
import { ALL_ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NEGATIVE_TRAIL } from '../lexicon/negative-cues.js';
import type { Finding } from '../detection.js';
import type { EntityType } from '../entities.js';
import { isBuiltInEntityType } from '../entities.js';
import type { ViewRegex } from '../normalise/view-regex.js';
import { searchFor } from '../normalise/view-regex.js';
import type { StreamView } from '../normalise/view.js';
import type { DigitRun } from './digits.js';
import {
  digitRuns,
  digitSpan,
  groupAlignedParts,
  repeatAt,
  restartAt,
  saidTwice,
  sameTwiceAt,
} from './digits.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import { NAMING_CUES } from './topic.js';

interface PatternBase {
  name: string;
  /** Base score, before context. */
  score: number;
  /** Overrides the recognizer's requireContext for this pattern. */
  requireContext?: boolean;
  /** Overrides the recognizer's paymentIsContext for this pattern. */
  paymentIsContext?: boolean;
  /** Drops this pattern's match when false, besides the recognizer's own validate. */
  validate?: (value: string, window: MatchWindow) => boolean;
}

/**
 * A regular expression (with the `g` flag) run over the view's text; the whole match is the item.
 * A Unicode pattern given as a ViewRegex is built only when searched with (see view-regex.ts).
 */
export interface RegexPattern extends PatternBase {
  regex: RegExp | ViewRegex;
}

/** Every digit run (see digits.ts) holding between min and max digits, however it was grouped. */
export interface DigitsPattern extends PatternBase {
  digits: readonly [min: number, max: number];
  /**
   * Also the group-aligned parts of a longer run: a value and its read-back, or two values, that a
   * mono transcript runs together ("011000138 011-000-138").
   */
  parts?: boolean;
}

/** Candidates from a shared finder (e.g. one cached per view and used by several recognizers). */
export interface FinderPattern extends PatternBase {
  find: (view: StreamView) => readonly { start: number; end: number }[];
}

export type PatternDef = RegexPattern | DigitsPattern | FinderPattern;

/** The text around a match, lower-case. */
export interface MatchWindow {
  /** The speaker's words just before the match. */
  leadIn: string;
  /** The other party's words before this turn: the question being answered. */
  prompt: string;
  /** The last hit of a lexicon in the prompt (cached per turn: prefer it to searching prompt). */
  promptCue(cues: CueMatcher): CueHit | undefined;
  /** The last hit of a lexicon in the speaker's own question before a short answer (see ContextProbe.recall). */
  recallCue(cues: CueMatcher): CueHit | undefined;
  /** True when a cue of the lexicon was said within withinMs before the match (see ContextProbe.topicRaised). */
  topicRaised(cues: CueMatcher, withinMs: number): boolean;
  /** When a cue of the lexicon was last said within withinMs before the match (see ContextProbe.topicSince). */
  topicSince(cues: CueMatcher, withinMs: number): number | undefined;
  /** The last hit of a lexicon in the lead-in (cached per window). */
  leadInCue(cues: CueMatcher): CueHit | undefined;
  /** The hit of a lexicon the trail starts with (cached per window). */
  trailCue(cues: CueMatcher): CueHit | undefined;
  /** The speaker's words just after the match. */
  trail: string;
  /** True when the match lies in payment context. */
  payment: boolean;
}

/** What the context says about a match. */
export interface ContextVerdict {
  /** The positive cue that decided, if any. */
  cue: CueHit | undefined;
  /** Where the deciding positive cue was ('read-back': the speaker's own question before the answer they repeat). */
  where: 'lead-in' | 'prompt' | 'trail' | 'read-back' | undefined;
  /** The negative cue that decided, if any. */
  negative: CueHit | undefined;
}

export interface PatternRecognizerSpec {
  name: string;
  type: EntityType;
  patterns: readonly PatternDef[];
  /** Positive context cues (see compileCues for the syntax). */
  cues?: readonly string[];
  /** Added to the base score when a cue (or payment context, with paymentIsContext) supports the match. Default 0.3. */
  cueBoost?: number;
  /**
   * Cues that name the type only in a call about its domain ("policy number" names a member ID in
   * a call about health cover): one of the domain's `words` must have been said, by anyone, earlier
   * in the call or in this turn. A match whose deciding cue is one of these, outside its domain,
   * is dropped: the cue names another kind of number there.
   */
  domain?: { cues: readonly string[]; words: readonly string[] };
  /** Bare matches need a positive cue (or payment context, with paymentIsContext). */
  requireContext?: boolean;
  /** Payment context counts as a positive cue. */
  paymentIsContext?: boolean;
  /** Negative context cues; defaults to NEGATIVE_CUES. */
  negatives?: readonly string[];
  /** Words right after the match that make it something else; defaults to NEGATIVE_TRAIL. */
  trailNegatives?: readonly string[];
  /** Lead-in length in words (default 8). */
  leadInWords?: number;
  /** The normalised value of a matched text; default: the digits for a digits pattern, else the text. */
  value?: (matched: string) => string;
  /**
   * Extra support beyond cues, e.g. "the account number was just given": returns a reason name
   * when it applies; counts like a cue. `matched` is the text as it stands in the view.
   */
  support?: (window: MatchWindow, matched: string) => string | undefined;
  /** Drops the match when false (`matched` is the text as it stands in the view). */
  validate?: (value: string, window: MatchWindow, matched: string) => boolean;
  /** Drops the match when true. */
  invalidate?: (value: string, window: MatchWindow, matched: string) => boolean;
}

/** Default lead-in length, in words. */
export const LEAD_IN_WORDS = 8;
const TRAIL_WORDS = 6;
const READ_BACK_WEIGHT = 0.75;
/** What may come between a match and a cue that names it: "1234 is my pin", "4111 … that's the card number". */
const TRAIL_LINK =
  /^(?:(?:is|was|that's|thats|that is|it's|as|for|on)\s+)?(?:(?:my|the|your|our|his|her)\s+)?/;

/** A trail that moves on to ask for the next item ("20-44-71. And the account number?"), not one naming this. */
const NEXT_QUESTION = /^(?:and|now|then|also|next) (?:the|your|his|her|their)\b/;

const defaultNegatives = compileCues(NEGATIVE_CUES);
const defaultTrailNegatives = compileCues(NEGATIVE_TRAIL);

/** Windows already read, per probe (so per call) and view: recognizers looking at the same run share one. */
const windowCache = new WeakMap<ContextProbe, WeakMap<StreamView, Map<number, MatchWindow>>>();

/** Reads the text around [charStart, charEnd) of the input's view. */
export function readWindow(
  input: RecognizerInput,
  charStart: number,
  charEnd: number,
  leadInWords = LEAD_IN_WORDS,
): MatchWindow {
  const { context, view } = input;
  let perView = windowCache.get(context);
  if (!perView) {
    perView = new WeakMap();
    windowCache.set(context, perView);
  }
  let cache = perView.get(view);
  if (!cache) {
    cache = new Map();
    perView.set(view, cache);
  }
  // One number for (start, length, lead-in length); lengths past 4095 characters share a slot.
  const key = (charStart * 4096 + Math.min(charEnd - charStart, 4095)) * 64 + Math.min(leadInWords, 63);
  let window = cache.get(key);
  if (!window) {
    window = new Window(context, view, charStart, charEnd, leadInWords);
    cache.set(key, window);
  }
  return window;
}

class Window implements MatchWindow {
  readonly leadIn: string;
  readonly trail: string;
  readonly payment: boolean;
  /** Cue hits already looked up: lexicon, in the lead-in (else the trail), hit. */
  private readonly hits: [CueMatcher, boolean, CueHit | undefined][] = [];

  constructor(
    private readonly context: ContextProbe,
    private readonly view: StreamView,
    private readonly charStart: number,
    charEnd: number,
    leadInWords: number,
  ) {
    this.leadIn = context.leadIn(view, charStart, leadInWords);
    this.trail = context.trail(view, charEnd, TRAIL_WORDS);
    this.payment = context.inPaymentContext(view, charStart);
  }

  get prompt(): string {
    return this.context.prompt(this.view, this.charStart);
  }

  promptCue(cues: CueMatcher): CueHit | undefined {
    return this.context.promptCue(this.view, this.charStart, cues);
  }

  recallCue(cues: CueMatcher): CueHit | undefined {
    return this.context.recallCue(this.view, this.charStart, cues);
  }

  topicRaised(cues: CueMatcher, withinMs: number): boolean {
    return this.context.topicRaised(this.view, this.charStart, cues, withinMs);
  }

  topicSince(cues: CueMatcher, withinMs: number): number | undefined {
    return this.context.topicSince(this.view, this.charStart, cues, withinMs);
  }

  leadInCue(cues: CueMatcher): CueHit | undefined {
    return this.leadIn === '' ? undefined : this.memo(cues, true);
  }

  trailCue(cues: CueMatcher): CueHit | undefined {
    return this.trail === '' ? undefined : this.memo(cues, false);
  }

  private memo(cues: CueMatcher, inLeadIn: boolean): CueHit | undefined {
    for (const [known, where, hit] of this.hits) if (known === cues && where === inLeadIn) return hit;
    const hit = inLeadIn ? cues.last(this.leadIn) : cues.leading(this.trail);
    this.hits.push([cues, inLeadIn, hit]);
    return hit;
  }
}

/**
 * Decides which context applies: the lead-in first (the nearer of a positive and a negative cue
 * wins), then a cue named right after the match, then the prompt (again the nearer to its end).
 */
export function judgeContext(window: MatchWindow, cues: CueMatcher, negatives: CueMatcher): ContextVerdict {
  const inLeadIn = decide(window.leadInCue(cues), window.leadInCue(negatives), 'lead-in');
  if (inLeadIn) return inLeadIn;
  const trailCue =
    window.trail === '' || NEXT_QUESTION.test(window.trail)
      ? undefined
      : cues.leading(window.trail.replace(TRAIL_LINK, ''));
  if (trailCue) return { cue: trailCue, where: 'trail', negative: undefined };
  const asked = window.promptCue(cues);
  const lookAlike = window.promptCue(negatives);
  return (
    decide(
      asked,
      asked && lookAlike && mentionedOnly(window.prompt, asked, lookAlike) ? undefined : lookAlike,
      'prompt',
    ) ??
    decide(window.recallCue(cues), window.recallCue(negatives), 'read-back') ??
    NO_VERDICT
  );
}

/** "a" or "an" right before a hit. */
const INDEFINITE_BEFORE = /\ban? $/;
/**
 * "for", maybe "for the", right before a hit: what the item is for ("a phone number for the
 * confirmation", "her mobile for delivery updates").
 */
const FOR_BEFORE = /\bfor (?:(?:the|your) )?$/;

/** Between a request and a look-alike: what the item is asked for ("… number to pull up your claim"). */
const PURPOSE_BETWEEN =
  /^ (?:(?:in order )?to \w+(?: up| out)?|so (?:that )?(?:i|we) can \w+(?: up| out)?) $/;

/**
 * A look-alike the other party only mentions after asking ("your phone number so we can send a
 * confirmation code"): said with "a", it is not the item asked for, which "your" or "the" would
 * name. One that holds the request's own cue ("a one time passcode") is what was asked for. So is
 * one named as what the item is for ("your social security number to pull up your claim", "a
 * phone number for the confirmation").
 */
function mentionedOnly(prompt: string, asked: CueHit, lookAlike: CueHit): boolean {
  return (
    lookAlike.index >= asked.end &&
    (INDEFINITE_BEFORE.test(prompt.slice(Math.max(0, lookAlike.index - 3), lookAlike.index)) ||
      FOR_BEFORE.test(prompt.slice(Math.max(0, lookAlike.index - 10), lookAlike.index)) ||
      PURPOSE_BETWEEN.test(prompt.slice(asked.end, lookAlike.index)))
  );
}

const NO_VERDICT: ContextVerdict = { cue: undefined, where: undefined, negative: undefined };

/** Of a positive and a negative hit in the same text, the one ending later decides; undefined when neither. */
function decide(
  cue: CueHit | undefined,
  negative: CueHit | undefined,
  where: 'lead-in' | 'prompt' | 'read-back',
): ContextVerdict | undefined {
  // The nearer one decides; at a tie the longer ("insurance card" over "card") does.
  if (
    cue &&
    (!negative || cue.end > negative.end || (cue.end === negative.end && cue.index <= negative.index))
  ) {
    return { cue, where, negative: undefined };
  }
  return negative ? { cue: undefined, where: undefined, negative } : undefined;
}

/** Reason strings for a verdict: `cue:<cue>`, plus `asked` when the other party asked for it. */
export function verdictReasons(verdict: ContextVerdict): string[] {
  if (!verdict.cue) return [];
  const cue = `cue:${verdict.cue.cue}`;
  if (verdict.where === 'prompt') return ['asked', cue];
  return verdict.where === 'read-back' ? ['read-back', cue] : [cue];
}

/** True when the words right after the match make it a price, time or quantity. */
export function hasNegativeTrail(
  window: MatchWindow,
  trailNegatives: CueMatcher = defaultTrailNegatives,
): boolean {
  return window.trailCue(trailNegatives) !== undefined;
}

/** A candidate match; `digits` is its value when that is not all of its digits (a false start dropped). */
interface Candidate {
  start: number;
  end: number;
  digits?: string;
}

/** Candidate matches of a pattern in the view's text. */
function* candidates(input: RecognizerInput, pattern: PatternDef): Generator<Candidate> {
  if ('regex' in pattern) {
    // Only where each match is is read, so the text may be searched in lower case (see searchFor).
    const [subject, expression] = searchFor(pattern.regex, input.view.text);
    for (const match of subject.matchAll(expression)) {
      if (match[0] !== '') yield { start: match.index, end: match.index + match[0].length };
    }
    return;
  }
  if ('find' in pattern) {
    yield* pattern.find(input.view);
    return;
  }
  const [min, max] = pattern.digits;
  for (const run of digitRuns(input.view)) {
    const { length } = run.digits;
    if (length >= min && length <= max) {
      yield { start: run.start, end: run.end };
      continue;
    }
    // "3 7 … 3 7 1": the whole run is taken (the false start gives digits away too), valued as the retry.
    const restart = restartAt(run);
    // "5519 5519": the value and its read-back, each a candidate.
    const repeat = repeatAt(run) || sameTwiceAt(run, min, max);
    // "3 7 … 3 7 1 3 7 1": the retry and its read-back, which a mono transcript runs on from it.
    const retried = restart > 0 ? (repeatAfter(run, restart) || length) - restart : 0;
    if (retried >= min && retried <= max) {
      yield { start: run.start, end: run.end, digits: run.digits.slice(restart, restart + retried) };
    } else if (repeat >= min && repeat <= max) {
      yield digitSpan(run, 0, repeat);
      yield digitSpan(run, repeat, length);
    } else if (length > max && pattern.parts) yield* groupAlignedParts(run, min, max);
  }
}

/**
 * Digit index at which the digits from `from` on are said a second time, at a group boundary
 * ("… 3 7 1 3 7 1" after a false start): the read-back of a retried value; 0 when none.
 */
function repeatAfter(run: DigitRun, from: number): number {
  const again = from + (run.digits.length - from) / 2;
  return run.groupStarts.includes(again) && saidTwice(run.digits.slice(from)) ? again : 0;
}

const onlyDigits = (text: string): string => text.replace(/\D/g, '');

/** The lead-in ends by naming the item: "and the account number is" 318604225. */
const NAMED_RIGHT_BEFORE = /^(?:\s*(?:is|was|will be|would be|it's|it is|'s))?\s*$/;

/**
 * For a built-in type: a test telling whether the speaker named the match as another type right
 * before it ("your account number is …"), which outweighs a cue of this type in the question
 * being answered or read back.
 */
function namedOtherwise(type: EntityType): ((window: MatchWindow) => boolean) | undefined {
  if (!isBuiltInEntityType(type)) return undefined;
  const own = compileCues(ALL_ENTITY_CUES[type] ?? []);
  return (window) => {
    const hit = window.leadInCue(NAMING_CUES);
    // "I have a photo of it on my phone, it's …" says where the number is, not what it is.
    if (hit === undefined || !NAMED_RIGHT_BEFORE.test(window.leadIn.slice(hit.end))) return false;
    if (saidAsPlace(window.leadIn, hit)) return false;
    // One matcher serves every type: a cue of this type's own names it as this type.
    return own.leading(hit.cue)?.end !== hit.cue.length;
  };
}

/** Reach of a domain's words: anywhere earlier in the call. */
const WHOLE_CALL_MS = Number.POSITIVE_INFINITY;

/** True when a domain's words were said around the match or anywhere earlier in the call. */
export function domainSaid(window: MatchWindow, words: CueMatcher): boolean {
  return (
    window.leadInCue(words) !== undefined ||
    window.promptCue(words) !== undefined ||
    window.topicRaised(words, WHOLE_CALL_MS)
  );
}

/**
 * For a spec with domain cues: a test telling whether a verdict rests on a domain cue said outside
 * its domain. Undefined when the spec has none.
 */
function outsideDomain(
  spec: PatternRecognizerSpec,
): ((verdict: ContextVerdict, window: MatchWindow) => boolean) | undefined {
  if (!spec.domain) return undefined;
  const plain = compileCues(spec.cues ?? []);
  const words = compileCues(spec.domain.words);
  const isPlain = new Map<string, boolean>();
  return (verdict, window) => {
    const cue = verdict.cue?.cue;
    if (cue === undefined) return false;
    let known = isPlain.get(cue);
    if (known === undefined) {
      known = plain.leading(cue)?.end === cue.length;
      isPlain.set(cue, known);
    }
    // "The member ID on your insurance card": a plain cue said with it decides.
    return !known && !window.leadInCue(plain) && !window.promptCue(plain) && !domainSaid(window, words);
  };
}

/** Builds a recognizer from patterns, cues and hooks. */
export function patternRecognizer(spec: PatternRecognizerSpec): Recognizer {
  const cues = compileCues(spec.domain ? [...(spec.cues ?? []), ...spec.domain.cues] : (spec.cues ?? []));
  const offDomain = outsideDomain(spec);
  const namedOther = namedOtherwise(spec.type);
  const negatives = spec.negatives ? compileCues(spec.negatives) : defaultNegatives;
  const trailNegatives = spec.trailNegatives ? compileCues(spec.trailNegatives) : defaultTrailNegatives;
  const boost = spec.cueBoost ?? 0.3;
  return {
    name: spec.name,
    types: [spec.type],
    recognize(input) {
      const findings: Finding[] = [];
      for (const pattern of spec.patterns) {
        const defaultValue = 'digits' in pattern ? onlyDigits : (text: string) => text.trim();
        for (const { start, end, digits } of candidates(input, pattern)) {
          const window = readWindow(input, start, end, spec.leadInWords);
          const verdict = judgeContext(window, cues, negatives);
          // A pattern that carries its own context ("checking ending in 6620") is only undone by a
          // look-alike named in the lead-in, not by one in an older question.
          const ownContext = pattern.requireContext === false && spec.requireContext === true;
          const negative = verdict.negative && (!ownContext || window.leadInCue(negatives) !== undefined);
          if (negative || hasNegativeTrail(window, trailNegatives)) continue;
          if (offDomain?.(verdict, window)) continue;
          if ((verdict.where === 'prompt' || verdict.where === 'read-back') && namedOther?.(window)) continue;
          const reasons = verdictReasons(verdict);
          const paymentIsContext = pattern.paymentIsContext ?? spec.paymentIsContext;
          if (!verdict.cue && paymentIsContext && window.payment) reasons.push('payment-context');
          const matched = input.view.text.slice(start, end);
          const support = verdict.cue ? undefined : spec.support?.(window, matched);
          if (support) reasons.push(support);
          const supported = reasons.length > 0;
          if ((pattern.requireContext ?? spec.requireContext) && !supported) continue;
          // A read-back leans on an older question: it supports, but less than a cue at hand.
          const gain = verdict.where === 'read-back' ? boost * READ_BACK_WEIGHT : boost;
          const value = digits ?? (spec.value ?? defaultValue)(matched);
          if (spec.validate && !spec.validate(value, window, matched)) continue;
          if (pattern.validate && !pattern.validate(value, window)) continue;
          if (spec.invalidate?.(value, window, matched)) continue;
          findings.push({
            recognizer: spec.name,
            type: spec.type,
            view: input.view,
            charStart: start,
            charEnd: end,
            score: Math.min(1, pattern.score + (supported ? gain : 0)),
            value,
            reasons: [`pattern:${pattern.name}`, ...reasons],
          });
        }
      }
      return findings;
    },
  };
}
