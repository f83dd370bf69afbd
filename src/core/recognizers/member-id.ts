/**
 * MEMBER_ID (PHI): a member, policy, subscriber, insurance, Medicare or health-plan identifier,
 * alphanumeric, 6–15 characters, after such a cue or question.
 */
import { ENTITY_CUES } from '../context/lexicon.js';
import { alnumIds, compactId, idShape } from './ids.js';
import { patternRecognizer } from './pattern.js';

export const memberIdRecognizer = patternRecognizer({
  name: 'member-id',
  type: 'MEMBER_ID',
  patterns: [{ name: 'alnum', find: alnumIds, score: 0.55 }],
  cues: ENTITY_CUES.MEMBER_ID,
  requireContext: true,
  value: compactId,
  validate: idShape(6, 15),
});
