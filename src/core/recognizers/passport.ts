/**
 * PASSPORT: a passport number after a passport cue or question, of one of the shapes in SHAPE.
 * Later in a call about passports, a bare nine-digit number counts too when nothing else is being
 * asked for ("and your daughter's?" "559018226").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { DOCUMENT_DATE_CUES, NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import { afterFalseStart, alnumIds, bareIdOnTopic, compactId, namedAsOtherKind } from './ids.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { topicOpen } from './topic.js';

/**
 * Nine digits (US, UK), letters then digits (`C12345678`, `AB 1234567`), or the nine letters and
 * digits mixed that many EU passports have (German `C01X00T47`, French `12AB34567`, Dutch
 * `NPFH7KL83`, Spanish `AAB123456`).
 */
const SHAPE = /^(?:\d{8,9}|[A-Z]{1,2}\d{6,9}|[A-Z]\d{7,8}[A-Z]?|(?=[A-Z]*\d)[A-Z\d]{8,9})$/;
/** How long (ms) after passports were discussed a bare nine-digit number still reads as one. */
const PASSPORT_TOPIC_MS = 300_000;
const passportTopic = topicOpen('PASSPORT', PASSPORT_TOPIC_MS);
// Its expiry or issue date is not its number.
const PASSPORT_NEGATIVES = [...NEGATIVE_CUES, ...DOCUMENT_DATE_CUES];
const barePassport = bareIdOnTopic('PASSPORT', PASSPORT_NEGATIVES, 'passport-topic');

/** The value as said, or after a false start when only that has a passport's shape. */
function passportValue(matched: string): string {
  const whole = compactId(matched);
  return SHAPE.test(whole) ? whole : compactId(afterFalseStart(matched));
}

/**
 * A bare nine-digit number while passports are the topic; or one with letters given soon after
 * passports were named ("the new one is … A 03944187"), as a mono file leaves the question in the
 * same turn, out of the lead-in's reach.
 */
function laterPassport(window: MatchWindow, matched: string): string | undefined {
  const value = passportValue(matched);
  if (/^\d{9}$/.test(value)) return passportTopic(window) ? 'passport-topic' : undefined;
  return barePassport(window, value);
}

export const passportRecognizer = patternRecognizer({
  name: 'passport',
  type: 'PASSPORT',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.PASSPORT,
  requireContext: true,
  support: laterPassport,
  negatives: PASSPORT_NEGATIVES,
  value: passportValue,
  validate: (value) => SHAPE.test(value),
  invalidate: namedAsOtherKind(ENTITY_CUES.PASSPORT),
});
