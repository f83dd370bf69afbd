/**
 * PASSPORT: a passport number after a passport cue or question: nine digits (US, UK), or letters
 * then digits (`C12345678`, `AB 1234567`).
 */
import { ENTITY_CUES } from '../context/lexicon.js';
import { alnumIds, compactId } from './ids.js';
import { patternRecognizer } from './pattern.js';

export const passportRecognizer = patternRecognizer({
  name: 'passport',
  type: 'PASSPORT',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.PASSPORT,
  requireContext: true,
  value: compactId,
  validate: (value) => /^(?:\d{8,9}|[A-Z]{1,2}\d{6,9}|[A-Z]\d{7,8}[A-Z]?)$/.test(value),
});
