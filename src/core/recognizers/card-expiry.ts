/**
 * CARD_EXPIRY: a month and year after an expiry cue or question: `04/27`, `04-2027`, `0427`,
 * `04 27`, `0 8 29`, `427` ("four twenty seven"), `april 2027`, `april 27`, `next may`. The month must be 1–12.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { endingRightBefore } from './card-last4.js';
import { INLINE_BACKCHANNEL, saidTwice } from './digits.js';
import { patternRecognizer } from './pattern.js';
import { MONTH_NAME_PATTERN } from '../months.js';
import { ViewRegex } from '../normalise/view-regex.js';

/** Years a card in use may expire in, as two digits: from a few years back to well ahead. */
export function expiryYears(now = new Date().getUTCFullYear()): string {
  const years: string[] = [];
  for (let year = now - 5; year <= now + 15; year += 1) years.push(String(year % 100).padStart(2, '0'));
  return `(?:${years.join('|')})`;
}

/** A month, its digits maybe said apart ("0 8 29", "1 1/2 9"). */
const MONTH = '(?:(?:0 ?)?[1-9]|1 ?[0-2])';
const YEAR = '(?:20)?\\d{2}';
/** A year after a slash, its digits maybe said apart ("0 2/2 7"): the slash already marks a date. */
const YEAR_AFTER_SLASH = '(?:20)?\\d ?\\d';
/**
 * What may come between a month and its year: "month 08 year 27", the other party's question for
 * the year or back-channel a mono transcript leaves inline ("08 and the year 27", "08 mhm 27"). "of" only after a month of two digits ("08 of
 * 27"): "2 of 15" is a count.
 */
const BETWEEN = `(?:(?:and )?(?:the )?year(?: is)?|${INLINE_BACKCHANNEL})`;
/**
 * Not glued to other digits, and not part of a decimal, time or longer date. Every pattern starts
 * with a digit or a month name, which lets the regex engine skip straight to candidates (a leading
 * look-ahead would stop it doing so).
 */
const BEFORE = '(?<![\\p{L}\\p{N}$/.:-])';
const AFTER = '(?![\\p{L}\\p{N}%]|[/.:-]\\p{N})';

const regex = (source: string): ViewRegex => new ViewRegex(`${BEFORE}${source}${AFTER}`, 'giu');

/**
 * Documents that expire too: "when does the passport expire" is not a card expiry, nor is an expiry
 * said while a document, not a card, was the last talked about.
 */
const documents = compileCues([
  'passports?',
  "(driver'?s'?|driving) licen[cs]e",
  'licen[cs]e',
  'id card',
  'identity card',
  'visa (expiry|expiration|expires)',
  'residence permit',
]);
/** How long (ms) after a document was talked about an expiry may still be its own. */
const DOCUMENT_TOPIC_MS = 120_000;
const CARD_WORDS = ['card', 'cards', 'visa card', 'master ?card', 'amex', 'debit', 'credit'];
const cards = compileCues(CARD_WORDS);
/** A card talked about: its number, its brand, "credit or debit?". */
const cardTopic = compileCues([...(ENTITY_CUES.CREDIT_CARD ?? []), ...CARD_WORDS]);

/** A lead-in ending so gives a time, not a month and year. */
const AT_A_TIME = /\b(?:at|around|by)$/;

export const cardExpiryRecognizer = patternRecognizer({
  name: 'card-expiry',
  type: 'CARD_EXPIRY',
  patterns: [
    { name: 'mm/yy', regex: regex(`${MONTH} ?[/-] ?${YEAR_AFTER_SLASH}`), score: 0.6 },
    {
      name: 'mm yy',
      regex: regex(`(?:${MONTH} (?:${BETWEEN} )?|(?:0[1-9]|1[0-2]) of )${YEAR}`),
      score: 0.55,
    },
    { name: 'mmyy', regex: regex(`(?:0[1-9]|1[0-2])${YEAR}`), score: 0.55 },
    // The month asked for alone, then a year a card may run to in the caller's next turn, the
    // agent having asked for it between.
    {
      name: 'month, year',
      regex: regex(`(?:${MONTH}|${MONTH_NAME_PATTERN})\\n(?:20)?${expiryYears()}`),
      score: 0.55,
      validate: (_value, window) => /\bmonth\b/i.test(window.prompt),
    },
    // "0, 8, 2, 7": every digit said apart.
    { name: 'm m y y', regex: regex(`(?:0 [1-9]|1 [0-2]) \\d \\d`), score: 0.55 },
    // "08270827", "827827": the expiry and its read-back, which a mono transcript runs into one group.
    { name: 'mmyy twice', regex: regex(`((?:0?[1-9]|1[0-2])\\d{2})\\1`), score: 0.55 },
    { name: 'myy', regex: regex(`[1-9]\\d{2}`), score: 0.45 },
    { name: 'month yyyy', regex: regex(`${MONTH_NAME_PATTERN}(?: of)? ${YEAR}`), score: 0.55 },
    // "0 to 31": "oh two thirty one" with the month's digit written as the word it sounds like,
    // which the normaliser reads only after a spoken "oh" (see docs/normalisation.md).
    { name: '0 homophone yy', regex: regex(`0 (?:to|too|for) ${YEAR}`), score: 0.55 },
    // "next may": the month, and the year it falls in, said relative to now.
    {
      name: 'next month',
      regex: new ViewRegex(`(?<![\\p{L}])(?:next|this) ${MONTH_NAME_PATTERN}(?![\\p{L}\\p{N}])`, 'giu'),
      score: 0.55,
    },
  ],
  cues: ENTITY_CUES.CARD_EXPIRY,
  requireContext: true,
  value: (matched) => {
    const value = matched.trim().toLowerCase();
    return saidTwice(value) ? value.slice(0, value.length / 2) : value;
  },
  invalidate: (_value, window) => {
    // "the code expires at three fifteen": a time of day; "the one ending 0615": a last four.
    if (AT_A_TIME.test(window.leadIn) || endingRightBefore(window)) return true;
    const near = `${window.leadIn}\n${window.prompt}`;
    if (cards.test(near)) return false;
    if (documents.test(near)) return true;
    // "The passport numbers are noted" … "valid until march 2029": documents were talked about
    // after any card (its number, its brand).
    const document = window.topicSince(documents, DOCUMENT_TOPIC_MS);
    return document !== undefined && document > (window.topicSince(cardTopic, DOCUMENT_TOPIC_MS) ?? -1);
  },
});
