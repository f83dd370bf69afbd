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
    const card = cardWords.last(window.leadIn);
    if (!card) return otherItems.test(`${window.leadIn}\n${window.prompt}`);
    const other = otherItems.last(window.leadIn);
    return other !== undefined && other.end > card.end;
  },
});
