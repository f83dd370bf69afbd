/**
 * US_SSN: nine digits (3-2-4 or however spoken) after a social-security cue or question, or the
 * dashed written form 123-45-6789 on its own. Area 000, 666 and 9xx, group 00 and serial 0000 are
 * not issued.
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { closingOh, digitsWithClosingOh } from './digits.js';
import { patternRecognizer } from './pattern.js';
import { ssnValid } from './validators/ssn.js';

const DASHED = /(?<![\p{L}\p{N}$/.:-])\d{3}-\d{2}-\d{4}(?![\p{L}\p{N}%]|[/.:-]\p{N})/gu;

export const usSsnRecognizer = patternRecognizer({
  name: 'us-ssn',
  type: 'US_SSN',
  patterns: [
    { name: 'dashed', regex: DASHED, score: 0.6 },
    { name: 'digits', digits: [9, 9], score: 0.55, requireContext: true, parts: true },
    { name: 'closing oh', regex: closingOh(8, 8), score: 0.55, requireContext: true },
  ],
  cues: ENTITY_CUES.US_SSN,
  value: digitsWithClosingOh,
  validate: (value) => ssnValid(value),
});
