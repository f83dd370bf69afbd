/** BANK_ACCOUNT: 6–17 digits after an account-number cue or question (UK accounts are 8 digits). */
import { ENTITY_CUES } from '../context/lexicon.js';
import { patternRecognizer } from './pattern.js';

export const bankAccountRecognizer = patternRecognizer({
  name: 'bank-account',
  type: 'BANK_ACCOUNT',
  patterns: [{ name: 'digits', digits: [6, 17], score: 0.5 }],
  cues: ENTITY_CUES.BANK_ACCOUNT,
  requireContext: true,
});
