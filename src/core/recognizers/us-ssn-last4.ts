/** US_SSN_LAST4: four digits after "last 4 of my social" / "what's the last 4 of your ssn". */
import { ENTITY_CUES } from '../context/lexicon.js';
import { patternRecognizer } from './pattern.js';

export const usSsnLast4Recognizer = patternRecognizer({
  name: 'us-ssn-last4',
  type: 'US_SSN_LAST4',
  patterns: [{ name: 'digits', digits: [4, 4], score: 0.6 }],
  cues: ENTITY_CUES.US_SSN_LAST4,
  requireContext: true,
});
