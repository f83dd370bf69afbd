/**
 * Cues per structured entity type: the words that tell what is being asked for or given. Cues in
 * the syntax of `compileCues` (lower-case, regular-expression syntax, a space for any whitespace),
 * matched against normalised text, so numbers appear as digits (`last 4`, `3 digit`).
 */
import type { BuiltInEntityType } from '../entities.js';

/**
 * How the free-text recognizers' `other` topic names these types: plain phrases (no regular
 * expression syntax, as the dialogue phrase matcher reads them word by word) that are also cues of
 * their type here, so each is written once.
 */
const CARD_NAMES = ['card number', 'card', 'long number'];
const PHONE_NAMES = ['contact number', 'callback number'];
const EMAIL_NAMES = ['email'];
const BIRTH_DATE_NAMES = ['date of birth', 'birthday', 'dob', 'when were you born'];
const ACCOUNT_NAMES = ['account number'];
const SSN_NAMES = ['ssn'];
const PIN_NAMES = ['pin', 'pin number'];
const POSTAL_CODE_NAMES = ['postal code'];

/** The plain names above, for the `other` topic of the free-text recognizers. */
export const ENTITY_NAMES: readonly string[] = [
  ...CARD_NAMES,
  ...PHONE_NAMES,
  ...EMAIL_NAMES,
  ...BIRTH_DATE_NAMES,
  ...ACCOUNT_NAMES,
  ...SSN_NAMES,
  ...PIN_NAMES,
  ...POSTAL_CODE_NAMES,
];

/**
 * Cues per entity type: what the speaker says before giving the item ("my card number is") or
 * what the other party asks ("and the expiry?"). Checked in the lead-in and in the prompt.
 */
export const ENTITY_CUES: Partial<Record<BuiltInEntityType, readonly string[]>> = {
  CREDIT_CARD: [
    ...CARD_NAMES,
    'card numbers',
    'number on the (front|card)',
    '(credit|debit|bank|payment) card',
    'cards? details',
    'visa',
    'master ?card',
    'amex',
    'american express',
    'discover',
    'diners club',
    'jcb',
    'maestro',
    'union ?pay',
    '1[3-9] digits?',
  ],
  CARD_CVV: [
    'security (code|number|digits)',
    'cvv2?',
    'cvc2?',
    'cv2',
    'csc',
    'cid',
    'card verification( (code|value|number))?',
    'verification (code|number|value)',
    '3 digits?( (code|number|one))?',
    '3 numbers( on the back)?',
    'signature (strip|panel)',
    '4 digits? (security )?code on the front',
    'digits on the back',
    'code on the back',
    'number on the back',
    'back of (the|your|my) card',
    'last 3 digits',
  ],
  CARD_EXPIRY: [
    'expiry( date)?',
    'expiration( date)?',
    'exp( date)?',
    'expires?',
    'expiring',
    'valid (thru|through|until|till)',
    'good (thru|through|until|till)',
    'end date',
    'ex date',
  ],
  CARD_LAST4: [
    'ending( in| with)?',
    'ends( in| with)?',
    'last 4( digits| numbers)?',
    'final 4( digits| numbers)?',
  ],
  US_SSN: [
    'social security( number)?',
    'social( number)?',
    ...SSN_NAMES,
    'ss number',
    'social security card',
    'tax id',
    'taxpayer id',
    'itin',
  ],
  US_SSN_LAST4: [
    'last 4( digits| numbers)?( of| on| from)?( your| my| the| his| her| their)? (social|ssn|ss)',
    '(social|ssn|social security|social security number) last 4',
  ],
  PHONE_NUMBER: [
    'phone( number)?',
    'telephone( number)?',
    'cell( phone)?( number)?',
    'mobile( phone)?( number)?',
    'home number',
    'work number',
    ...PHONE_NAMES,
    'call ?back number',
    'best number',
    'number to (call|reach)',
    'reach (you|me)',
    'call (you|me)( back)?( on| at)?',
    "(we'll|we will|i'll|i will|we can|can we|could we|to) (call|ring|text)( (you|me|her|him|them))?( back)?( on| at)?",
    'text (you|me)',
    'landline',
    'fax( number)?',
    'dial',
  ],
  EMAIL_ADDRESS: ['e ?mail( address)?', ...EMAIL_NAMES, 'address on file'],
  IP_ADDRESS: ['ip( address)?', 'i p( address)?', 'router', 'server', 'gateway', 'dns', 'subnet'],
  DATE_OF_BIRTH: [...BIRTH_DATE_NAMES, 'birth ?date', 'd o b', 'born', 'd\\.o\\.b'],
  BANK_ACCOUNT: [
    ...ACCOUNT_NAMES,
    'account numbers',
    'account no',
    'acct( number)?',
    'bank account',
    '(checking|chequing|savings|current) account',
    'bank details',
    'account( is| it is)',
    'which account',
    'account (are you|you are|you.re) (sending|paying|transferring|moving)',
    '(sending|paying|transferring|moving money) from',
    '(from|to|into) (the|my|your) account',
    'payee account',
  ],
  ROUTING_NUMBER: [
    'routing( number)?',
    'aba( number)?',
    'transit( number)?',
    'rtn',
    'routing and account',
    '(bottom|left) (left )?of (a|the|your) (check|cheque)',
  ],
  IBAN: ['iban', 'i b a n', 'international bank account( number)?'],
  SORT_CODE: ['sort ?code', 'sorting code', 'bank code'],
  PIN: [
    ...PIN_NAMES,
    'pin code',
    'pass ?code',
    'security pin',
    'personal identification number',
    // "the second and the fifth digits of your security number": a bank's PIN by position.
    'digits? of (your|the|my) (security|pass) ?(number|code)',
    // "the four digits you set up for phone banking".
    '(4|5|6) digits (you|i) (set|chose|picked)',
  ],
  PASSPORT: ['passport( number| no)?'],
  DRIVERS_LICENSE: [
    "driver'?s'? licen[cs]e( number)?",
    'driving licen[cs]e( number)?',
    'licen[cs]e number',
    'licen[cs]e',
    'dl( number)?',
    'd l number',
  ],
  MEMBER_ID: [
    'member( id| number| no)?',
    'membership( id| number)?',
    'policy( id| number| no)?',
    'subscriber( id| number)?',
    'insurance( id| number)?',
    'medicare( id| number)?',
    'medicaid( id| number)?',
    'health plan( id| number)?',
    'plan id',
    'group number',
    'beneficiary( id| number)?',
    'patient id',
    'medical record number',
    'mrn',
    'nhs number',
  ],
  POSTAL_CODE: ['zip( code)?', ...POSTAL_CODE_NAMES, 'post ?code', 'zip plus 4'],
};

/**
 * The other party asking for another go after a wrong answer ("that's not matching, try again"):
 * the retry answers the question asked before it.
 */
export const RETRY_CUES: readonly string[] = [
  'try (it |that )?again',
  "(that's|that is|it's|it is) not (right|correct|matching|it)",
  "(doesn't|does not|didn't|did not) (match|work|go through)",
  '(one more|another) (try|go|time)',
  'not (the one|what) (i have|we have|i see|on file)',
];

/** "just the last four is fine": the last four of whatever number is being asked for. */
export const LAST_FOUR_CUES = ['last 4( digits| numbers)?', 'final 4( digits| numbers)?'];
/** The SSN named at all: a "last four" asked for soon after is its last four. */
export const SSN_TOPIC_CUES = ['social', 'ssn', 's s n', 'social security( number)?'];
