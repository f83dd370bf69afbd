/**
 * Symbl.ai redaction settings read as a Hush policy. Symbl sets them with a JSON Patch on
 * `/v1/manage/settings`; Hush accepts that patch body or the bare `{"redaction": {...}}` object.
 *
 * Symbl published its entity list as a table of descriptions; its examples spell the API names
 * PERSON_NAME, SSN and DATE_OF_BIRTH. For the other entities Hush accepts the usual spellings below.
 * Entities Hush does not detect (age, SWIFT code, plain dates, domain names) are accepted and have
 * no effect: excluding or restyling something Hush never redacts changes nothing.
 */
import * as z from 'zod';
import type { BuiltInEntityType } from '../core/entities.js';
import { isBuiltInEntityType } from '../core/entities.js';
import type { PolicyInput, RedactionStyle } from '../core/policy.js';
import { policyError } from './problems.js';

interface SymblEntity {
  /** Accepted spellings, upper snake case; the first is the one shown in docs/policy.md. */
  names: readonly string[];
  hush: readonly BuiltInEntityType[];
}

export const SYMBL_ENTITIES: readonly SymblEntity[] = [
  {
    names: ['CREDIT_CARD_NUMBER', 'CREDIT_DEBIT_CARD_NUMBER', 'DEBIT_CARD_NUMBER', 'CARD_NUMBER'],
    hush: ['CREDIT_CARD', 'CARD_LAST4'],
  },
  { names: ['CVV', 'CVV_NUMBER', 'CREDIT_CARD_CVV', 'CARD_CVV'], hush: ['CARD_CVV'] },
  {
    names: ['EXPIRATION_DATE', 'CREDIT_CARD_EXPIRATION_DATE', 'EXPIRY_DATE', 'CARD_EXPIRY'],
    hush: ['CARD_EXPIRY'],
  },
  { names: ['PIN', 'CARD_PIN', 'CREDIT_CARD_PIN'], hush: ['PIN'] },
  { names: ['IBAN_CODE', 'IBAN'], hush: ['IBAN'] },
  { names: ['US_BANK_ROUTING_NUMBER', 'BANK_ROUTING_NUMBER', 'ROUTING_NUMBER'], hush: ['ROUTING_NUMBER'] },
  { names: ['US_BANK_ACCOUNT_NUMBER', 'BANK_ACCOUNT_NUMBER'], hush: ['BANK_ACCOUNT'] },
  { names: ['PERSON_NAME', 'NAME', 'PERSON'], hush: ['PERSON_NAME'] },
  { names: ['EMAIL_ADDRESS', 'EMAIL'], hush: ['EMAIL_ADDRESS'] },
  { names: ['PHONE_NUMBER', 'PHONE'], hush: ['PHONE_NUMBER'] },
  { names: ['ADDRESS', 'STREET_ADDRESS', 'LOCATION_ADDRESS'], hush: ['STREET_ADDRESS', 'POSTAL_CODE'] },
  { names: ['DATE_OF_BIRTH', 'DOB'], hush: ['DATE_OF_BIRTH'] },
  { names: ['SSN', 'US_SOCIAL_SECURITY_NUMBER', 'SOCIAL_SECURITY_NUMBER'], hush: ['US_SSN', 'US_SSN_LAST4'] },
  { names: ['PASSPORT_NUMBER', 'PASSPORT', 'US_PASSPORT_NUMBER'], hush: ['PASSPORT'] },
  {
    names: ['US_DRIVERS_LICENSE_NUMBER', 'DRIVERS_LICENSE_NUMBER', 'DRIVER_LICENSE'],
    hush: ['DRIVERS_LICENSE'],
  },
  { names: ['AGE'], hush: [] },
  { names: ['SWIFT_CODE'], hush: [] },
  { names: ['DATE'], hush: [] },
  { names: ['DOMAIN_NAME'], hush: [] },
];

const BY_NAME = new Map(SYMBL_ENTITIES.flatMap((entity) => entity.names.map((name) => [name, entity.hush])));

/** Hush types for a Symbl entity name (Hush's own names are accepted too), or undefined when unknown. */
export function hushTypesForSymbl(name: string): readonly BuiltInEntityType[] | undefined {
  const key = name
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
  return BY_NAME.get(key) ?? (isBuiltInEntityType(key) ? [key] : undefined);
}

const OBFUSCATION = 'obfuscation';

const entityName = z.string().refine((name) => hushTypesForSymbl(name) !== undefined, {
  error: (issue) => `unknown Symbl entity type "${String(issue.input)}" (see the table in docs/policy.md)`,
});

const redactionSchema = z
  .object({
    /** Symbl: redact every conversation by default. Hush redacts whenever it is asked to. */
    default: z.boolean().optional(),
    type: z.enum(['default', 'obfuscation', 'custom']).default('default'),
    exclude: z.array(entityName).default([]),
    /** Replacement per entity (`default` for the rest); the value `obfuscation` means mask. */
    custom: z.record(z.union([z.literal('default'), entityName]), z.string().min(1)).optional(),
  })
  .strict()
  .refine((redaction) => redaction.type === 'custom' || redaction.custom === undefined, {
    message: '"custom" replacements apply only with "type": "custom"',
    path: ['custom'],
  });

const settingsSchema = z.union([
  z.object({ redaction: redactionSchema }).strict(),
  z
    .array(
      z
        .object({
          op: z.enum(['add', 'replace']),
          path: z.literal('/redaction'),
          value: redactionSchema,
        })
        .strict(),
    )
    .min(1),
]);

type SymblRedaction = z.output<typeof redactionSchema>;

const SYMBL_ONLY_KEYS = ['default', 'type', 'exclude', 'custom'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a document is Symbl redaction settings rather than a Hush policy. */
export function isSymblSettings(doc: unknown): boolean {
  if (Array.isArray(doc)) return true;
  if (!isRecord(doc) || Object.keys(doc).length !== 1 || !isRecord(doc.redaction)) return false;
  return Object.keys(doc.redaction).some((key) => SYMBL_ONLY_KEYS.includes(key));
}

function styleOf(replacement: string): RedactionStyle {
  return replacement === OBFUSCATION ? 'mask' : 'custom';
}

function toPolicyInput(redaction: SymblRedaction): PolicyInput {
  const replacements: Record<string, string> = {};
  const styleByType: Record<string, RedactionStyle> = {};
  let style: RedactionStyle = redaction.type === 'obfuscation' ? 'mask' : 'label';
  for (const [name, replacement] of Object.entries(redaction.custom ?? {})) {
    if (name === 'default') {
      style = styleOf(replacement);
      if (style === 'custom') replacements.default = replacement;
      continue;
    }
    for (const type of hushTypesForSymbl(name) ?? []) {
      styleByType[type] = styleOf(replacement);
      if (replacement !== OBFUSCATION) replacements[type] = replacement;
    }
  }
  const exclude = [...new Set(redaction.exclude.flatMap((name) => hushTypesForSymbl(name) ?? []))];
  // Symbl obfuscates with asterisks.
  return { exclude, redaction: { style, maskChar: '*', replacements, styleByType } };
}

/** Converts Symbl redaction settings (patch body or bare object) into Hush policy input. */
export function fromSymblSettings(doc: unknown, origin: string): PolicyInput {
  const result = settingsSchema.safeParse(doc);
  if (!result.success) {
    // Report against the shape the document took, not the union's other branch.
    const branch = Array.isArray(doc) ? 1 : 0;
    const unionIssue = result.error.issues[0];
    const issues =
      unionIssue?.code === 'invalid_union'
        ? (unionIssue.errors[branch] ?? result.error.issues)
        : result.error.issues;
    throw policyError(origin, issues, doc, 'Symbl redaction settings');
  }
  const settings = result.data;
  const redaction = Array.isArray(settings) ? settings[settings.length - 1]!.value : settings.redaction;
  return toPolicyInput(redaction);
}
