/** PIN: 4–6 digits after a PIN cue or question ("what's the pin on the account" "4321"). */
import { ENTITY_CUES } from '../context/lexicon.js';
import { patternRecognizer } from './pattern.js';

export const pinRecognizer = patternRecognizer({
  name: 'pin',
  type: 'PIN',
  patterns: [{ name: 'digits', digits: [4, 6], score: 0.55 }],
  cues: ENTITY_CUES.PIN,
  requireContext: true,
});
