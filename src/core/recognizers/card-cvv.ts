/**
 * CARD_CVV: 3–4 digits given after a security-code cue or question ("and the 3 digits on the
 * back?" "123"), or right after an expiry in payment context ("04 27 123").
 */
import { compileCues } from '../context/cue-matcher.js';
import { BREAK_OFF_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import { cueUsedUp, endingRightBefore } from './card-last4.js';
import { expiryYears } from './card-expiry.js';
import { closingOh, HOMOPHONE, withHomophonesRead } from './digits.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { otherTypesCues } from './topic.js';
import { ViewRegex } from '../normalise/view-regex.js';
import { MONTH_NAME_PATTERN } from '../months.js';

/**
 * A 3–4 digit group straight after an expiry (MM/YY, MM YY, MMYY) that starts a run of digits: a
 * year a card could expire in, so "1193 5586" (the end of a card said again) is no expiry and code.
 * The digits come first and the look-behind checks the expiry before them (and them), so the
 * engine skips straight to digits.
 */
const AFTER_EXPIRY = new ViewRegex(
  `\\d{3,4}(?<=(?:^|\\n|\\p{L} )(?:0?[1-9]|1[0-2])(?: ?[/-] ?| )?(?:20)?${expiryYears()} \\d{3,4})(?![\\p{L}\\p{N}%]|[.,/:]\\p{N})`,
  'gu',
);

/**
 * A 3 digit code straight after an expiry said with the month's name ("february 28 946", as a
 * read-back runs them together); not a year ("march 27 2031" is a date).
 */
const AFTER_NAMED_EXPIRY = new ViewRegex(
  `\\d{3}(?<=(?:^|[^\\p{L}])${MONTH_NAME_PATTERN} (?:20)?${expiryYears()} \\d{3})(?![\\p{L}\\p{N}%]|[.,/:]\\p{N})`,
  'gu',
);

/** Words that end an answer in a mono file: the other party's thanks or next question. */
const NEXT_TALK = '(?:and|okay|ok|thanks|thank you|great|perfect|lovely|got it)';
/** Words after a number that make it a count or an amount ("2 to 4 business days"). */
const NOT_A_CODE =
  '(?:working|business|days?|weeks?|months?|years?|hours?|minutes?|mins?|seconds?|people|times?|of|percent|pounds?|dollars?|euros?)';
/**
 * Three digits with one written as the word it sounds like, which the normaliser leaves a word
 * where it could be a range or a preposition ("7 to 1", "oh for 1", "for 17", "62 too"): after a
 * security-code question they are the code. A digit, a homophone and a digit end the answer, maybe
 * before the other party's words in a mono file (else they may be a range: "2 to 4 business days"),
 * and no count or amount follows any of them.
 */
const WITH_HOMOPHONE = new ViewRegex(
  `(?<![\\p{L}\\p{N}'])(?:\\d ${HOMOPHONE} \\d(?=[.,?!]?(?:\\n|$| ${NEXT_TALK}\\b))|(?:oh|o) ${HOMOPHONE} \\d|${HOMOPHONE} \\d\\d|\\d\\d ${HOMOPHONE})(?![\\p{L}\\p{N}'%]|[.,/:]\\p{N}| ${NOT_A_CODE}\\b)`,
  'giu',
);

const codeCues = compileCues(ENTITY_CUES.CARD_CVV ?? []);
const breakOffCues = compileCues(BREAK_OFF_CUES);

/** A month and a year a card may expire in, said before the code ("… security code? 0427 123"). */
const EXPIRY = new RegExp(`^(?:0?[1-9]|1[0-2])(?:20)?${expiryYears()}$`);

/**
 * One code of 3–4 digits given after the lead-in's cue, not an expiry and not taken back ("the code
 * on the back 771, that went through … the 2009 model"): the cue named that code, not a number
 * said after it.
 */
function codeGiven(between: string): boolean {
  const said = /^\D*(\d{3,4})\D*$/.exec(between)?.[1];
  return said !== undefined && !EXPIRY.test(said) && !breakOffCues.test(between);
}

/**
 * Supported only by the speaker's own older question, digits the other party's answer did not
 * give ("the code on the back?" "771" "that went through, and it's the 2009 model?"): no read-back
 * of the code.
 */
function notTheCodeGiven(value: string, window: MatchWindow): boolean {
  if (window.leadInCue(codeCues) || window.promptCue(codeCues) || window.trailCue(codeCues)) return false;
  if (window.recallCue(codeCues) === undefined) return false;
  const given = window.prompt.replace(/\D/g, '');
  return given !== '' && !given.includes(value);
}

/** How long (ms) after a code was asked for a read-back of it may still be confirmed. */
const CONFIRM_MS = 30_000;
const otherItems = otherTypesCues('CARD_CVV');
const lookAlikes = compileCues(NEGATIVE_CUES);
/** Digits that end a text, maybe said in groups: what the other party just read back. */
const LAST_DIGITS = /\d+(?:[ -]\d+)*$/;

/**
 * The other party read a code back as a question ("sorry, was that 2 0 8?") and the answer says
 * it again to confirm ("208, yes"): said shortly after a code was asked for, and no other item
 * named in that read-back.
 */
function confirmsReadBack(window: MatchWindow, matched: string): string | undefined {
  const readBack = LAST_DIGITS.exec(window.prompt)?.[0].replace(/\D/g, '');
  if (
    readBack !== withHomophonesRead(matched) ||
    window.promptCue(otherItems) ||
    window.promptCue(lookAlikes)
  )
    return undefined;
  return window.topicRaised(codeCues, CONFIRM_MS) ? 'confirms-read-back' : undefined;
}

export const cardCvvRecognizer = patternRecognizer({
  name: 'card-cvv',
  type: 'CARD_CVV',
  patterns: [
    { name: 'digits', digits: [3, 4], score: 0.55 },
    { name: 'after-expiry', regex: AFTER_EXPIRY, score: 0.55, paymentIsContext: true },
    { name: 'after-named-expiry', regex: AFTER_NAMED_EXPIRY, score: 0.55, paymentIsContext: true },
    { name: 'with homophone', regex: WITH_HOMOPHONE, score: 0.5 },
    { name: 'closing oh', regex: closingOh(2, 3), score: 0.5 },
  ],
  value: withHomophonesRead,
  cues: ENTITY_CUES.CARD_CVV,
  requireContext: true,
  // Its cues are long ("the 4 digit code on the front of your amex"): in a mono file one may
  // straddle the default lead-in's start and the prompt's end, seen whole by neither.
  leadInWords: 12,
  support: confirmsReadBack,
  // "That's the card ending 0176?": a last four, whatever the question before was.
  invalidate: (value, window) =>
    endingRightBefore(window) ||
    cueUsedUp(window, codeCues, value, codeGiven) ||
    notTheCodeGiven(value, window),
});
