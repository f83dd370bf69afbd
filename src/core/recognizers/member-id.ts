/**
 * MEMBER_ID (PHI): a member, subscriber, Medicare, NHS or health-plan identifier, or the number of
 * any scheme's member (loyalty, rewards, frequent-flyer, club: "your Harbor Club number", a number
 * taken "so the points post"), alphanumeric, 6–15 characters, after such a cue or question; after
 * "policy number", "insurance number" or "the ID on the card" in a call about health cover
 * (elsewhere a policy number is a motor or home policy's reference); a bare ID given soon after
 * member IDs were asked for, when nothing else is being asked for; or confirmed a few turns later,
 * after the other party read its start back ("sorry, was that ZKM 402?" "yes, ZKM 40297713").
 */
import { compileCues } from '../context/cue-matcher.js';
import { DOMAIN_CUES, DOMAIN_ENTITY_CUES, ENTITY_CUES } from '../lexicon/entity-cues.js';
import { NEGATIVE_CUES } from '../lexicon/negative-cues.js';
import {
  afterFalseStart,
  alnumIds,
  bareIdOnTopic,
  compactId,
  ID_TOPIC_MS,
  idShape,
  namedAsOtherKind,
} from './ids.js';
import type { MatchWindow } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import { topicOpen } from './topic.js';

const memberTopic = topicOpen('MEMBER_ID', ID_TOPIC_MS);

/** Shortest start of the ID the other party's read-back must hold. */
const MIN_ECHO_CHARS = 4;

/** A plan's group number and pharmacy codes are printed beside the member ID, and are not personal. */
const CARD_NEIGHBOURS = ['group( number| no| id)?', 'rx ?(bin|pcn|group)', 'pcn'];
const MEMBER_NEGATIVES = [...NEGATIVE_CUES, ...CARD_NEIGHBOURS];
const bareMemberId = bareIdOnTopic('MEMBER_ID', MEMBER_NEGATIVES, 'member-topic');
const cardNeighbours = compileCues(CARD_NEIGHBOURS);
const otherKind = namedAsOtherKind([...(ENTITY_CUES.MEMBER_ID ?? []), ...DOMAIN_ENTITY_CUES.MEMBER_ID]);

/** A card neighbour's name read out as letters at the run's start ("RX BIN 003858"): that code, not the ID. */
const namedInside = (matched: string): boolean => cardNeighbours.leading(matched.toLowerCase()) !== undefined;

/** The ID without a false start ("RT 4, RT 4409172" → "RT4409172"). */
const memberValue = (matched: string): string => compactId(afterFalseStart(matched));

/**
 * Support while member IDs are the topic: the ID, its start just read back by the other party (a
 * whole echo is their read-back being answered, not a correction); or a bare ID shaped like one.
 */
function laterMemberId(window: MatchWindow, matched: string): string | undefined {
  const value = memberValue(matched);
  const lower = value.toLowerCase();
  const prompt = window.prompt.replace(/[^a-z\d]/g, '');
  const echoed =
    lower.length > MIN_ECHO_CHARS &&
    prompt.includes(lower.slice(0, MIN_ECHO_CHARS)) &&
    !prompt.includes(lower);
  if (echoed && memberTopic(window)) return 'member-topic:read-back';
  return bareMemberId(window, value);
}

export const memberIdRecognizer = patternRecognizer({
  name: 'member-id',
  type: 'MEMBER_ID',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.MEMBER_ID,
  domain: { cues: DOMAIN_ENTITY_CUES.MEMBER_ID, words: DOMAIN_CUES.MEMBER_ID },
  negatives: MEMBER_NEGATIVES,
  requireContext: true,
  support: laterMemberId,
  value: memberValue,
  validate: idShape(6, 15),
  invalidate: (value, window, matched) => namedInside(matched) || otherKind(value, window),
});
