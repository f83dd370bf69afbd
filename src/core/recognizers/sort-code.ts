/** SORT_CODE: a UK bank sort code, six digits (12-34-56, 12 34 56, 123456) after a sort-code cue. */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { patternRecognizer } from './pattern.js';

export const sortCodeRecognizer = patternRecognizer({
  name: 'sort-code',
  type: 'SORT_CODE',
  patterns: [{ name: 'digits', digits: [6, 6], score: 0.55 }],
  cues: ENTITY_CUES.SORT_CODE,
  requireContext: true,
});
