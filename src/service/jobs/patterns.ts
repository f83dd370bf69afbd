/**
 * A job's `patterns` (as in the CXone recipe) as a Hush policy. Each pattern is an entity type name
 * (`CREDIT_CARD`, a Symbl-style name is not accepted here), `all` for every built-in type, or a
 * regular expression, which becomes a custom entity `PATTERN_1`, `PATTERN_2` … No patterns means
 * the default policy: every built-in type. Patterns say what to redact: a list of only regular
 * expressions redacts only their matches.
 */
import { isBuiltInEntityType } from '../../core/entities.js';
import { DEFAULT_POLICY, type Policy, type PolicyInput } from '../../core/policy.js';
import { HushError } from '../../errors.js';
import { validatePolicy } from '../../policy/parse.js';

/** Longest regular expression accepted from a caller. */
export const MAX_PATTERN_LENGTH = 500;

const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The policy for these patterns; throws a HushError naming the pattern that is not valid. */
export function policyForPatterns(patterns: readonly string[]): Policy {
  if (patterns.length === 0) return DEFAULT_POLICY;
  const include = new Set<string>();
  const custom: NonNullable<PolicyInput['custom']> = [];
  for (const pattern of patterns) {
    if (pattern === 'all') include.add('all');
    else if (TYPE_NAME.test(pattern) && isBuiltInEntityType(pattern)) include.add(pattern);
    else {
      if (pattern.length > MAX_PATTERN_LENGTH)
        throw new HushError(
          'POLICY_INVALID',
          `patterns: a pattern is longer than ${MAX_PATTERN_LENGTH} characters`,
        );
      const name = `PATTERN_${custom.length + 1}`;
      custom.push({ name, patterns: [pattern] });
      include.add(name);
    }
  }
  const input: PolicyInput = {
    include: include.has('all') ? 'all' : [...include],
    custom,
  };
  return validatePolicy(input, 'patterns');
}
