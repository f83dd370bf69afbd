/** A request's `patterns` as a policy, or a 400 naming the pattern at fault by its place in the list. */
import type { Policy } from '../../core/policy.js';
import { HushError } from '../../errors.js';
import { policyForPatterns } from '../jobs/patterns.js';
import { ApiError } from './errors.js';

function isValid(pattern: string): boolean {
  try {
    policyForPatterns([pattern]);
    return true;
  } catch {
    return false;
  }
}

export function patternPolicy(patterns: readonly string[]): Policy {
  try {
    return policyForPatterns(patterns);
  } catch (error) {
    if (!(error instanceof HushError)) throw error;
    const index = patterns.findIndex((pattern) => !isValid(pattern));
    const place = index === -1 ? 'patterns' : `patterns[${index}]`;
    throw new ApiError(400, 'POLICY_INVALID', `${place} is not a valid pattern (${error.message})`);
  }
}
