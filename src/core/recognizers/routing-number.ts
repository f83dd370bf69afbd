/**
 * ROUTING_NUMBER: nine digits passing the ABA checksum, after a routing cue or question, or given
 * right after a bank account number ("account 12345678 and 021000021").
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { abaValid } from './validators/aba.js';

const accountCues = compileCues(ENTITY_CUES.BANK_ACCOUNT ?? []);

/** An account cue followed by digits in the lead-in: the account number was just given. */
function afterAccount(window: MatchWindow): string | undefined {
  const cue = accountCues.last(window.leadIn);
  return cue !== undefined && /\d/.test(window.leadIn.slice(cue.end)) ? 'after-account' : undefined;
}

export const routingNumberRecognizer = patternRecognizer({
  name: 'routing-number',
  type: 'ROUTING_NUMBER',
  patterns: [{ name: 'aba', digits: [9, 9], parts: true, score: 0.6 }],
  cues: ENTITY_CUES.ROUTING_NUMBER,
  requireContext: true,
  support: afterAccount,
  validate: (value) => abaValid(value),
});
