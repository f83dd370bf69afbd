/**
 * The policy values that need no schema: the redaction styles and the default policy. The default
 * policy is written out, not parsed from `{}` at load, so detection with it never builds the
 * policy schema; a test checks it equals `policySchema.parse({})` field for field.
 */
import type { Policy } from './policy.js';

export const REDACTION_STYLES = ['label', 'mask', 'hash', 'custom'] as const;
export type RedactionStyle = (typeof REDACTION_STYLES)[number];

/** The policy used when none is given: redact everything Hush knows, fail closed in payments. */
export const DEFAULT_POLICY: Policy = {
  include: 'all',
  exclude: [],
  custom: [],
  allow: [],
  minScore: 0.5,
  pciStrict: false,
  defaultCountry: 'US',
  regions: { paddingBeforeMs: 250, paddingAfterMs: 350, mergeGapMs: 1000, scope: 'all' },
  redaction: { style: 'label', maskChar: '#', replacements: {}, styleByType: {} },
};
