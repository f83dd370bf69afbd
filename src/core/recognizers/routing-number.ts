/**
 * ROUTING_NUMBER: nine digits passing the ABA checksum, after a routing cue or question, given
 * right after a bank account number ("account 12345678 and 021000021"), or said soon after routing
 * numbers were talked about when nothing else is being asked for ("grab one of her paper cheques
 * and read me the first number on it" "021000021"). After an explicit routing cue nine digits count even when the checksum
 * fails, at a lower score: a misread digit breaks it, and the number is still sensitive.
 */
import { compileCues } from '../context/cue-matcher.js';
import { ALL_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { topicOpen } from './topic.js';
import { abaValid } from './validators/aba.js';

const accountCues = compileCues(ALL_ENTITY_CUES.BANK_ACCOUNT ?? []);
const routingCues = compileCues(ENTITY_CUES.ROUTING_NUMBER ?? []);
/** How long (ms) after routing numbers were talked about a bare valid one still reads as one. */
const ROUTING_TOPIC_MS = 60_000;
const routingTopic = topicOpen('ROUTING_NUMBER', ROUTING_TOPIC_MS);

/** Support beyond a cue: the account number was just given, or routing numbers are the topic. */
function laterRouting(window: MatchWindow, matched: string): string | undefined {
  const cue = accountCues.last(window.leadIn);
  if (cue !== undefined && /\d/.test(window.leadIn.slice(cue.end))) return 'after-account';
  return abaValid(matched.replace(/\D/g, '')) && routingTopic(window) ? 'routing-topic' : undefined;
}

/** A routing cue at hand: in the lead-in or the question. */
const routingNamed = (window: MatchWindow): boolean =>
  window.leadInCue(routingCues) !== undefined || window.promptCue(routingCues) !== undefined;

export const routingNumberRecognizer = patternRecognizer({
  name: 'routing-number',
  type: 'ROUTING_NUMBER',
  patterns: [
    { name: 'aba', digits: [9, 9], parts: true, score: 0.6, validate: abaValid },
    {
      name: 'aba-failed',
      digits: [9, 9],
      score: 0.35,
      validate: (value, window) => !abaValid(value) && routingNamed(window),
    },
  ],
  cues: ENTITY_CUES.ROUTING_NUMBER,
  requireContext: true,
  support: laterRouting,
});
