/**
 * BANK_ACCOUNT: 6–17 digits after an account-number cue or question (UK accounts are 8 digits),
 * or the last four naming an account ("the checking ending in 5538"): part of the number all the
 * same. A phone, utility or store account number is a look-alike, not a bank account.
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NON_BANK_ACCOUNT_CUES } from '../lexicon/negative-cues.js';
import { patternRecognizer } from './pattern.js';

/**
 * Four digits right after "(checking|savings|current|bank) (account) ending (in)": the look-behind
 * is the context. A bare "account ending" may be any company's account.
 */
const ACCOUNT_ENDING =
  /(?<=\b(?:checking|savings|current|bank|deposit)(?: account)? end(?:ing|s)(?: in| with)? )\d{4}(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;

export const bankAccountRecognizer = patternRecognizer({
  name: 'bank-account',
  type: 'BANK_ACCOUNT',
  patterns: [
    { name: 'digits', digits: [6, 17], score: 0.5 },
    { name: 'account ending', regex: ACCOUNT_ENDING, score: 0.8, requireContext: false },
  ],
  cues: ENTITY_CUES.BANK_ACCOUNT,
  negatives: [...NEGATIVE_CUES, ...NON_BANK_ACCOUNT_CUES],
  requireContext: true,
});
