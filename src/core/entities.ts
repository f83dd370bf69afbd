/**
 * The entity catalogue: every type of sensitive item Hush knows, with its compliance category.
 */

export type Category = 'PCI' | 'PII' | 'PHI';

export const ENTITY_CATEGORIES = {
  CREDIT_CARD: 'PCI',
  CARD_CVV: 'PCI',
  CARD_EXPIRY: 'PCI',
  CARD_LAST4: 'PCI',
  PIN: 'PCI',
  /** Any digit run spoken in payment context, silenced by the PCI-strict policy. */
  PAYMENT_DIGITS: 'PCI',
  US_SSN: 'PII',
  US_SSN_LAST4: 'PII',
  PHONE_NUMBER: 'PII',
  EMAIL_ADDRESS: 'PII',
  DATE_OF_BIRTH: 'PII',
  BANK_ACCOUNT: 'PII',
  ROUTING_NUMBER: 'PII',
  IBAN: 'PII',
  SORT_CODE: 'PII',
  PASSPORT: 'PII',
  DRIVERS_LICENSE: 'PII',
  MEMBER_ID: 'PHI',
  POSTAL_CODE: 'PII',
  IP_ADDRESS: 'PII',
  PERSON_NAME: 'PII',
  STREET_ADDRESS: 'PII',
  USERNAME: 'PII',
  PASSWORD: 'PII',
  SECURITY_ANSWER: 'PII',
} as const satisfies Record<string, Category>;

/** A built-in entity type. */
export type BuiltInEntityType = keyof typeof ENTITY_CATEGORIES;

/** A built-in type, or the name of a custom entity a policy defines. */
export type EntityType = BuiltInEntityType | (string & {});

export const BUILT_IN_ENTITY_TYPES = Object.keys(ENTITY_CATEGORIES) as BuiltInEntityType[];

export function isBuiltInEntityType(name: string): name is BuiltInEntityType {
  return Object.hasOwn(ENTITY_CATEGORIES, name);
}
