/**
 * PASSPORT: a passport number after a passport cue or question: nine digits (US, UK), or letters
 * then digits (`C12345678`, `AB 1234567`).
 */
import { DOCUMENT_DATE_CUES, ENTITY_CUES, NEGATIVE_CUES } from '../context/lexicon.js';
import { alnumIds, compactId } from './ids.js';
import { patternRecognizer } from './pattern.js';

export const passportRecognizer = patternRecognizer({
  name: 'passport',
  type: 'PASSPORT',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.PASSPORT,
  requireContext: true,
  // Its expiry or issue date is not its number.
  negatives: [...NEGATIVE_CUES, ...DOCUMENT_DATE_CUES],
  value: compactId,
  validate: (value) => /^(?:\d{8,9}|[A-Z]{1,2}\d{6,9}|[A-Z]\d{7,8}[A-Z]?)$/.test(value),
});
