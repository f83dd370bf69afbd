/**
 * US_SSN_LAST4: four digits after "last 4 of my social" / "what's the last 4 of your ssn", or after
 * "just the last four is fine" when the social security number was asked for shortly before.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ENTITY_CUES, LAST_FOUR_CUES, SSN_TOPIC_CUES } from '../lexicon/entity-cues.js';
import { AFTER_LAST_FOUR } from './digits.js';
import { patternRecognizer } from './pattern.js';

/** How long (ms) after the SSN is named a bare "last four" still means its last four. */
const SSN_TOPIC_MS = 120_000;
const lastFour = compileCues(LAST_FOUR_CUES);
const ssnTopic = compileCues(SSN_TOPIC_CUES);

export const usSsnLast4Recognizer = patternRecognizer({
  name: 'us-ssn-last4',
  type: 'US_SSN_LAST4',
  patterns: [
    { name: 'digits', digits: [4, 4], score: 0.6 },
    { name: 'after last four', regex: AFTER_LAST_FOUR, score: 0.6 },
  ],
  cues: ENTITY_CUES.US_SSN_LAST4,
  requireContext: true,
  // "the last four of his social for the subscriber record": in a mono file the cue may start
  // more than the default lead-in's words before the digits.
  leadInWords: 12,
  support: (window) =>
    (window.promptCue(lastFour) ?? window.leadInCue(lastFour)) && window.topicRaised(ssnTopic, SSN_TOPIC_MS)
      ? 'ssn-topic:last-4'
      : undefined,
});
