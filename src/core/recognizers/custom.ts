/**
 * Custom entities from the policy: named regular expressions and word lists, with optional context
 * cues, built into pattern recognizers. Custom entities are taken as written: no default negative
 * context applies to them.
 */
import { HushError } from '../../errors.js';
import type { CustomEntity } from '../policy.js';
import type { PatternDef } from './pattern.js';
import { patternRecognizer } from './pattern.js';
import type { Recognizer } from './recognizer.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word or phrase as a whole-word pattern; spaces match any whitespace. */
function phraseSource(phrase: string): string {
  return phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
}

function compilePattern(entity: CustomEntity, source: string, index: number): RegExp {
  try {
    return new RegExp(source, 'gi');
  } catch {
    throw new HushError(
      'POLICY_INVALID',
      `custom entity ${entity.name}: patterns[${index}] is not a valid regular expression`,
    );
  }
}

export function customRecognizer(entity: CustomEntity): Recognizer {
  const patterns: PatternDef[] = entity.patterns.map((source, index) => ({
    name: `custom:${index}`,
    regex: compilePattern(entity, source, index),
    score: entity.score,
  }));
  const words = entity.words.filter((word) => word.trim() !== '');
  if (words.length > 0) {
    const alternatives = [...words].sort((a, b) => b.length - a.length).map(phraseSource);
    patterns.push({
      name: 'custom:words',
      regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
      score: entity.score,
    });
  }
  return patternRecognizer({
    name: `custom:${entity.name}`,
    type: entity.name,
    patterns,
    cues: entity.context.map((cue) => phraseSource(cue.toLowerCase())),
    cueBoost: 0,
    requireContext: entity.context.length > 0,
    negatives: [],
    trailNegatives: [],
  });
}

/** One recognizer per custom entity of the policy. */
export function customRecognizers(entities: readonly CustomEntity[]): Recognizer[] {
  return entities.map(customRecognizer);
}
