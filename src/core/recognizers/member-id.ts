/**
 * MEMBER_ID (PHI): a member, policy, subscriber, insurance, Medicare or health-plan identifier,
 * alphanumeric, 6–15 characters, after such a cue or question; or confirmed a few turns later,
 * after the other party read its start back ("sorry, was that ZKM 402?" "yes, ZKM 40297713").
 */
import { ENTITY_CUES } from '../lexicon/entity-cues.js';
import { alnumIds, compactId, idShape } from './ids.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { topicOpen } from './topic.js';

/** How long (ms) after member IDs were asked for a confirmed ID still reads as one. */
const MEMBER_TOPIC_MS = 60_000;
const memberTopic = topicOpen('MEMBER_ID', MEMBER_TOPIC_MS);

/** Shortest start of the ID the other party's read-back must hold. */
const MIN_ECHO_CHARS = 4;

/**
 * The ID, only its start just read back by the other party (a whole echo is their read-back being
 * answered, not a correction), while member IDs are the topic.
 */
function laterMemberId(window: MatchWindow, matched: string): string | undefined {
  const value = compactId(matched).toLowerCase();
  const prompt = window.prompt.replace(/[^a-z\d]/g, '');
  const echoed =
    value.length > MIN_ECHO_CHARS &&
    prompt.includes(value.slice(0, MIN_ECHO_CHARS)) &&
    !prompt.includes(value);
  return echoed && memberTopic(window) ? 'member-topic:read-back' : undefined;
}

export const memberIdRecognizer = patternRecognizer({
  name: 'member-id',
  type: 'MEMBER_ID',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.MEMBER_ID,
  requireContext: true,
  support: laterMemberId,
  value: compactId,
  validate: idShape(6, 15),
});
