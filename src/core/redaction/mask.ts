/** The mask operator: every letter and digit of the value becomes the mask character; separators stay. */
import type { EntityType } from '../entities.js';
import { label } from './label.js';

export function mask(type: EntityType, value: string, maskChar: string): string {
  const masked = value.replace(/[\p{L}\p{N}]/gu, maskChar);
  // A value with nothing to mask (say, a part that is only a filler) still needs a visible marker.
  return masked.includes(maskChar) ? masked : label(type);
}
