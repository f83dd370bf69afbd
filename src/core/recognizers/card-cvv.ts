/**
 * CARD_CVV: 3–4 digits given after a security-code cue or question ("and the 3 digits on the
 * back?" "123"), or right after an expiry in payment context ("04 27 123").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { endingRightBefore } from './card-last4.js';
import { expiryYears } from './card-expiry.js';
import { closingOh, HOMOPHONE, withHomophonesRead } from './digits.js';
import { patternRecognizer } from './pattern.js';
import { ViewRegex } from '../normalise/view-regex.js';

/**
 * A 3–4 digit group straight after an expiry (MM/YY, MM YY, MMYY) that starts a run of digits: a
 * year a card could expire in, so "1193 5586" (the end of a card said again) is no expiry and code.
 * The digits come first and the look-behind checks the expiry before them (and them), so the
 * engine skips straight to digits.
 */
const AFTER_EXPIRY = new ViewRegex(
  `\\d{3,4}(?<=(?:^|\\n|\\p{L} )(?:0?[1-9]|1[0-2])(?: ?[/-] ?| )?(?:20)?${expiryYears()} \\d{3,4})(?![\\p{L}\\p{N}%]|[.,/:]\\p{N})`,
  'gu',
);

/** Words that end an answer in a mono file: the other party's thanks or next question. */
const NEXT_TALK = '(?:and|okay|ok|thanks|thank you|great|perfect|lovely|got it)';
/** Words after a number that make it a count or an amount ("2 to 4 business days"). */
const NOT_A_CODE =
  '(?:working|business|days?|weeks?|months?|years?|hours?|minutes?|mins?|seconds?|people|times?|of|percent|pounds?|dollars?|euros?)';
/**
 * Three digits with one written as the word it sounds like, which the normaliser leaves a word
 * where it could be a range or a preposition ("7 to 1", "oh for 1", "for 17", "62 too"): after a
 * security-code question they are the code. A digit, a homophone and a digit end the answer, maybe
 * before the other party's words in a mono file (else they may be a range: "2 to 4 business days"),
 * and no count or amount follows any of them.
 */
const WITH_HOMOPHONE = new ViewRegex(
  `(?<![\\p{L}\\p{N}'])(?:\\d ${HOMOPHONE} \\d(?=[.,?!]?(?:\\n|$| ${NEXT_TALK}\\b))|(?:oh|o) ${HOMOPHONE} \\d|${HOMOPHONE} \\d\\d|\\d\\d ${HOMOPHONE})(?![\\p{L}\\p{N}'%]|[.,/:]\\p{N}| ${NOT_A_CODE}\\b)`,
  'giu',
);

export const cardCvvRecognizer = patternRecognizer({
  name: 'card-cvv',
  type: 'CARD_CVV',
  patterns: [
    { name: 'digits', digits: [3, 4], score: 0.55 },
    { name: 'after-expiry', regex: AFTER_EXPIRY, score: 0.55, paymentIsContext: true },
    { name: 'with homophone', regex: WITH_HOMOPHONE, score: 0.5 },
    { name: 'closing oh', regex: closingOh(2, 3), score: 0.5 },
  ],
  value: withHomophonesRead,
  cues: ENTITY_CUES.CARD_CVV,
  requireContext: true,
  // Its cues are long ("the 4 digit code on the front of your amex"): in a mono file one may
  // straddle the default lead-in's start and the prompt's end, seen whole by neither.
  leadInWords: 12,
  // "That's the card ending 0176?": a last four, whatever the question before was.
  invalidate: (_value, window) => endingRightBefore(window),
});
