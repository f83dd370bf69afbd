/**
 * PIN: 4–6 digits after a PIN cue or question ("what's the pin on the account" "4321"), or some of
 * its digits when a bank asks for only a few, by position ("the second is 7, the 5 is 3": the
 * normaliser leaves "first" to "third" as words and writes later ordinals as digits) or listed
 * after the positions were asked ("digits two, four and five?" "8, 0 and 3"), or, while PINs are
 * the topic, a second go after a wrong one ("that's not matching, try again" "6602"), a bare
 * answer when nothing else was asked ("does my PIN carry over?" "yes, the one you set" "yeah, 0913"),
 * a new one set ("fine, make it 3318 then") or asked for ("and the new one?" "5120").
 */
import { compileCues } from '../context/cue-matcher.js';
import { BREAK_OFF_CUES, ENTITY_CUES, POSITION_REQUEST_CUES, RETRY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NEGATIVE_TRAIL } from '../lexicon/negative-cues.js';
import { PASSWORD_SET_PHRASES } from '../lexicon/password-cues.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { laterThanReadBack } from './read-back.js';
import { closingOh, digitsWithClosingOh, HOMOPHONE, HOMOPHONE_DIGITS, saidTwice } from './digits.js';
import { topicOpen } from './topic.js';
import { regexFor, ViewRegex } from '../normalise/view-regex.js';

const POSITION = '(?:the )?(?:first|second|third|last|\\d{1,2}(?:st|nd|rd|th)?)(?: (?:digit|number|one|1))?';
/**
 * The digit given for a position, maybe as the word it sounds like (the normaliser reads "won" as 1
 * only between digits) and maybe corrected straight away ("fourth is won, sorry, one").
 */
const GIVEN = `(?:\\d|${HOMOPHONE})`;
const CORRECTION = '(?:sorry|no|i mean|wait)';
/** A homophone only when corrected or ending the turn: "the first is to call" gives no digit. */
const GIVEN_AT = `(?:\\d(?: ${CORRECTION} ${GIVEN})?|${HOMOPHONE}(?: ${CORRECTION} ${GIVEN}|(?=\\n|$)))`;
const DIGIT_AT = `${POSITION} (?:is|was|would be|'s) ${GIVEN_AT}`;
const BY_POSITION = new ViewRegex(
  `(?<![\\p{L}\\p{N}])${DIGIT_AT}(?:,? (?:and )?${DIGIT_AT})*(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Single digits listed, as when a bank asks for some of them ("8, 0 and 3"). */
const DIGIT_LIST = /(?<![\p{L}\p{N}])\d(?:,? (?:and )?\d){1,5}(?![\p{L}\p{N}])/gu;
const positionsAsked = compileCues(POSITION_REQUEST_CUES);
/**
 * A list of single digits only answers a request for some positions ("the first, the third and the
 * sixth?"), unless it is as long as a whole PIN and no list of choices ("1, 9, 7, 3").
 */
function listAnswersPositions(window: MatchWindow, matched: string): boolean {
  return (
    !/^\d(?:,? (?:and )?\d)+$/.test(matched) ||
    /^\d(?: \d){3,5}$/.test(matched) ||
    window.leadInCue(positionsAsked) !== undefined ||
    window.promptCue(positionsAsked) !== undefined
  );
}

/** The digit given for each position, and its correction. */
const GIVEN_DIGIT = new ViewRegex(`(?:is|was|be|'s) (${GIVEN})(?: ${CORRECTION} (${GIVEN}))?`, 'giu');

/** The PIN digits said: those given by position (as corrected), else all of them (a last "oh" a zero). */
function pinDigits(matched: string): string {
  const given = Array.from(matched.matchAll(regexFor(GIVEN_DIGIT, matched)), (match) => {
    const digit = (match[2] ?? match[1]!).toLowerCase();
    return HOMOPHONE_DIGITS.get(digit) ?? digit;
  }).join('');
  if (given !== '') return given;
  return digitsWithClosingOh(matched);
}

/** How long (ms) after PINs were talked about a retry, a correction or a bare one still gives a PIN. */
const PIN_TOPIC_MS = 30_000;
const pinTopic = topicOpen('PIN', PIN_TOPIC_MS);
const retryCues = compileCues(RETRY_CUES);

/** A turn that is only the value, maybe after a yes: "Yeah, 5 3 0 7." */
const ONLY_ASSENT = /^(?:(?:yes|yeah|yep|yup|sure|okay|ok|so|it's|its|it is|that's|that is)\b,? ?)*$/;

/** A question of its own in the prompt ("how much would you like to send?"): a bare number answers that. */
const ASKS_SOMETHING = /\b(?:what|what's|whats|which|how|when|where|who|why)\b/;

/** The other party asks for a new one ("what should the new one be?", "pick a different one"): a new PIN. */
const NEW_ONE_ASKED = /\b(?:new|different|another) (?:one|1)\b/;

/**
 * The lead-in ends by naming a new one ("what would you like the new one to be" 4725, "the new one
 * is" 4725): the request a mono transcript runs into its answer, or the speaker's own new PIN.
 */
const NEW_ONE_RIGHT_BEFORE =
  /\b(?:new|different|another) (?:one|1) (?:is|be|to be|will be|would be|should be)$/;

/** A guess at the value ("maybe", "it might be the 6 digit one"): what follows is a PIN tried. */
const GUESS_BEFORE = /\b(?:maybe|might be|could be|probably|perhaps)(?: it's| it is)?(?: the \d digit one)?$/;

/** Words a speaker sets a value with ("make it", "let's go with"): what follows is the new PIN. */
const setPhrases = compileCues(PASSWORD_SET_PHRASES);

/** The lead-in ends with a set phrase: "fine, make it" 8 1 5 5. */
function setRightBefore(window: MatchWindow): boolean {
  const hit = window.leadInCue(setPhrases);
  return hit !== undefined && hit.end === window.leadIn.length;
}

const breakOffCues = compileCues(BREAK_OFF_CUES);

/** "4471, or maybe it's": another number offered in place of the one just said. */
const OR_ANOTHER = /\d\D*\bor\b/;

/**
 * The speaker takes a number back ("is it 4471? no wait, that's my alarm one, it's" 4417) or offers
 * another in its place ("4471, or maybe it's" 4417). The number taken back may lie out of the
 * lead-in's reach: the words breaking it off say enough.
 */
function correctsOwnNumber(window: MatchWindow): boolean {
  return window.leadInCue(breakOffCues) !== undefined || OR_ANOTHER.test(window.leadIn);
}

/**
 * While PINs are the topic: a retry after a wrong one, an answer to a request for a new one; or,
 * when nothing else was asked, a new one set ("fine, make it 8 1 5 5 then"), the speaker's own
 * number corrected, a guess, or a bare answer (the caller asked about their PIN, the agent said
 * "yes, the four digit one you chose", and the caller says it alone).
 */
function pinOnTopic(window: MatchWindow): string | undefined {
  if (!pinTopic(window)) return undefined;
  if (window.promptCue(retryCues)) return 'pin-topic:retry';
  if (NEW_ONE_ASKED.test(window.prompt) || NEW_ONE_RIGHT_BEFORE.test(window.leadIn))
    return 'pin-topic:new-one';
  if (ASKS_SOMETHING.test(window.prompt)) return undefined;
  if (setRightBefore(window)) return 'pin-topic:set';
  if (correctsOwnNumber(window)) return 'pin-topic:corrected';
  if (GUESS_BEFORE.test(window.leadIn)) return 'pin-topic:guess';
  return window.trail === '' && ONLY_ASSENT.test(window.leadIn) ? 'pin-topic:answer' : undefined;
}

/** A code keyed in ends with the pound (hash) key: "1 9 6 6 pound" is no price. */
const KEYED_TRAIL = [...NEGATIVE_TRAIL.filter((cue) => cue !== 'pounds?'), 'pounds'];

const pinCues = compileCues(ENTITY_CUES.PIN ?? []);

/** What may come between a PIN cue and a longer PIN: "your PIN is", "the new PIN will be". */
const LINK_TO_VALUE = /^(?: (?:is|was|it's|it is|will be|would be))?$/;

/** A PIN cue right before the digits: the speaker says what they are. */
function namedRightBefore(window: MatchWindow): boolean {
  const cue = window.leadInCue(pinCues);
  return cue !== undefined && LINK_TO_VALUE.test(window.leadIn.slice(cue.end));
}

/** When a year is said, not a PIN: "I set it up back in 2019". */
const YEAR_CUES = ['since', 'back in', 'in the year', '(set|changed|made|opened|created) (it )?(up )?in'];
const yearCues = compileCues(YEAR_CUES);
const YEAR = /^(?:19|20)\d\d$/;

/**
 * A year told in the speaker's own words ("had it since 2008"). Only a value shaped like a year: the
 * other party's "since" ("the door code, since the locks were changed?") is a conjunction.
 */
function saidAsYear(value: string, window: MatchWindow): boolean {
  return YEAR.test(value) && window.leadInCue(yearCues) !== undefined;
}

export const pinRecognizer = patternRecognizer({
  name: 'pin',
  type: 'PIN',
  patterns: [
    { name: 'digits', digits: [4, 6], score: 0.55 },
    // "Your PIN is 4077192385": a credit freeze's PIN is ten digits; named right before, it is no
    // phone. A short PIN and its read-back run together ("4826 4826") are left to the halves.
    {
      name: 'long digits',
      digits: [7, 10],
      score: 0.55,
      validate: (value, window) => namedRightBefore(window) && !saidTwice(value),
    },
    { name: 'by position', regex: BY_POSITION, score: 0.55 },
    // "3 7 8 oh thank you": the "oh" is its last zero (as a ZIP's).
    { name: 'closing oh', regex: closingOh(3, 5), score: 0.55 },
    { name: 'digit list', regex: DIGIT_LIST, score: 0.55 },
  ],
  cues: ENTITY_CUES.PIN,
  requireContext: true,
  negatives: NEGATIVE_CUES,
  trailNegatives: KEYED_TRAIL,
  support: pinOnTopic,
  value: pinDigits,
  validate: (_value, window, matched) => listAnswersPositions(window, matched),
  // A read-back is the first number of the turn, not the bike or station number said after it.
  invalidate: (value, window) => saidAsYear(value, window) || laterThanReadBack(window, pinCues),
});
