/**
 * Policy: what to redact and how. One zod schema validates policy files, gives the TypeScript
 * type and documents every field (see docs/policy.md), so the three never drift apart.
 */
import * as z from 'zod';
import { isBuiltInEntityType } from './entities.js';
import { REDACTION_STYLES } from './policy-values.js';

export { DEFAULT_POLICY, REDACTION_STYLES } from './policy-values.js';
export type { RedactionStyle } from './policy-values.js';

const customEntitySchema = z
  .object({
    /** Name the custom entity is reported and redacted as, e.g. `EMPLOYEE_ID`. */
    name: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
    category: z.enum(['PCI', 'PII', 'PHI']).default('PII'),
    /** Regular expressions matched (case-insensitively) against the normalised written text. */
    patterns: z.array(z.string()).default([]),
    /** Words or phrases matched whole, case-insensitively, on the normalised text. */
    words: z.array(z.string()).default([]),
    /** Cue phrases; when given, a match counts only when a cue precedes it or the other party asked for it. */
    context: z.array(z.string()).default([]),
    score: z.number().min(0).max(1).default(0.85),
  })
  .strict()
  .refine((entity) => entity.patterns.length + entity.words.length > 0, {
    message: 'needs at least one pattern or word',
  });

export const policySchema = z
  .object({
    /** Entity types to redact: `all`, or a list of type names (built-in or custom). */
    include: z
      .union([z.literal('all'), z.array(z.string())], {
        error: 'expected "all" or a list of entity type names',
      })
      .default('all'),
    /** Entity types never redacted, applied after include. */
    exclude: z.array(z.string()).default([]),
    custom: z.array(customEntitySchema).default([]),
    /** Values never redacted (compared on the normalised form, case- and space-insensitively). */
    allow: z.array(z.string()).default([]),
    /** Findings scoring below this are not redacted. */
    minScore: z.number().min(0).max(1).default(0.5),
    /**
     * In payment context, every digit run is redacted, whatever it looks like (prices, quantities
     * and "two business days" too). Off by default: card, CVV, expiry and PIN already fail closed
     * in payment context; see docs/policy.md for what strict mode adds and costs.
     */
    pciStrict: z.boolean().default(false),
    /** Default region of a two-letter country for phone numbers without a country code. */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code in capitals, such as US or GB')
      .default('US'),
    regions: z
      .object({
        /** Silence added before each region, in ms: covers ASR timing error and word onsets. */
        paddingBeforeMs: z.number().int().min(0).max(5000).default(250),
        /** Silence added after each region, in ms. */
        paddingAfterMs: z.number().int().min(0).max(5000).default(350),
        /** Regions closer than this (ms) are merged into one. */
        mergeGapMs: z.number().int().min(0).max(60000).default(1000),
        /** `all`: silence every channel (speech bleeds across); `speaker`: only the speaking channel. */
        scope: z.enum(['all', 'speaker']).default('all'),
      })
      .strict()
      .prefault({}),
    redaction: z
      .object({
        style: z.enum(REDACTION_STYLES).default('label'),
        /** Character that replaces each character of the value, for the `mask` style. */
        maskChar: z.string().length(1).default('#'),
        /** Replacement per entity type for the `custom` style; `default` covers the rest. */
        replacements: z.record(z.string(), z.string()).default({}),
        /** Style per entity type, overriding `style` for that type (e.g. mask SSNs, label the rest). */
        styleByType: z.record(z.string(), z.enum(REDACTION_STYLES)).default({}),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine(checkNames);

/**
 * Cross-field checks: every type a policy names must be built in or defined in `custom`, custom
 * names must be unique and not shadow built-in types, and custom patterns must compile.
 */
function checkNames(policy: PolicyShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };
  const customNames = new Set<string>();
  policy.custom.forEach((entity, index) => {
    if (isBuiltInEntityType(entity.name)) {
      issue(['custom', index, 'name'], `"${entity.name}" is a built-in type`);
    } else if (customNames.has(entity.name)) {
      issue(['custom', index, 'name'], `"${entity.name}" is defined twice`);
    }
    customNames.add(entity.name);
    entity.patterns.forEach((pattern, patternIndex) => {
      try {
        new RegExp(pattern, 'i');
      } catch (error) {
        // The engine's message quotes the pattern; keep only the reason after it.
        const reason = error instanceof Error ? (error.message.split(': ').pop() ?? '') : '';
        issue(
          ['custom', index, 'patterns', patternIndex],
          `invalid regular expression for ${entity.name}: ${reason}`,
        );
      }
    });
  });
  const checkName = (name: string, path: (string | number)[]): void => {
    if (!isBuiltInEntityType(name) && !customNames.has(name)) {
      issue(path, `unknown entity type "${name}" (neither built in nor defined in custom)`);
    }
  };
  if (policy.include !== 'all') policy.include.forEach((name, index) => checkName(name, ['include', index]));
  policy.exclude.forEach((name, index) => checkName(name, ['exclude', index]));
  for (const name of Object.keys(policy.redaction.replacements)) {
    if (name !== 'default') checkName(name, ['redaction', 'replacements', name]);
  }
  for (const name of Object.keys(policy.redaction.styleByType)) {
    checkName(name, ['redaction', 'styleByType', name]);
  }
}

interface PolicyShape {
  include: 'all' | string[];
  exclude: string[];
  custom: { name: string; patterns: string[] }[];
  redaction: { replacements: Record<string, string>; styleByType: Record<string, string> };
}

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type CustomEntity = Policy['custom'][number];
