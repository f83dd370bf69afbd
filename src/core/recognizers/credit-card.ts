/**
 * CREDIT_CARD: 13–19 digits however they were grouped or spread over turns, with IIN ranges and
 * the Luhn checksum. Fails closed: in payment context or after a card cue every 13–19 digit run is
 * a card even when the checksum fails (speech recognition breaks checksums), and a longer run
 * (card, expiry and code read without a pause) is covered entirely. A checksum may raise the score
 * or pick the label, never un-redact.
 */
import { compileCues } from '../context/cue-matcher.js';
import { DOMAIN_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NON_PAYMENT_CARD_CUES } from '../lexicon/negative-cues.js';
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';
import { regexFor } from '../normalise/view-regex.js';
import type { DigitRun } from './digits.js';
import { digitRuns, digitSpan, isGroupBoundary, repeatAt } from './digits.js';
import type { MatchWindow } from './pattern.js';
import { judgeContext, readWindow, verdictReasons } from './pattern.js';
import type { Recognizer, RecognizerInput } from './recognizer.js';
import { expiryDigitsValid } from './validators/expiry.js';
import { IBAN_LENGTHS } from './validators/iban.js';
import { cardBrand } from './validators/iin.js';
import { luhnValid } from './validators/luhn.js';

const NAME = 'credit-card';
const cardCues = compileCues(ENTITY_CUES.CREDIT_CARD ?? []);
/** Cards that are not payment cards, besides the usual negatives. */
const negatives = compileCues([...NEGATIVE_CUES, ...NON_PAYMENT_CARD_CUES]);
const otherCards = compileCues(NON_PAYMENT_CARD_CUES);
/** Words that name a payment card (not a bare "card"): credit, debit, a brand, paying. */
const paymentCards = compileCues([
  '(credit|debit|bank|payment|charge) cards?',
  'visa',
  'master ?card',
  'amex',
  'american express',
  'discover',
  'pay(ing|ment)?',
]);
/** How long (ms) a card that is no payment card stays the card "the card number" asks for. */
const OTHER_CARD_TOPIC_MS = 30_000;

/**
 * A card that is no payment card was named last ("I can't log in with my library card" … "what's
 * the card number?"): a bare card cue after it asks for that card's number.
 */
export function otherCardTopic(window: MatchWindow): boolean {
  const other = window.topicSince(otherCards, OTHER_CARD_TOPIC_MS);
  return other !== undefined && other > (window.topicSince(paymentCards, OTHER_CARD_TOPIC_MS) ?? -1);
}

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/** With an explicit card cue, a run this long is a card that lost digits in recognition. */
const MIN_DIGITS_WHEN_ASKED = 12;

const SCORE = {
  /** Digits after an IBAN's country code: below any IBAN claim, which then labels them. */
  ibanShaped: 0.6,
  /** Checksum and issuer range both fit, no context needed. */
  bare: 0.8,
  /** In payment context or after a card cue. */
  checked: 0.99,
  luhnOnly: 0.95,
  failClosed: 0.9,
};

/** A card candidate found inside a run: digits [from, to) with what checks it passed. */
interface CardSpan {
  from: number;
  to: number;
  luhn: boolean;
  brand: string | undefined;
}

function checkSpan(digits: string, from: number, to: number): CardSpan {
  const number = digits.slice(from, to);
  return { from, to, luhn: luhnValid(number), brand: cardBrand(number)?.name };
}

function checkReasons(span: CardSpan): string[] {
  return [...(span.luhn ? ['luhn'] : []), ...(span.brand ? [`iin:${span.brand}`] : [])];
}

/**
 * The best checksum-valid card inside a run: aligned on group boundaries (unless the run is one
 * group), preferring issuer-valid, then longer, then earlier spans.
 */
function bestValidSpan(run: DigitRun, aligned: boolean): CardSpan | undefined {
  let best: CardSpan | undefined;
  const n = run.digits.length;
  for (let from = 0; from + MIN_DIGITS <= n; from += 1) {
    if (aligned && !isGroupBoundary(run, from)) continue;
    for (let to = Math.min(n, from + MAX_DIGITS); to >= from + MIN_DIGITS; to -= 1) {
      if (aligned && !isGroupBoundary(run, to)) continue;
      const span = checkSpan(run.digits, from, to);
      if (!span.luhn) continue;
      if (!best || rank(span) > rank(best)) best = span;
    }
  }
  return best;
}

function rank(span: CardSpan): number {
  return (span.brand ? 100 : 0) + (span.to - span.from);
}

/**
 * Anything the other party may ask for besides a card number: then the next digits are not more
 * card. One matcher per lexicon, not one for their union: the other recognizers compile the same
 * lexicons, and one regular expression of every cue was slow to build.
 */
const otherItems = [
  ...Object.entries(ENTITY_CUES).flatMap(([type, cues]) => (type === 'CREDIT_CARD' ? [] : [cues])),
  ...Object.values(DOMAIN_ENTITY_CUES),
  NEGATIVE_CUES,
].map(compileCues);

/**
 * Runs of the view, with a card number that continues over a hard turn break joined: "4111 1111"
 * (the agent repeats them) "1111 1111" is one card. Only when the first piece was asked for as a
 * card and the other party asked for nothing else in between.
 */
function candidateRuns(input: RecognizerInput): DigitRun[] {
  const runs = digitRuns(input.view);
  const joined: DigitRun[] = [];
  for (const run of runs) {
    const previous = joined.at(-1);
    if (previous && continues(input, previous, run)) joined[joined.length - 1] = joinRuns(previous, run);
    else joined.push(run);
  }
  return joined;
}

function continues(input: RecognizerInput, previous: DigitRun, run: DigitRun): boolean {
  if (previous.digits.length >= MIN_DIGITS || previous.digits.length + run.digits.length > MAX_DIGITS)
    return false;
  if (!acrossOneBreak(input.view, previous.end, run.start)) return false;
  if (!input.context.inPaymentContext(input.view, previous.start)) return false;
  if (judgeContext(readWindow(input, previous.start, previous.end), cardCues, negatives).cue === undefined)
    return false;
  const prompt = input.context.prompt(input.view, run.start);
  return !otherItems.some((cues) => cues.test(prompt));
}

/** True when only whitespace with exactly one hard turn break lies between two positions. */
function acrossOneBreak(view: StreamView, end: number, start: number): boolean {
  const between = view.text.slice(end, start);
  return /^ *\n *$/.test(between);
}

function joinRuns(a: DigitRun, b: DigitRun): DigitRun {
  return {
    start: a.start,
    end: b.end,
    digits: a.digits + b.digits,
    positions: [...a.positions, ...b.positions],
    groupStarts: [...a.groupStarts, ...b.groupStarts.map((at) => at + a.digits.length)],
  };
}

interface Piece {
  type: string;
  from: number;
  to: number;
}

/**
 * A run longer than a card, read in payment context: the card, then an expiry (MMYY or MMYYYY)
 * and / or a 3–4 digit security code. Returns the pieces after the card when the tail parses as
 * exactly that, else undefined.
 */
function parseTail(digits: string, cardEnd: number): Piece[] | undefined {
  const pieces: Piece[] = [];
  let at = cardEnd;
  for (const length of [4, 6]) {
    const rest = digits.length - at - length;
    if ((rest === 0 || rest === 3 || rest === 4) && expiryDigitsValid(digits.slice(at, at + length))) {
      pieces.push({ type: 'CARD_EXPIRY', from: at, to: at + length });
      at += length;
      break;
    }
  }
  const rest = digits.length - at;
  if (rest === 3 || rest === 4) pieces.push({ type: 'CARD_CVV', from: at, to: digits.length });
  else if (rest !== 0) return undefined;
  return pieces;
}

/** The checksum-valid card at the start of an over-long run whose tail parses; issuer-valid and 16 digits preferred. */
function splitLongRun(digits: string): { card: CardSpan; tail: Piece[] } | undefined {
  let best: { card: CardSpan; tail: Piece[] } | undefined;
  const preference = (card: CardSpan): number => (card.brand ? 100 : 0) + (card.to === 16 ? 50 : card.to);
  for (let to = MAX_DIGITS; to >= MIN_DIGITS; to -= 1) {
    const card = checkSpan(digits, 0, to);
    const tail = card.luhn ? parseTail(digits, to) : undefined;
    if (tail && (!best || preference(card) > preference(best.card))) best = { card, tail };
  }
  return best;
}

function finding(
  view: StreamView,
  run: DigitRun,
  type: string,
  from: number,
  to: number,
  score: number,
  reasons: string[],
): Finding {
  const { start, end } = digitSpan(run, from, to);
  return {
    recognizer: NAME,
    type,
    view,
    charStart: start,
    charEnd: end,
    score,
    value: run.digits.slice(from, to),
    reasons,
  };
}

/** A country code (its letters maybe spelled apart) and maybe check digits right before a run. */
const COUNTRY_BEFORE = /(?<![\p{L}\p{N}])([A-Z]) ?([A-Z])(\d\d)? ?$/u;

/**
 * True when the run is the digits of an IBAN: a country code right before it ("ES91 2100 …",
 * "P L 83 1020 …") and exactly that country's length in all. A card is never said so; the run
 * stays covered, but an IBAN claim on it labels it.
 */
function ibanShaped(text: string, run: DigitRun): boolean {
  const before = COUNTRY_BEFORE.exec(text.slice(Math.max(0, run.start - 6), run.start));
  if (!before) return false;
  const length = IBAN_LENGTHS[before[1]! + before[2]!];
  return length !== undefined && length === 2 + (before[3]?.length ?? 0) + run.digits.length;
}

/**
 * A code mixing letters and digits written right before a run ("1Z 84W 762 …", "AB7 …"): the run
 * is the rest of that identifier (a parcel or order code). A card has no letters, and a brand said
 * before it ("visa 4111 …") has no digits.
 */
const MIXED_CODE_BEFORE = /(?<![\p{L}\p{N}])(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{2,5} $/u;

const sortCodeTopic = compileCues(ENTITY_CUES.SORT_CODE ?? []);
/** How long (ms) after a sort code was talked about bank details may be read back. */
const BANK_DETAILS_MS = 120_000;
const SORT_CODE_DIGITS = 6;

/**
 * A sort code and an account number read back in one breath ("so that's 40-12-76, 37353799"): six
 * digits to a group boundary, then an account's seven or eight, while a sort code is talked about.
 */
function sortCodeAndAccount(run: DigitRun, window: MatchWindow): boolean {
  const account = run.digits.length - SORT_CODE_DIGITS;
  return (
    (account === 7 || account === 8) &&
    run.groupStarts.includes(SORT_CODE_DIGITS) &&
    window.topicRaised(sortCodeTopic, BANK_DETAILS_MS)
  );
}

/**
 * The other party asked for a look-alike ("what's the IMEI again?") more recently than for a card:
 * the digits given answer that, whatever the answer calls them ("the long number on the box").
 */
function askedForLookAlike(window: MatchWindow): boolean {
  const lookAlike = window.promptCue(negatives);
  const card = window.promptCue(cardCues);
  return lookAlike !== undefined && (card === undefined || card.end < lookAlike.end);
}

function recognizeRun(input: RecognizerInput, run: DigitRun): Finding[] {
  const n = run.digits.length;
  if (n < MIN_DIGITS_WHEN_ASKED) return [];
  const { text } = input.view;
  if (ibanShaped(text, run)) {
    return [finding(input.view, run, 'CREDIT_CARD', 0, n, SCORE.ibanShaped, ['iban-shaped'])];
  }
  if (regexFor(MIXED_CODE_BEFORE, text).test(text.slice(Math.max(0, run.start - 6), run.start))) return [];
  const window = readWindow(input, run.start, run.end);
  const verdict = judgeContext(window, cardCues, negatives);
  const failClosed = window.payment || verdict.cue !== undefined;
  const contextReasons = [...verdictReasons(verdict), ...(window.payment ? ['payment-context'] : [])];

  if (failClosed && (n >= MIN_DIGITS || verdict.cue) && n <= MAX_DIGITS) {
    const whole = checkSpan(run.digits, 0, n);
    // Named as something else ("your e-ticket numbers start with …", "what's the gift card
    // number?", "the IMEI?"), or a card that is no payment card was named last, and no
    // checksum-valid card: a look-alike, as for a run longer than any card below.
    if (!whole.luhn && (verdict.negative || otherCardTopic(window))) return [];
    // A sort code and an account number with no card checksum: bank details, which their own
    // recognizers claim.
    if (!whole.luhn && sortCodeAndAccount(run, window)) return [];
    // So is a checksum-valid run of no issuer's range (a device number passes Luhn) named as a
    // look-alike or given when one was asked for.
    if (!whole.brand && (verdict.negative || askedForLookAlike(window))) return [];
    const score = whole.luhn ? (whole.brand ? SCORE.checked : SCORE.luhnOnly) : SCORE.failClosed;
    const reasons = [...checkReasons(whole), ...(whole.luhn ? [] : ['fail-closed']), ...contextReasons];
    return [finding(input.view, run, 'CREDIT_CARD', 0, n, score, reasons)];
  }
  if (failClosed && n > MAX_DIGITS) {
    const split = splitLongRun(run.digits);
    // Longer than any card and named as something else (a tracking number): not card data.
    if (!split && verdict.negative) return [];
    if (split) {
      const { card, tail } = split;
      const cardReasons = [...checkReasons(card), ...contextReasons];
      return [
        finding(
          input.view,
          run,
          'CREDIT_CARD',
          0,
          card.to,
          card.brand ? SCORE.checked : SCORE.luhnOnly,
          cardReasons,
        ),
        ...tail.map((piece) =>
          finding(input.view, run, piece.type, piece.from, piece.to, SCORE.failClosed, [
            'card-tail',
            ...contextReasons,
          ]),
        ),
      ];
    }
    return [
      finding(input.view, run, 'CREDIT_CARD', 0, n, SCORE.failClosed, ['fail-closed', ...contextReasons]),
    ];
  }
  if (verdict.negative) return [];
  const card = bestValidSpan(run, run.groupStarts.length > 1);
  if (!card?.brand) return [];
  return [finding(input.view, run, 'CREDIT_CARD', card.from, card.to, SCORE.bare, checkReasons(card))];
}

/** The digits [from, to) of a run as a run of their own. */
function subRun(run: DigitRun, from: number, to: number): DigitRun {
  const { start, end } = digitSpan(run, from, to);
  return {
    start,
    end,
    digits: run.digits.slice(from, to),
    positions: run.positions.slice(from, to),
    groupStarts: run.groupStarts.filter((at) => at >= from && at < to).map((at) => at - from),
  };
}

/**
 * A run that says its digits twice (a value and its read-back run together) is two runs, unless the
 * whole is a checksum-valid card of a card's length (a card whose two halves are alike).
 */
function withoutRepeat(run: DigitRun): DigitRun[] {
  const repeat = repeatAt(run);
  if (repeat === 0) return [run];
  if (run.digits.length <= MAX_DIGITS && luhnValid(run.digits)) return [run];
  return [subRun(run, 0, repeat), subRun(run, repeat, run.digits.length)];
}

export const creditCardRecognizer: Recognizer = {
  name: NAME,
  types: ['CREDIT_CARD', 'CARD_EXPIRY', 'CARD_CVV'],
  recognize: (input) =>
    candidateRuns(input)
      .flatMap(withoutRepeat)
      .flatMap((run) => recognizeRun(input, run)),
};
