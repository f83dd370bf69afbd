/**
 * BANK_ACCOUNT: 6–17 digits after an account-number cue or question (UK accounts are 8 digits),
 * or the last four naming an account ("the checking ending in 5538", "which account do you want to use?"
 * "savings please, it ends in 3309"): part of the number all the same. "Account number" alone names a bank account only
 * where banking is talked about: a phone, utility or store account number is a look-alike. There,
 * "account" said right before the digits names them too ("sort code 07 04 36, account 55093481"),
 * and so does "ends in" while accounts, not cards, are the topic ("the old one on file ended 6618").
 */
import { compileCues } from '../context/cue-matcher.js';
import { DOMAIN_CUES, DOMAIN_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NON_BANK_ACCOUNT_CUES } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { endingRightBefore } from './card-last4.js';
import { domainSaid, patternRecognizer } from './pattern.js';

/**
 * Four digits right after "(checking|savings|current|bank) (account) ending (in)": the look-behind
 * is the context.
 */
const ACCOUNT_ENDING =
  /(?<=\b(?:checking|savings|current|bank|deposit)(?: account)? end(?:ing|s|ed)(?: in| with)? )\d{4}(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;
/**
 * Four digits right after "ending (in)", "ends in" or "ended": an account's last four when an account cue
 * supports them ("which account do you want to use?" "savings please, it ends in
 * 3309"; "the old account ending 6620" where banking is talked about).
 */
const ENDING = /(?<=\bend(?:ing|s|ed)(?: in| with)? )\d{4}(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;

const bankingWords = compileCues(DOMAIN_CUES.BANK_ACCOUNT);
/** "account" (or "account number") as the last words before the digits. */
const ACCOUNT_RIGHT_BEFORE = /\baccount(?: number)?$/;
/** How long (ms) after an account was talked about "ended 6618" still points at it. */
const ACCOUNT_TOPIC_MS = 60_000;
const accountTopic = compileCues([...(ENTITY_CUES.BANK_ACCOUNT ?? []), ...DOMAIN_ENTITY_CUES.BANK_ACCOUNT]);
const cardTopic = compileCues([...(ENTITY_CUES.CREDIT_CARD ?? []), 'cards?', 'debit', 'credit']);

/** Support where banking is talked about: "account" right before the digits, or an ending while accounts are the topic. */
function accountNamed(window: MatchWindow, matched: string): string | undefined {
  const named = ACCOUNT_RIGHT_BEFORE.test(window.leadIn);
  const ending = !named && /^\d{4}$/.test(matched) && endingRightBefore(window);
  if (!named && !ending) return undefined;
  if (!domainSaid(window, bankingWords)) return undefined;
  if (named) return 'account-named';
  const account = window.topicSince(accountTopic, ACCOUNT_TOPIC_MS);
  const card = window.topicSince(cardTopic, ACCOUNT_TOPIC_MS);
  return account !== undefined && (card === undefined || card < account) ? 'account-topic' : undefined;
}

export const bankAccountRecognizer = patternRecognizer({
  name: 'bank-account',
  type: 'BANK_ACCOUNT',
  patterns: [
    { name: 'digits', digits: [6, 17], score: 0.5 },
    { name: 'account ending', regex: ACCOUNT_ENDING, score: 0.8, requireContext: false },
    { name: 'ending', regex: ENDING, score: 0.5 },
  ],
  cues: ENTITY_CUES.BANK_ACCOUNT,
  domain: { cues: DOMAIN_ENTITY_CUES.BANK_ACCOUNT, words: DOMAIN_CUES.BANK_ACCOUNT },
  negatives: [...NEGATIVE_CUES, ...NON_BANK_ACCOUNT_CUES],
  requireContext: true,
  support: accountNamed,
});
