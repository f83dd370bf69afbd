/**
 * CARD_LAST4: the last four digits of a card ("the visa ending in 4242", "last 4 digits of the
 * card are 1234"). Needs a card word or payment context besides the "ending in" cue; "last 4 of
 * your social" belongs to US_SSN_LAST4.
 */
import type { CueMatcher } from '../context/cue-matcher.js';
import { compileCues, notAsPlace } from '../context/cue-matcher.js';
import { BREAK_OFF_CUES, ENTITY_CUES, LAST_FOUR_CUES } from '../lexicon/entity-cues.js';
import type { MatchWindow } from './pattern.js';
import { AFTER_LAST_FOUR, closingOh, digitsWithClosingOh } from './digits.js';
import { patternRecognizer } from './pattern.js';

const cardWords = compileCues([
  'card',
  'cards',
  'visa',
  'master ?card',
  'amex',
  'discover',
  'debit',
  'credit',
]);
/** Other items a last four may end; not when said as where the card is ("the card on the account"). */
const otherItems = compileCues(
  notAsPlace([
    'social',
    'ssn',
    'social security',
    'phone',
    'number ending',
    'account',
    'checking',
    'chequing',
    'savings',
    'routing',
    'licen[cs]e',
    'passport',
    'member( id| number)?',
    'policy',
  ]),
);

/** "ending (in)", "ends in", "ended", "(to) end in" as the last words before the digits: they name a last four. */
const ENDING_RIGHT_BEFORE = /\bend(?:(?:ing|s|ed)(?: in| with)?| in| with)$/;

/** True when the lead-in ends by pointing at a number's last four ("the card ending"). */
export function endingRightBefore(window: MatchWindow): boolean {
  return ENDING_RIGHT_BEFORE.test(window.leadIn);
}

const last4Cues = compileCues(ENTITY_CUES.CARD_LAST4 ?? []);

const breakOffCues = compileCues(BREAK_OFF_CUES);
/** "the last four": not "ending", which also says which account or phone is meant. */
const lastFourAsked = compileCues(LAST_FOUR_CUES);
/** How long (ms) after a last four was asked for a corrected one still answers it. */
const CORRECTION_MS = 30_000;

/**
 * The lead-in's cue ("ending in") already named a number said after it ("the card ending in 4022,
 * and the group number on your card is G 7710"): it does not name this one, unless this one says
 * that number again (a read-back a mono transcript runs on from it). `answered` tells whether the
 * words between the cue and this match gave the cue's number (by default: any digits).
 */
export function cueUsedUp(
  window: MatchWindow,
  cues: CueMatcher,
  value: string,
  answered = (between: string): boolean => /\d/.test(between),
): boolean {
  const cue = window.leadInCue(cues);
  if (cue === undefined) return false;
  const between = window.leadIn.slice(cue.end);
  return answered(between) && between.replace(/\D/g, '') !== value;
}

const around = (window: MatchWindow): string => `${window.leadIn}\n${window.prompt}\n${window.trail}`;

export const cardLast4Recognizer = patternRecognizer({
  name: 'card-last4',
  type: 'CARD_LAST4',
  patterns: [
    { name: 'digits', digits: [4, 4], score: 0.55 },
    { name: 'after last four', regex: AFTER_LAST_FOUR, score: 0.55 },
    // "ending one nine four oh, is that right": the last zero said "oh", which the normaliser
    // leaves a word before talk.
    { name: 'closing oh', regex: closingOh(3, 3), score: 0.55 },
  ],
  value: digitsWithClosingOh,
  cues: ENTITY_CUES.CARD_LAST4,
  requireContext: true,
  // The card may be named well before "the last 4 digits" ("which card is it, can you give me the last 4").
  leadInWords: 16,
  // "I think it is 2251, no wait, … so it is 8083": a last four given again after breaking off, its
  // question now out of reach.
  support: (window) =>
    window.leadInCue(breakOffCues) && window.topicRaised(lastFourAsked, CORRECTION_MS)
      ? 'last-4-topic:corrected'
      : undefined,
  validate: (_value, window) => window.payment || cardWords.test(around(window)),
  // Another item named nearer than any card word: "on your visa … your driving licence, the one ending".
  invalidate: (value, window) => {
    if (cueUsedUp(window, last4Cues, value)) return true;
    const card = cardWords.last(window.leadIn);
    if (!card) return otherItems.test(`${window.leadIn}\n${window.prompt}`);
    const other = otherItems.last(window.leadIn);
    return other !== undefined && other.end > card.end;
  },
});
