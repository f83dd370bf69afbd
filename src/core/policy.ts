/**
 * Policy: what to redact and how. One zod schema validates policy files, gives the TypeScript
 * type and documents every field (see docs/policy.md), so the three never drift apart.
 */
import { z } from 'zod';

export const REDACTION_STYLES = ['label', 'mask', 'hash', 'custom'] as const;
export type RedactionStyle = (typeof REDACTION_STYLES)[number];

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
    include: z.union([z.literal('all'), z.array(z.string())]).default('all'),
    /** Entity types never redacted, applied after include. */
    exclude: z.array(z.string()).default([]),
    custom: z.array(customEntitySchema).default([]),
    /** Values never redacted (compared on the normalised form, case- and space-insensitively). */
    allow: z.array(z.string()).default([]),
    /** Findings scoring below this are not redacted. */
    minScore: z.number().min(0).max(1).default(0.5),
    /** In payment context, every digit run is redacted, whatever it looks like. */
    pciStrict: z.boolean().default(false),
    /** Default region of a two-letter country for phone numbers without a country code. */
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
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
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type CustomEntity = Policy['custom'][number];

/** The policy used when none is given: redact everything Hush knows, fail closed in payments. */
export const DEFAULT_POLICY: Policy = policySchema.parse({});
