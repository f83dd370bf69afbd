/**
 * Negative cues: the words naming a number that is not sensitive, and the words after a number
 * that make it a price, time or measure. Cues in the syntax of `compileCues`, matched against
 * normalised text.
 */
import { notAsPlace } from '../context/cue-matcher.js';

/**
 * Negative context: words naming a number that is not sensitive. A match whose nearest cue is one
 * of these is left alone (unless a fail-closed rule applies); not when said as a place ("the
 * member ID on your prescription card"), which names where a number is written, not what it is.
 */
/**
 * Before a word that labels a number ("step 3"), words that make it part of a process instead, and
 * a number or hyphen that makes it an adjective ("two-step verification", "a 2 page form").
 */
const NOT_A_LABEL = '(?<!\\b(this|that|next|each|every|same|final|first|last) )(?<!-|\\d )';

/** Words naming an amount of money (negative cues too): a date said with its month's name is none. */
export const AMOUNT_CUES: readonly string[] = [
  'price',
  'priced',
  'costs?',
  'total( is| was| comes to)?',
  'balance( is| was| of)?',
  'amount( is| was| of)?',
  'fee',
  'charge of',
];

export const NEGATIVE_CUES: readonly string[] = notAsPlace([
  'order (number|no|id)',
  '(your|my|the|an|this|that) order',
  '(work|purchase|service|repair|job) order( number| no| id)?',
  'case (number|no|id|reference)',
  '(your|my|the|this|that) case',
  // "I've opened a fraud case, it's FR 7703142".
  '(opened|opening|raised|logged|created) (a|an|the|your)( \\w+)? case',
  // A dispute's number is its case's: "your dispute number is DR 4471…".
  'dispute (number|no|id|reference|case)',
  'confirmation( number| code| no| id)?',
  'reference( number| code| no| id)?',
  'ref( number| no)?',
  'ticket( number| no| id)?',
  'tracking( number| no| code| id)?',
  'invoice( number| no)?',
  'receipt( number| no)?',
  'claim( number| no| id| reference)',
  '(your|my|the|this|that) claim',
  '(police |crime |accident )?report( number| no| reference)',
  'incident( number| no| id| reference)?',
  'prescription( number| no)?',
  'rx( number)?',
  'authori[sz]ation( code| number)?',
  'approval code',
  // A licence check code shares a driving record for a few days: it is not the licence number.
  '(licen[cs]e |dvla )?(check|share) code',
  'transaction( number| id| code| reference)?',
  'booking( number| reference| code)?',
  // A contract with the business, named by its number ("yes, contract HS 1998042").
  'contract( number| no| id| reference)?',
  'account reference',
  // An account number the business gives out, not one read from a bank card or statement: "your
  // new account number with us is …", "your account number will be …".
  'your new account number( with us)? (is|will be)',
  'account number (with us|will be)',
  // A business's tax number, not a person's social: "the EIN ends in 8814".
  'ein',
  'employer identification( number)?',
  '(business|company|employer|corporate|federal) tax id( number)?',
  'customer( account)? (number|no|id|reference)',
  'flight( number| no)?',
  'room( number| no)?',
  'gate',
  'seat',
  'extension',
  'ext',
  ...AMOUNT_CUES,
  'version',
  'model( number)?',
  'serial( number)?',
  'sku',
  'item( number)?',
  // Not "part" alone: "only for the medical part" names a piece of a form, not a number.
  'part (number|no)',
  // A form's number ("the VA form is 40-1330"), not the number written on it.
  'form (number|no|is)',
  'product( number| code)?',
  'promo( code)?',
  'discount( code)?',
  'coupon( code)?',
  'voucher( code)?',
  // A numbered step or page, not "this step" of a process.
  `${NOT_A_LABEL}step`,
  `${NOT_A_LABEL}page`,
  'chapter',
  'episode',
  'channel',
  'aisle',
  'store( number)?',
  // Device and meter numbers: an IMEI passes the Luhn check, a meter reading looks like a phone.
  'imei( number)?',
  // The number printed on a device or its box ("the long number on the box", "on the sim card").
  '(long )?number (on|off) (the|your|its|my) (box|phone|handset|device|sim( card)?|router|modem|sticker|label|packaging)',
  'meter( reading| readings| number| serial)?',
  // "The reading", "a final reading"; not the verb: "she's reading it out", "reading that back".
  'readings',
  '(the|a|an|your|my|our|latest|last|current|new|final|opening|closing|actual|estimated) reading',
  // One-time codes are not PINs: they are sent to the caller and expire.
  '(one|1) ?time (pass ?)?(code|pin)',
  'otp',
  // Vehicles and equipment: a plate or an asset tag is not a licence or a member ID.
  '(license|licence|number|registration|reg) plates?( number)?',
  'plates?( number)?',
  // A vehicle's registration mark ("the reg is YR21 KDF"), not its keeper's licence.
  '(vehicle |car |the |your |my )(reg|registration)( number| no| mark)?',
  'reg( number| no| mark)',
  'vin( number)?',
  '(asset|service|inventory) tag( number)?',
  // A bag's or parcel's tag ("held at the baggage office, tag BOS 330182").
  '(baggage |bag |luggage )?tag( number| no| id)?',
]);

/** A document's dates, not its number: "when does your licence expire" "november 2027". */
export const DOCUMENT_DATE_CUES: readonly string[] = [
  'expir(y|e|es|ed|ation)( date)?',
  'valid (until|through|till)',
  '(issue|issued|start) date',
  'issued( on)?',
  'date of issue',
];

/**
 * Cards that are not payment cards: their numbers are look-alikes of CREDIT_CARD ("what's the gift
 * card number?", "my library card").
 */
export const NON_PAYMENT_CARD_CUES: readonly string[] = [
  '(insurance|id|identity|member|membership|medicare|medicaid|health|sim|loyalty|library|gift|rewards|social security|business|key|report) cards?( numbers?)?',
];

/**
 * Accounts that are not bank accounts: a phone, utility or store account number is a look-alike
 * of BANK_ACCOUNT (the bank-account recognizer adds these to the negative cues).
 */
export const NON_BANK_ACCOUNT_CUES: readonly string[] = [
  '(phone|mobile|cell|wireless|broadband|internet|cable|tv|utility|electric|electricity|gas|water|energy|store|store card|customer|temporary) account( number| no| end(s|ing)( in| with)?)?',
  'account number for the port',
  'port(ing)? (out )?(pin|number)',
];

/** Words right after a number that make it a price, time, quantity or measure. */
export const NEGATIVE_TRAIL: readonly string[] = [
  'dollars?',
  'bucks',
  'cents?',
  'pounds?',
  'pence',
  'quid',
  'euros?',
  'percent',
  'per ?cent',
  'pm',
  'am',
  'p m',
  'a m',
  "o'?clock",
  'seconds?',
  'minutes?',
  'mins?',
  'hours?',
  'hrs?',
  'days?',
  'weeks?',
  'months?',
  'years?( old)?',
  // A rate: "1399 a day", "40 per month".
  '(a|an|per) (day|night|week|month|year|hour|minute|mile|head|person)',
  // "that's 292 total": an amount.
  '(in )?total',
  'times',
  'items?',
  'pieces?',
  'units?',
  'boxes',
  'packs?',
  'miles?',
  'kilometers?',
  'km',
  'feet',
  'foot',
  'inches',
  'meters?',
  'kilos?',
  'kg',
  'lbs?',
  'gigs?',
  'gb',
  'mb',
  'megabytes?',
  'gigabytes?',
  'people',
  // Loyalty balances: "about 40,000 points", "twelve thousand air miles".
  'points',
  'calls',
  'orders?',
  // "the last 4 digits", "1 digit too many": a count of digits.
  'digits?',
  'characters?',
];
