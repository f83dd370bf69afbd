/**
 * PIN: 4–6 digits after a PIN cue or question ("what's the pin on the account" "4321"), or some of
 * its digits by position when a bank asks for only a few ("the second is 7, the 5 is 3": the
 * normaliser leaves "first" to "third" as words and writes later ordinals as digits).
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { patternRecognizer } from './pattern.js';

const POSITION = '(?:the )?(?:first|second|third|last|\\d{1,2}(?:st|nd|rd|th)?)(?: (?:digit|number|one|1))?';
const DIGIT_AT = `${POSITION} (?:is|was|would be|'s) \\d`;
const BY_POSITION = new RegExp(
  `(?<![\\p{L}\\p{N}])${DIGIT_AT}(?:,? (?:and )?${DIGIT_AT})*(?![\\p{L}\\p{N}])`,
  'giu',
);
/** The digit given for each position. */
const GIVEN_DIGIT = /(?:is|was|be|'s) (\d)/g;

/** The PIN digits said: those given by position, else all of them. */
function pinDigits(matched: string): string {
  const given = Array.from(matched.matchAll(GIVEN_DIGIT), (match) => match[1]).join('');
  return given === '' ? matched.replace(/\D/g, '') : given;
}

export const pinRecognizer = patternRecognizer({
  name: 'pin',
  type: 'PIN',
  patterns: [
    { name: 'digits', digits: [4, 6], score: 0.55 },
    { name: 'by position', regex: BY_POSITION, score: 0.55 },
  ],
  cues: ENTITY_CUES.PIN,
  requireContext: true,
  value: pinDigits,
});
