/** DRIVERS_LICENSE: an alphanumeric identifier of 5–16 characters after a licence cue or question. */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { DOCUMENT_DATE_CUES, NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import { alnumIds, compactId, idShape } from './ids.js';
import { patternRecognizer } from './pattern.js';

export const driversLicenseRecognizer = patternRecognizer({
  name: 'drivers-license',
  type: 'DRIVERS_LICENSE',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.DRIVERS_LICENSE,
  requireContext: true,
  // Its expiry or issue date is not its number.
  negatives: [...NEGATIVE_CUES, ...DOCUMENT_DATE_CUES],
  value: compactId,
  validate: idShape(5, 16),
});
