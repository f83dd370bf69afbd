/** The custom operator: the policy's replacement for the type, else its `default`, else the label. */
import type { EntityType } from '../entities.js';
import { label } from './label.js';

export function custom(type: EntityType, replacements: Readonly<Record<string, string>>): string {
  return replacements[type] ?? replacements.default ?? label(type);
}
