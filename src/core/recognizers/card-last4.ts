/**
 * CARD_LAST4: the last four digits of a card ("the visa ending in 4242", "last 4 digits of the
 * card are 1234"). Needs a card word or payment context besides the "ending in" cue; "last 4 of
 * your social" belongs to US_SSN_LAST4.
 */
import { compileCues, notAsPlace } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { MatchWindow } from './pattern.js';
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

/**
 * The lead-in's "ending in" already named a number said after it ("the card ending in 4022, and
 * the group number on your card is G 7710"): it does not name this one.
 */
function cueUsedUp(window: MatchWindow): boolean {
  const cue = window.leadInCue(last4Cues);
  return cue !== undefined && /\d/.test(window.leadIn.slice(cue.end));
}

const around = (window: MatchWindow): string => `${window.leadIn}\n${window.prompt}\n${window.trail}`;

export const cardLast4Recognizer = patternRecognizer({
  name: 'card-last4',
  type: 'CARD_LAST4',
  patterns: [{ name: 'digits', digits: [4, 4], score: 0.55 }],
  cues: ENTITY_CUES.CARD_LAST4,
  requireContext: true,
  // The card may be named well before "the last 4 digits" ("which card is it, can you give me the last 4").
  leadInWords: 16,
  validate: (_value, window) => window.payment || cardWords.test(around(window)),
  // Another item named nearer than any card word: "on your visa … your driving licence, the one ending".
  invalidate: (_value, window) => {
    if (cueUsedUp(window)) return true;
    const card = cardWords.last(window.leadIn);
    if (!card) return otherItems.test(`${window.leadIn}\n${window.prompt}`);
    const other = otherItems.last(window.leadIn);
    return other !== undefined && other.end > card.end;
  },
});
