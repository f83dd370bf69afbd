/**
 * PASSPORT: a passport number after a passport cue or question, of one of the shapes in SHAPE.
 * Later in a call about passports, a bare nine-digit number counts too when nothing else is being
 * asked for ("and your daughter's?" "559018226").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import {
  afterFalseStart,
  alnumIds,
  bareIdOnTopic,
  compactId,
  documentDate,
  namedAsOtherKind,
} from './ids.js';
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
const barePassport = bareIdOnTopic('PASSPORT', NEGATIVE_CUES, 'passport-topic');
// Its expiry or issue date is not its number; nor is another kind of number.
const expiryDate = documentDate(ENTITY_CUES.PASSPORT);
const otherKind = namedAsOtherKind(ENTITY_CUES.PASSPORT);

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
  negatives: NEGATIVE_CUES,
  value: passportValue,
  validate: (value) => SHAPE.test(value),
  invalidate: (value, window) => expiryDate(value, window) || otherKind(value, window),
});
