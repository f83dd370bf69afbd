/**
 * PIN: 4–6 digits after a PIN cue or question ("what's the pin on the account" "4321"), or some of
 * its digits when a bank asks for only a few, by position ("the second is 7, the 5 is 3": the
 * normaliser leaves "first" to "third" as words and writes later ordinals as digits) or listed
 * after the positions were asked ("digits two, four and five?" "8, 0 and 3"), or a second go
 * after a wrong one ("that's not matching, try again" "6602") while PINs are the topic.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES, POSITION_REQUEST_CUES, RETRY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES, NEGATIVE_TRAIL } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { laterThanReadBack } from './read-back.js';
import { saidTwice } from './digits.js';
import { topicOpen } from './topic.js';
import { ViewRegex } from '../normalise/view-regex.js';

const POSITION = '(?:the )?(?:first|second|third|last|\\d{1,2}(?:st|nd|rd|th)?)(?: (?:digit|number|one|1))?';
/**
 * The digit given for a position, maybe as the word it sounds like (the normaliser reads "won" as 1
 * only between digits) and maybe corrected straight away ("fourth is won, sorry, one").
 */
const HOMOPHONE_DIGITS: ReadonlyMap<string, string> = new Map([
  ['won', '1'],
  ['to', '2'],
  ['too', '2'],
  ['for', '4'],
  ['fore', '4'],
  ['ate', '8'],
]);
const HOMOPHONE = `(?:${[...HOMOPHONE_DIGITS.keys()].join('|')})`;
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
/** A list of single digits only answers a request for some positions ("the first, the third and the sixth?"). */
function listAnswersPositions(window: MatchWindow, matched: string): boolean {
  return (
    !/^\d(?:,? (?:and )?\d)+$/.test(matched) ||
    window.leadInCue(positionsAsked) !== undefined ||
    window.promptCue(positionsAsked) !== undefined
  );
}

/** The digit given for each position, and its correction. */
const GIVEN_DIGIT = new RegExp(`(?:is|was|be|'s) (${GIVEN})(?: ${CORRECTION} (${GIVEN}))?`, 'giu');

/** The PIN digits said: those given by position (as corrected), else all of them. */
function pinDigits(matched: string): string {
  const given = Array.from(matched.matchAll(GIVEN_DIGIT), (match) => {
    const digit = (match[2] ?? match[1]!).toLowerCase();
    return HOMOPHONE_DIGITS.get(digit) ?? digit;
  }).join('');
  return given === '' ? matched.replace(/\D/g, '') : given;
}

/** How long (ms) after a PIN was asked for a retry still answers that question. */
const PIN_TOPIC_MS = 30_000;
const pinTopic = topicOpen('PIN', PIN_TOPIC_MS);
const retryCues = compileCues(RETRY_CUES);

function retriedPin(window: MatchWindow): string | undefined {
  return window.promptCue(retryCues) && pinTopic(window) ? 'pin-topic:retry' : undefined;
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
    { name: 'digit list', regex: DIGIT_LIST, score: 0.55 },
  ],
  cues: ENTITY_CUES.PIN,
  requireContext: true,
  negatives: [...NEGATIVE_CUES, ...YEAR_CUES],
  trailNegatives: KEYED_TRAIL,
  support: retriedPin,
  value: pinDigits,
  validate: (_value, window, matched) => listAnswersPositions(window, matched),
  // A read-back is the first number of the turn, not the bike or station number said after it.
  invalidate: (_value, window) => laterThanReadBack(window, pinCues),
});
