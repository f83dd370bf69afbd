/**
 * US_SSN: nine digits (3-2-4 or however spoken) after a social-security cue or question, or in the
 * 3-2-4 grouping while socials are the topic, or the dashed written form 123-45-6789 on its own.
 * Area 000, 666 and 9xx, group 00 and serial 0000 are not issued.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { closingOh, digitsWithClosingOh } from './digits.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { ssnValid } from './validators/ssn.js';

const DASHED = /(?<![\p{L}\p{N}$/.:-])\d{3}-\d{2}-\d{4}(?![\p{L}\p{N}%]|[/.:-]\p{N})/gu;

/** Nine digits in the social security number's own 3-2-4 grouping ("604 29 1183"). */
const SSN_GROUPED = /^\d{3}[ -]\d{2}[ -]\d{4}$/;
/** How long (ms) after socials were talked about a number in their grouping still gives one. */
const SSN_TOPIC_MS = 60_000;
const ssnCues = compileCues(ENTITY_CUES.US_SSN ?? []);

/** Said in the 3-2-4 grouping while socials are the topic ("and your husband's?" "604 29 1183"). */
function groupedOnTopic(window: MatchWindow, matched: string): string | undefined {
  return SSN_GROUPED.test(matched) && window.topicRaised(ssnCues, SSN_TOPIC_MS)
    ? 'ssn-topic:3-2-4'
    : undefined;
}

export const usSsnRecognizer = patternRecognizer({
  name: 'us-ssn',
  type: 'US_SSN',
  patterns: [
    { name: 'dashed', regex: DASHED, score: 0.6 },
    { name: 'digits', digits: [9, 9], score: 0.55, requireContext: true, parts: true },
    { name: 'closing oh', regex: closingOh(8, 8), score: 0.55, requireContext: true },
  ],
  cues: ENTITY_CUES.US_SSN,
  value: digitsWithClosingOh,
  support: groupedOnTopic,
  validate: (value) => ssnValid(value),
});
