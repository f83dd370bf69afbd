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
const BIRTH_DATE_NAMES = ['date of birth', 'dates of birth', 'birthday', 'dob', 'when were you born'];
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
    // Not the social security number.
    '(?<!social )security (code|number|digits)',
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
    '(3|4|three|four)-digits? (security )?(code|number)',
    'digits on the back',
    'code on the back',
    'number on the back',
    'back of (the|your|my) card',
    'last 3 digits',
    // "and the last three on the back".
    '3 on the back',
  ],
  CARD_EXPIRY: [
    'expiry( date)?',
    'expiration( date)?',
    'exp( date)?',
    'expires?',
    'expiring',
    // "valid to 03/27", written "valid-to" on the card.
    'valid[- ](to|thru|through|until|till)',
    'good[- ](thru|through|until|till)',
    // "when does the card run out", not what ran out ("she's run out of her tablets").
    'runs? out(?! of)',
    'end date',
    'ex date',
  ],
  CARD_LAST4: [
    'ending( in| with)?',
    'ends( in| with)?',
    'ended( in| with)?',
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
    // "a different SSN, ending …": the type named, then how the number ends.
    '(social|ssn|ss number|social security( number)?) (ending|ends|ended)( in| with)?',
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
    '(call|ring) (you|me)( back)?( on| at)?',
    "(we'll|we will|i'll|i will|we can|can we|could we|to) (call|ring|text)( (you|me|her|him|them))?( back)?( on| at)?",
    'text (you|me)',
    // "we'll send the receipt by text to …": where a text goes is a phone.
    'by (text|sms)( message)?( to)?',
    'text (it|that|this|them|the \\w+) to',
    'landline',
    // "my son's line", "any other lines porting": a line on a phone account, not a line of credit.
    "(my|your|his|her|their|our|\\w+'s|other|another|second) (phone |mobile |cell )?lines?(?! of| manager)",
    // "Please update my number to …": a caller's own number is their phone's.
    '(my|your) (new |old )?number',
    '(change|update|changed|updated) (my|your|the) number',
    'fax( number)?',
    'dial',
  ],
  EMAIL_ADDRESS: ['e ?mail( address)?', ...EMAIL_NAMES, 'address on file'],
  IP_ADDRESS: ['ip( address)?', 'i p( address)?', 'router', 'server', 'gateway', 'dns', 'subnet'],
  DATE_OF_BIRTH: [...BIRTH_DATE_NAMES, 'birth ?dates?', 'birthdays', 'd o b', 'born', 'd\\.o\\.b'],
  BANK_ACCOUNT: [
    'bank account',
    '(checking|chequing|savings|current|settlement|business|operating|payroll|deposit|joint)( \\w+)? account',
    'bank details',
    'account (are you|you are|you.re) (sending|paying|transferring|moving)',
    '(sending|paying|transferring|moving money) from',
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
    'digits? (of|from) (your|the|my)( \\w+)? (security|pass) ?(number|code)',
    // An alarm panel's codes.
    'keypad( code)?',
    '(alarm|disarm|arming|entry|door|user|master|gate|garage|lockbox|building) code',
    'disarm',
    // "the four digits you set up for phone banking".
    '(4|5|6) digits (you|i) (set|chose|picked)',
  ],
  PASSPORT: ['passports?( number| numbers| no)?'],
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
    'subscriber( id| number)?',
    'medicare( id| number)?',
    'medicaid( id| number)?',
    'health plan( id| number)?',
    'health (insurance|care) (id|number|card)',
    'plan id',
    'beneficiary( id| number)?',
    'patient( id| number)',
    'medical record number',
    'mrn',
    'nhs number',
    // Membership of any scheme, often named after its brand ("your Harbor Club number"): loyalty,
    // frequent-flyer, club and car-club numbers.
    '(member|membership|loyalty|rewards?|club|points) cards? (number|no|id)',
    '\\w*club( membership)? (number|no|id)',
    '(loyalty|rewards?)( program| programme| scheme| account| membership)? (number|no|id)',
    'frequent (flyer|flier|traveller|traveler)( number| no| id| account)?',
    '\\w*(miles|mileage|points)( plan| program| programme| account)? (number|no|id)',
    // A number taken so that miles or points are credited ("your Bluewing number so the points post").
    '(?<!(phone|mobile|cell|contact) )(number|no|id),? (so|so that|for|to (earn|get|collect)) (the |your )?(air ?)?(miles|points)',
  ],
  POSTAL_CODE: ['zip( code)?', ...POSTAL_CODE_NAMES, 'post ?code', 'zip plus 4', 'eircode'],
};

/**
 * Cues that name a type only in a call about its domain: a policy number is a health plan's member
 * ID in a call about health cover, a motor or home policy's reference elsewhere; an account number
 * is a bank account where banking is talked about, a phone or utility account elsewhere. The
 * recognizers pair each list with the domain's words (`DOMAIN_CUES`).
 */
export const DOMAIN_ENTITY_CUES = {
  MEMBER_ID: [
    'policy( id| number| no)?',
    'insurance( id| number| card)?',
    '(id|number|id number) (on|off|from) (the|your|his|her|my) (front of the |back of the )?(insurance |member |plan )?card',
  ],
  BANK_ACCOUNT: [
    ...ACCOUNT_NAMES,
    'account numbers',
    'account no',
    'acct( number)?',
    'account( is| it is)',
    'which account',
    '(from|to|into) (the|my|your) account',
    // "And the account?" after the routing number.
    '(and|now|then|also) (the |your )?account( number)?',
    'account end(s|ing)( in| with)?',
  ],
} as const satisfies Partial<Record<BuiltInEntityType, readonly string[]>>;

/** Every cue naming each type, in its domain or anywhere: what tells one type's question from another's. */
export const ALL_ENTITY_CUES: Partial<Record<BuiltInEntityType, readonly string[]>> = Object.fromEntries(
  Object.entries(ENTITY_CUES).map(([type, cues]) => [
    type,
    [...cues, ...((DOMAIN_ENTITY_CUES as Partial<Record<string, readonly string[]>>)[type] ?? [])],
  ]),
);

/** The words of a domain, said by anyone earlier in the call, that make its domain cues count. */
export const DOMAIN_CUES = {
  // Health cover: a plan, its providers, its medicines.
  MEMBER_ID: [
    'health( plan| insurance| care| cover)?',
    'healthcare',
    'medical',
    'medicare',
    'medicaid',
    'dental',
    'dentist',
    'orthodontist',
    'vision',
    'pharmacy',
    'pharmacist',
    'prescriptions?',
    'rx',
    'clinic',
    'hospital',
    'doctor',
    'dr',
    'physician',
    'gp',
    'nhs',
    'patients?',
    'co-?pays?',
    'hmo',
    'ppo',
    'blue (cross|shield)',
    'aetna',
    'cigna',
    'humana',
    'kaiser',
    'united ?healthcare',
    'prior auth(ori[sz]ation)?',
  ],
  // Banking: banks and their accounts, and the ways money moves between them.
  BANK_ACCOUNT: [
    'banks?',
    'banking',
    'checking',
    'chequing',
    'savings',
    'current account',
    'sort ?code',
    'routing',
    'aba',
    'credit union',
    'building society',
    'direct (deposit|debit)',
    'ach',
    '(wire|bank|money|funds) transfers?',
    'wires?',
    'iban',
    'swift',
    'bic',
    'payee',
    'cheques?',
    '(voided|blank|personal|paper) checks?',
    'e-?checks?',
    'settlement account',
    'overdraft',
  ],
} as const satisfies Partial<Record<BuiltInEntityType, readonly string[]>>;

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
  // A chosen value turned down: "it can't be your birth year", "that's too easy, pick another".
  "(it|that|this|the pin|the code) (can't|cannot|can not|shouldn't|mustn't) (be|match|use)",
  "(can't|cannot|can not) use (that|this|it)",
  '(not|isn.t|is not) allowed',
  'too (easy|simple|obvious|common|weak|short|long)',
  '(has|needs|have|need) to be different',
  '(pick|choose|try|use) (another|a different)( one)?',
  "(isn't|is not|not|wasn't|was not) (valid|accepted|available|strong enough)",
  "(won't|will not|wouldn't|would not) (work|be accepted|go through)",
];

/**
 * The other party asking to hear a value again ("sorry, can you repeat that?", "say the middle
 * again") or waiting for it ("no hurry, I'll hold"): the answer after it still answers the
 * question asked before it.
 */
export const REPEAT_REQUEST_CUES: readonly string[] = [
  'repeat',
  '(take|taking) your time',
  'no (rush|hurry)',
  'say (that|it|them|those|the \\w+)( \\w+)? again',
  'come again',
  'one more time',
  'pardon',
  '(did not|didn.t) (catch|get|hear) (that|it|the \\w+)',
  'missed (that|it|the \\w+)',
  'what was (that|it|the \\w+)',
  '(slower|more slowly)',
];

/** A position in a value: "first", "the 5th", "last". */
const ORDINAL =
  '(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(st|nd|rd|th)?)';

/**
 * Some characters of a secret asked for by position ("the first, the third and the sixth", "the
 * seventh character"): a bank's check of a PIN or a memorable word without hearing all of it.
 */
export const POSITION_REQUEST_CUES: readonly string[] = [
  `${ORDINAL}( (digit|number|one|letter|character))?,? (and )?the ${ORDINAL}`,
  `${ORDINAL} (letter|character|digit)s?`,
  `(letter|character|digit)s? ${ORDINAL}`,
];

/**
 * The other party asking again for a part of a value ("can you repeat the middle?", "what was the
 * end?"): the answer is that part, however short.
 */
export const PART_REQUEST_CUES: readonly string[] = [
  'the (middle|end|ending|start|beginning|rest)',
  '(first|second|third|last|middle|final) (part|bit|group|few|digits|numbers|half|section|chunk|one)',
];

/**
 * Words that break off a value to start it again ("551, hang on, wrong card", "3 1 1,
 * sorry, I'll read it again"): the broken-off piece was part of a value too.
 */
export const BREAK_OFF_CUES: readonly string[] = [
  '(no |oh |um |uh )*(wait|sorry|hold on|hang on|hold up|oops|whoops|actually|i mean|scratch that)',
  'no no',
  'let me (start|try|do that|say that) (over|again)',
  'start (over|again)',
  "(that's|that is) (wrong|not right|my old)",
];

/** "just the last four is fine": the last four of whatever number is being asked for. */
export const LAST_FOUR_CUES = ['last 4( digits| numbers)?', 'final 4( digits| numbers)?'];
/** The SSN named at all: a "last four" asked for soon after is its last four. */
export const SSN_TOPIC_CUES = ['social', 'ssn', 's s n', 'social security( number)?'];
