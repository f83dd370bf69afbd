/**
 * CARD_CVV: 3–4 digits given after a security-code cue or question ("and the 3 digits on the
 * back?" "123"), or right after an expiry in payment context ("04 27 123").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { patternRecognizer } from './pattern.js';

/**
 * A 3–4 digit group straight after an expiry (MM/YY, MM YY, MMYY) that starts a run of digits. The
 * digits come first and the look-behind checks the expiry before them (and them), so the engine
 * skips straight to digits.
 */
const AFTER_EXPIRY =
  /\d{3,4}(?<=(?:^|\n|\p{L} )(?:0?[1-9]|1[0-2])(?: ?[/-] ?| )?(?:20)?\d{2} \d{3,4})(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;

export const cardCvvRecognizer = patternRecognizer({
  name: 'card-cvv',
  type: 'CARD_CVV',
  patterns: [
    { name: 'digits', digits: [3, 4], score: 0.55 },
    { name: 'after-expiry', regex: AFTER_EXPIRY, score: 0.55, paymentIsContext: true },
  ],
  cues: ENTITY_CUES.CARD_CVV,
  requireContext: true,
});
