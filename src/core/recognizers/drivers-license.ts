/**
 * DRIVERS_LICENSE: an alphanumeric identifier of 5–16 characters after a licence cue or question,
 * its last four after "ending in", or a bare one shaped like a licence given soon after the licence
 * was asked for ("your licence number?" "one second, it is in the car … okay here it is, W 440219773").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { DOCUMENT_DATE_CUES, NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import { alnumIds, bareIdOnTopic, compactId, idShape, namedAsOtherKind } from './ids.js';
import { patternRecognizer } from './pattern.js';

// Its expiry or issue date is not its number.
const LICENCE_NEGATIVES = [...NEGATIVE_CUES, ...DOCUMENT_DATE_CUES];
const bareLicence = bareIdOnTopic('DRIVERS_LICENSE', LICENCE_NEGATIVES, 'licence-topic');

export const driversLicenseRecognizer = patternRecognizer({
  name: 'drivers-license',
  type: 'DRIVERS_LICENSE',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.DRIVERS_LICENSE,
  requireContext: true,
  negatives: LICENCE_NEGATIVES,
  support: (window, matched) => bareLicence(window, compactId(matched)),
  value: compactId,
  validate: idShape(5, 16),
  invalidate: namedAsOtherKind(ENTITY_CUES.DRIVERS_LICENSE),
});
