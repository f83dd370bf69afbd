/**
 * CARD_CVV: 3–4 digits given after a security-code cue or question ("and the 3 digits on the
 * back?" "123"), or right after an expiry in payment context ("04 27 123").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { endingRightBefore } from './card-last4.js';
import { patternRecognizer } from './pattern.js';
import { ViewRegex } from '../normalise/view-regex.js';

/** Years a card in use may expire in, as two digits: from a few years back to well ahead. */
function expiryYears(now = new Date().getUTCFullYear()): string {
  const years: string[] = [];
  for (let year = now - 5; year <= now + 15; year += 1) years.push(String(year % 100).padStart(2, '0'));
  return `(?:${years.join('|')})`;
}

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

export const cardCvvRecognizer = patternRecognizer({
  name: 'card-cvv',
  type: 'CARD_CVV',
  patterns: [
    { name: 'digits', digits: [3, 4], score: 0.55 },
    { name: 'after-expiry', regex: AFTER_EXPIRY, score: 0.55, paymentIsContext: true },
  ],
  cues: ENTITY_CUES.CARD_CVV,
  requireContext: true,
  // "That's the card ending 0176?": a last four, whatever the question before was.
  invalidate: (_value, window) => endingRightBefore(window),
});
