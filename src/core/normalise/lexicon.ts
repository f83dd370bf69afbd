/**
 * The words spoken-form normalisation knows: numbers, ordinals, months, the spelling alphabet,
 * fillers, the spoken names of email and web symbols, and the backchannels that let an item run
 * on across a turn break. All keys are lower case.
 */
import { MONTH_NAMES } from '../months.js';

/** How a number word combines with its neighbours (see numbers.ts). */
export type NumberClass = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

export interface NumberWord {
  value: number;
  class: NumberClass;
}

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const UNIT_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEEN_ORDINALS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS_ORDINALS = [
  'twentieth',
  'thirtieth',
  'fortieth',
  'fiftieth',
  'sixtieth',
  'seventieth',
  'eightieth',
  'ninetieth',
];

function numberTable(units: string[], teens: string[], tens: string[]): Map<string, NumberWord> {
  const table = new Map<string, NumberWord>();
  units.forEach((word, i) => table.set(word, { value: i + 1, class: 'unit' }));
  teens.forEach((word, i) => table.set(word, { value: i + 10, class: 'teen' }));
  tens.forEach((word, i) => table.set(word, { value: (i + 2) * 10, class: 'tens' }));
  return table;
}

/** Cardinal number words. "zero" and "oh" are digits, not cardinals: see ZERO_WORDS. */
export const CARDINALS: ReadonlyMap<string, NumberWord> = new Map([
  ...numberTable(UNITS, TEENS, TENS),
  ['hundred', { value: 100, class: 'hundred' }],
  ['thousand', { value: 1_000, class: 'scale' }],
  ['million', { value: 1_000_000, class: 'scale' }],
  ['billion', { value: 1_000_000_000, class: 'scale' }],
]);

/** Ordinal words with the cardinal they stand for. */
export const ORDINALS: ReadonlyMap<string, NumberWord> = numberTable(
  UNIT_ORDINALS,
  TEEN_ORDINALS,
  TENS_ORDINALS,
);

/**
 * Ordinals that are ordinary words far more often than dates ("first name", "just a second"):
 * they become digits only after a tens word or next to a month (see dates.ts).
 */
export const AMBIGUOUS_ORDINALS: ReadonlySet<string> = new Set(['first', 'second']);

/** Words that are always the digit 0. */
export const ZERO_WORDS: ReadonlySet<string> = new Set(['zero', 'nought', 'naught']);

/** Words that are the digit 0 only among or before other spoken digits ("oh four"), else words. */
export const MAYBE_ZERO_WORDS: ReadonlySet<string> = new Set(['oh', 'o']);

/** "double five" → 55, "triple seven" → 777. */
export const REPEATERS: ReadonlyMap<string, number> = new Map([
  ['double', 2],
  ['triple', 3],
]);

/**
 * Words whose number is said as a number, so a compound after it is a new number: "flat four two
 * hundred…" is flat 4 at number 200, not 4200.
 */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'apartment',
  'apt',
  'flat',
  'suite',
  'unit',
  'room',
  'floor',
]);

/** The words of the number tables above in one set: isNumberWord runs on nearly every word of a call. */
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...CARDINALS.keys(),
  ...ORDINALS.keys(),
  ...ZERO_WORDS,
  ...MAYBE_ZERO_WORDS,
  ...REPEATERS.keys(),
]);

/** Whether a word is part of the spoken-number vocabulary (cardinal, ordinal, zero, oh, double…). */
export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

export interface Month {
  /** Full lower-case name, as the view writes it. */
  name: string;
  /**
   * True for abbreviations that are also names or words (Jan, Mar, Jun, Jul, Dec): they are months
   * only when written with a dot or spoken next to a number.
   */
  ambiguous: boolean;
}

const AMBIGUOUS_ABBREVIATIONS = new Set(['jan', 'mar', 'jun', 'jul', 'dec']);
const ABBREVIATIONS: [string, string][] = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'september'],
  ['sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];

export const MONTHS: ReadonlyMap<string, Month> = new Map([
  ...MONTH_NAMES.map((name): [string, Month] => [name, { name, ambiguous: false }]),
  ...ABBREVIATIONS.map(([abbreviation, name]): [string, Month] => [
    abbreviation,
    { name, ambiguous: AMBIGUOUS_ABBREVIATIONS.has(abbreviation) },
  ]),
]);

/** The NATO spelling alphabet (with common spellings), word → letter. */
export const NATO: ReadonlyMap<string, string> = new Map([
  ['alpha', 'A'],
  ['alfa', 'A'],
  ['bravo', 'B'],
  ['charlie', 'C'],
  ['delta', 'D'],
  ['echo', 'E'],
  ['foxtrot', 'F'],
  ['golf', 'G'],
  ['hotel', 'H'],
  ['india', 'I'],
  ['juliet', 'J'],
  ['juliett', 'J'],
  ['kilo', 'K'],
  ['lima', 'L'],
  ['mike', 'M'],
  ['november', 'N'],
  ['oscar', 'O'],
  ['papa', 'P'],
  ['quebec', 'Q'],
  ['romeo', 'R'],
  ['sierra', 'S'],
  ['tango', 'T'],
  ['uniform', 'U'],
  ['victor', 'V'],
  ['whiskey', 'W'],
  ['whisky', 'W'],
  ['xray', 'X'],
  ['x-ray', 'X'],
  ['yankee', 'Y'],
  ['zulu', 'Z'],
]);

/**
 * Hesitations that produce no characters: um, uh, er, erm, uhm, hmm, ah and their drawn-out
 * spellings ("ummm", "hmmm"), named by their letters with repeats collapsed.
 */
const FILLER_SHAPES: ReadonlySet<string> = new Set(['um', 'uh', 'er', 'erm', 'uhm', 'hm', 'ah']);
const MAX_FILLER_LENGTH = 8;

/** The letters fillers start with: most words are told apart by their first letter, with no shape built. */
const FILLER_FIRST_LETTERS: ReadonlySet<string> = new Set([...FILLER_SHAPES].map((shape) => shape[0]!));

export function isFiller(lower: string): boolean {
  if (lower.length < 2 || lower.length > MAX_FILLER_LENGTH || !FILLER_FIRST_LETTERS.has(lower[0]!))
    return false;
  let shape = lower[0]!;
  for (let i = 1; i < lower.length; i += 1) {
    if (lower[i] !== lower[i - 1]) shape += lower[i];
  }
  return FILLER_SHAPES.has(shape);
}

/** Backchannels that contain a filler word, which there is a word: "mm hmm", "uh huh". */
/**
 * Words that open a new clause and so cannot follow "for" or "to" as a preposition does: a digit
 * homophone right before one ends its digit dictation ("three three eight for and then …").
 */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'but',
  'no',
  'nope',
  'sorry',
  'wait',
  'actually',
  'maybe',
  'yes',
  'yeah',
  'okay',
  'ok',
  "i'm",
  "that's",
  "it's",
]);

/**
 * Words after which a number is given ("the gate code to oh four …", "my pin is for four six …"): a
 * digit homophone right after one starts the digit dictation.
 */
export const NUMBER_LEADS: ReadonlySet<string> = new Set([
  'code',
  'number',
  'pin',
  'passcode',
  'zip',
  'postcode',
  'is',
  "it's",
  'its',
  "that's",
  'was',
]);

/**
 * Words that name the next item of a read-back said without punctuation ("sort code two three oh
 * five eight oh account one one nine…"): an "oh" right before one, with digits after it, is a zero.
 */
export const FIELD_WORDS: ReadonlySet<string> = new Set([
  'account',
  'sort',
  'routing',
  'card',
  'expiry',
  'expiration',
  'security',
  'cvv',
  'pin',
  'postcode',
  'zip',
  'phone',
  'mobile',
  'member',
  'policy',
]);

export const FILLER_PHRASES: ReadonlySet<string> = new Set(['mm hmm', 'mm hm', 'uh huh', 'um hmm']);

/** Spoken names of the symbols inside email addresses, host names and digit groups. */
export const SYMBOL_WORDS: ReadonlyMap<string, string> = new Map([
  ['dot', '.'],
  ['point', '.'],
  ['period', '.'],
  ['underscore', '_'],
  ['dash', '-'],
  ['hyphen', '-'],
  ['slash', '/'],
  ['at', '@'],
]);

/** How a dictation word cases the letter after it; weak ones ("big") need the word the letter starts. */
export interface CaseWord {
  upper: boolean;
  weak: boolean;
}

/** Words that give the case of a dictated letter: "capital d", "lowercase k", "big m marmalade". */
export const CASE_WORDS: ReadonlyMap<string, CaseWord> = new Map([
  ['capital', { upper: true, weak: false }],
  ['uppercase', { upper: true, weak: false }],
  ['upper-case', { upper: true, weak: false }],
  ['upper case', { upper: true, weak: false }],
  ['lowercase', { upper: false, weak: false }],
  ['lower-case', { upper: false, weak: false }],
  ['lower case', { upper: false, weak: false }],
  ['big', { upper: true, weak: true }],
  ['small', { upper: false, weak: true }],
]);

/**
 * Names of symbols a speaker dictates inside a password or username, one or two words. They are
 * symbols only between dictated items ("dragon dollar sign one nine" → "dragon$19").
 */
export const DICTATED_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['exclamation', '!'],
  ['exclamation mark', '!'],
  ['exclamation point', '!'],
  ['question mark', '?'],
  ['dollar sign', '$'],
  ['dollar symbol', '$'],
  ['at sign', '@'],
  ['at symbol', '@'],
  ['hash sign', '#'],
  ['hash symbol', '#'],
  ['hashtag', '#'],
  ['percent sign', '%'],
  ['percent symbol', '%'],
  ['plus sign', '+'],
  ['equals sign', '='],
  ['ampersand', '&'],
  ['asterisk', '*'],
  ['underscore', '_'],
  ['tilde', '~'],
]);

/**
 * Symbol names that are also ordinary words ("hash browns", "five star", "a dash of salt"): symbols
 * only inside a dictation that a case word or an unambiguous symbol name already marks.
 */
export const WEAK_DICTATED_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['hash', '#'],
  ['dollar', '$'],
  ['star', '*'],
  ['dash', '-'],
  ['hyphen', '-'],
  ['dot', '.'],
]);

/** Second words that make "at" the @ sign: "at sign", "at symbol". */
export const AT_SIGN_TAILS: ReadonlySet<string> = new Set(['sign', 'symbol']);

/** Top-level domains accepted as the last label of a spoken host, besides any two-letter country code. */
export const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'name',
  'mobi',
  'pro',
  'app',
  'dev',
  'online',
  'site',
  'shop',
  'store',
  'tech',
  'cloud',
  'email',
  // Reserved for documentation and test accounts (RFC 2606): "support at acme dot example".
  'example',
]);

/**
 * Words that never begin a spoken email address or host, though an address may follow them:
 * "find us at example dot com" is a host after "us", not the address us@example.com.
 */
export const ADDRESS_STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'is',
  'it',
  'its',
  "it's",
  'was',
  'be',
  'that',
  "that's",
  'this',
  'me',
  'us',
  'you',
  'him',
  'her',
  'them',
  'my',
  'your',
  'our',
  'his',
  'their',
  'to',
  'and',
  'or',
  'on',
  'in',
  'of',
  'for',
  'from',
  'with',
  'by',
  'email',
  'e-mail',
  'address',
  'site',
  'website',
  'web',
  'page',
  'online',
  'here',
  'there',
  'reach',
  'contact',
  'find',
  'visit',
  'write',
  'send',
  'go',
  'so',
  'just',
  'yes',
  'yeah',
  'okay',
  'ok',
  'please',
  'plus',
]);

/**
 * What another speaker may say between two turns of a stream without ending the item being given:
 * backchannels and prompts to continue. Matched as whole phrases over the in-between words.
 */
export const BACKCHANNEL_PHRASES: readonly string[] = [
  'mm hmm',
  'mm',
  'mmm',
  'hmm',
  'mhm',
  'mmhmm',
  'uh huh',
  'uhhuh',
  'okay',
  'ok',
  'yes',
  'yeah',
  'yep',
  'yup',
  'right',
  'sure',
  'go on',
  'go ahead',
  'carry on',
  'got it',
  'got that',
  'next',
  'the next',
  'the rest',
  'and',
  'then',
  'and then',
  'continue',
  'keep going',
  'alright',
  'all right',
  'perfect',
  'great',
  'good',
  'fine',
  'correct',
  'thanks',
  'thank you',
  'sorry',
  'please',
  'the next four',
  'next four',
  'the last four',
  'last four',
  'the next four digits',
  'next four digits',
  'the last four digits',
  'last four digits',
  'the next 4',
  'next 4',
  'the last 4',
  'last 4',
];
