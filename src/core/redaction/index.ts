/**
 * Text redaction: one word edit per entity part, its replacement made by the operator the policy
 * picks for the entity's type (`redaction.styleByType`, else `redaction.style`).
 */
import type { Detection, Entity, EntityPart } from '../detection.js';
import type { Policy, RedactionStyle } from '../policy.js';
import type { WordEdit } from './word-edit.js';
import { custom } from './custom.js';
import { hash } from './hash.js';
import { label } from './label.js';
import { mask } from './mask.js';

export { MIN_HASH_KEY_BYTES } from './hash.js';

export interface WordEditOptions {
  /** Secret key for the `hash` style. */
  hashKey?: Uint8Array;
}

/** The style a policy applies to a type. */
export function styleFor(policy: Policy, type: string): RedactionStyle {
  return policy.redaction.styleByType[type] ?? policy.redaction.style;
}

function replacementFor(entity: Entity, part: EntityPart, policy: Policy, options: WordEditOptions): string {
  switch (styleFor(policy, entity.type)) {
    case 'label':
      return label(entity.type);
    case 'mask':
      return mask(entity.type, part.value, policy.redaction.maskChar);
    case 'hash':
      // The whole entity's value, so every part of one card number carries the same token.
      return hash(entity.type, entity.value, options.hashKey);
    case 'custom':
      return custom(entity.type, policy.redaction.replacements);
  }
}

/** Plans the transcript edits that redact every detected entity, one per entity part. */
export function planWordEdits(
  detection: Detection,
  policy: Policy,
  options: WordEditOptions = {},
): WordEdit[] {
  return detection.entities.flatMap((entity) =>
    entity.parts
      .filter((part) => part.words.length > 0)
      .map((part) => ({
        words: [...part.words],
        replacement: replacementFor(entity, part, policy, options),
      })),
  );
}
