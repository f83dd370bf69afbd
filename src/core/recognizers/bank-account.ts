/**
 * BANK_ACCOUNT: 6–17 digits after an account-number cue or question (UK accounts are 8 digits),
 * or the last four naming an account ("the checking ending in 5538", "which account do you want to use?"
 * "savings please, it ends in 3309"): part of the number all the same. "Account number" alone names a bank account only
 * where banking is talked about: a phone, utility or store account number is a look-alike. There,
 * "account" said right before the digits names them too ("sort code 07 04 36, account 55093481"),
 * and so does "ends in" while accounts, not cards, are the topic ("the old one on file ended 6618")
 * or the question names an account.
 * Eight digits soon after a sort code are the account that goes with it.
 */
import { compileCues } from '../context/cue-matcher.js';
import { DOMAIN_CUES, DOMAIN_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NON_BANK_ACCOUNT_CUES } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { endingRightBefore } from './card-last4.js';
import { saidTwice } from './digits.js';
import { domainSaid, patternRecognizer } from './pattern.js';
import { otherTypesCues } from './topic.js';

/**
 * Four digits right after "(checking|savings|current|bank) (account) ending (in)": the look-behind
 * is the context.
 */
const ACCOUNT_ENDING =
  /(?<=\b(?:checking|savings|current|bank|deposit)(?: account)? end(?:ing|s|ed)(?: in| with)? )\d{4}(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;
/**
 * Four digits right after "ending (in)", "ends in", "end in" or "ended": an account's last four when an account cue
 * supports them ("which account do you want to use?" "savings please, it ends in
 * 3309"; "the old account ending 6620" where banking is talked about).
 */
const ENDING = /(?<=\bend(?:(?:ing|s|ed)(?: in| with)?| in| with) )\d{4}(?![\p{L}\p{N}%]|[.,/:]\p{N})/gu;

const bankingWords = compileCues(DOMAIN_CUES.BANK_ACCOUNT);
/** "account" (or "account number") as the last words before the digits. */
const ACCOUNT_RIGHT_BEFORE = /\baccount(?: number)?$/;
/** How long (ms) after an account was talked about "ended 6618" still points at it. */
const ACCOUNT_TOPIC_MS = 60_000;
const accountTopic = compileCues([...(ENTITY_CUES.BANK_ACCOUNT ?? []), ...DOMAIN_ENTITY_CUES.BANK_ACCOUNT]);
const cardTopic = compileCues([...(ENTITY_CUES.CREDIT_CARD ?? []), 'cards?', 'debit', 'credit']);
/** An account named in the question, however it is described ("the old account", "that account"). */
const anyAccount = compileCues(['accounts?']);

/** UK account numbers have 8 digits. */
const UK_ACCOUNT_DIGITS = 8;
/** How long (ms) after a sort code was talked about an account number may follow it unnamed. */
const SORT_CODE_PAIR_MS = 30_000;
const sortCodeCues = compileCues(ENTITY_CUES.SORT_CODE ?? []);
const otherCues = otherTypesCues('BANK_ACCOUNT');
/** Nothing but "is", "number" and the like between a cue and the digits: the cue names them. */
const NAMES_THEM = /^(?: (?:is|was|it's|it is|that's|number|no))*$/;

/**
 * Eight digits soon after a sort code: a UK account number goes with it, however the caller
 * leads in ("and the number, …"), unless another item is asked for or named right before.
 */
function pairedWithSortCode(window: MatchWindow, matched: string): boolean {
  // Said twice: a mono transcript runs the number and its read-back together.
  const digits = matched.replace(/\D/g, '');
  const once = saidTwice(digits) ? digits.slice(0, digits.length / 2) : digits;
  if (once.length !== UK_ACCOUNT_DIGITS) return false;
  if (!window.topicRaised(sortCodeCues, SORT_CODE_PAIR_MS) || window.promptCue(otherCues)) return false;
  const named = window.leadInCue(otherCues);
  return named === undefined || !NAMES_THEM.test(window.leadIn.slice(named.end));
}

/** Support where banking is talked about: "account" right before the digits, or an ending while accounts are the topic. */
function accountNamed(window: MatchWindow, matched: string): string | undefined {
  if (pairedWithSortCode(window, matched)) return 'after-sort-code';
  const named = ACCOUNT_RIGHT_BEFORE.test(window.leadIn);
  const ending = !named && /^\d{4}$/.test(matched) && endingRightBefore(window);
  if (!named && !ending) return undefined;
  if (!domainSaid(window, bankingWords)) return undefined;
  if (named) return 'account-named';
  const account = window.topicSince(accountTopic, ACCOUNT_TOPIC_MS);
  const card = window.topicSince(cardTopic, ACCOUNT_TOPIC_MS);
  if (account !== undefined && (card === undefined || card < account)) return 'account-topic';
  return accountAsked(window) ? 'account-asked' : undefined;
}

/**
 * The question names an account after any card ("which account is it, just the last four"
 * "it ends 4410"): the ending is that account's, however the account was described.
 */
function accountAsked(window: MatchWindow): boolean {
  const account = window.promptCue(anyAccount);
  const card = window.promptCue(cardTopic);
  return account !== undefined && (card === undefined || card.end < account.end);
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
