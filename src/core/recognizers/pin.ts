/**
 * PIN: 4–6 digits after a PIN cue or question ("what's the pin on the account" "4321"), or some of
 * its digits when a bank asks for only a few, by position ("the second is 7, the 5 is 3": the
 * normaliser leaves "first" to "third" as words and writes later ordinals as digits) or listed
 * after the positions were asked ("digits two, four and five?" "8, 0 and 3"), or a second go
 * after a wrong one ("that's not matching, try again" "6602") while PINs are the topic.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES, POSITION_REQUEST_CUES, RETRY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { topicOpen } from './topic.js';

const POSITION = '(?:the )?(?:first|second|third|last|\\d{1,2}(?:st|nd|rd|th)?)(?: (?:digit|number|one|1))?';
const DIGIT_AT = `${POSITION} (?:is|was|would be|'s) \\d`;
const BY_POSITION = new RegExp(
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

/** The digit given for each position. */
const GIVEN_DIGIT = /(?:is|was|be|'s) (\d)/g;

/** The PIN digits said: those given by position, else all of them. */
function pinDigits(matched: string): string {
  const given = Array.from(matched.matchAll(GIVEN_DIGIT), (match) => match[1]).join('');
  return given === '' ? matched.replace(/\D/g, '') : given;
}

/** How long (ms) after a PIN was asked for a retry still answers that question. */
const PIN_TOPIC_MS = 30_000;
const pinTopic = topicOpen('PIN', PIN_TOPIC_MS);
const retryCues = compileCues(RETRY_CUES);

function retriedPin(window: MatchWindow): string | undefined {
  return window.promptCue(retryCues) && pinTopic(window) ? 'pin-topic:retry' : undefined;
}

/** When a year is said, not a PIN: "I set it up back in 2019". */
const YEAR_CUES = ['since', 'back in', 'in the year', '(set|changed|made|opened|created) (it )?(up )?in'];

export const pinRecognizer = patternRecognizer({
  name: 'pin',
  type: 'PIN',
  patterns: [
    { name: 'digits', digits: [4, 6], score: 0.55 },
    { name: 'by position', regex: BY_POSITION, score: 0.55 },
    { name: 'digit list', regex: DIGIT_LIST, score: 0.55 },
  ],
  cues: ENTITY_CUES.PIN,
  requireContext: true,
  negatives: [...NEGATIVE_CUES, ...YEAR_CUES],
  support: retriedPin,
  value: pinDigits,
  validate: (_value, window, matched) => listAnswersPositions(window, matched),
});
