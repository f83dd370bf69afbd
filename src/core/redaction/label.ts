/** The label operator: the entity's type in brackets, e.g. `[CREDIT_CARD]`. */
import type { EntityType } from '../entities.js';

export function label(type: EntityType): string {
  return `[${type}]`;
}
