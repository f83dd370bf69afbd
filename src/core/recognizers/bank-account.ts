/**
 * BANK_ACCOUNT: 6–17 digits after an account-number cue or question (UK accounts are 8 digits).
 * A phone, utility or store account number is a look-alike, not a bank account.
 */
import { ENTITY_CUES, NEGATIVE_CUES, NON_BANK_ACCOUNT_CUES } from '../context/lexicon.js';
import { patternRecognizer } from './pattern.js';

export const bankAccountRecognizer = patternRecognizer({
  name: 'bank-account',
  type: 'BANK_ACCOUNT',
  patterns: [{ name: 'digits', digits: [6, 17], score: 0.5 }],
  cues: ENTITY_CUES.BANK_ACCOUNT,
  negatives: [...NEGATIVE_CUES, ...NON_BANK_ACCOUNT_CUES],
  requireContext: true,
});
