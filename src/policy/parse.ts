/** Policy files (YAML, JSON or Symbl redaction settings) → a validated Policy. */
import type { Policy } from '../core/policy.js';
import { policySchema } from '../core/policy.js';
import { readPolicyDocument } from './document.js';
import { policyError } from './problems.js';
import { fromSymblSettings, isSymblSettings } from './symbl.js';

/** Validates a parsed policy value; errors name the origin and each field path. */
export function validatePolicy(input: unknown, origin: string): Policy {
  const result = policySchema.safeParse(input);
  if (!result.success) throw policyError(origin, result.error.issues, input);
  return result.data;
}

/**
 * Parses a policy file's text. JSON or YAML holding a Hush policy, or Symbl redaction settings
 * (the JSON Patch body or the bare `{"redaction": {...}}` object), which are mapped to Hush types.
 * Throws HushError('POLICY_INVALID') naming `origin` and the field at fault.
 */
export function parsePolicy(text: string, origin: string): Policy {
  const doc = readPolicyDocument(text, origin);
  return validatePolicy(isSymblSettings(doc) ? fromSymblSettings(doc, origin) : doc, origin);
}
