/**
 * Synthetic sensitive values with the structure real ones have (valid Luhn, ABA and mod-97
 * checksums, plausible formats), none of them belonging to anyone.
 */
import type { Random } from './random.js';

/** Luhn check digit for a number missing its last digit. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(number: string): boolean {
  return luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}

export interface Card {
  brand: string;
  number: string;
  /** How the brand prints the number in groups. */
  groups: string[];
  cvv: string;
}

interface Brand {
  name: string;
  prefixes: readonly string[];
  length: number;
  layout: readonly number[];
  cvvLength: number;
}

const BRANDS: readonly Brand[] = [
  { name: 'Visa', prefixes: ['4'], length: 16, layout: [4, 4, 4, 4], cvvLength: 3 },
  {
    name: 'Mastercard',
    prefixes: ['51', '52', '53', '54', '55', '2221', '2720'],
    length: 16,
    layout: [4, 4, 4, 4],
    cvvLength: 3,
  },
  { name: 'American Express', prefixes: ['34', '37'], length: 15, layout: [4, 6, 5], cvvLength: 4 },
  { name: 'Discover', prefixes: ['6011', '65'], length: 16, layout: [4, 4, 4, 4], cvvLength: 3 },
  { name: 'Visa', prefixes: ['4'], length: 13, layout: [4, 4, 5], cvvLength: 3 },
  { name: 'Discover', prefixes: ['6011', '65'], length: 19, layout: [4, 4, 4, 4, 3], cvvLength: 3 },
  { name: 'Visa', prefixes: ['4'], length: 19, layout: [4, 4, 4, 4, 3], cvvLength: 3 },
];

function splitByLayout(number: string, layout: readonly number[]): string[] {
  const out: string[] = [];
  let index = 0;
  for (const size of layout) {
    out.push(number.slice(index, index + size));
    index += size;
  }
  return out;
}

/** A card of a brand chosen by weight (16-digit Visa and Mastercard most often). */
export function card(rng: Random): Card {
  const brand = rng.weighted(BRANDS.map((b, index) => [b, [5, 4, 3, 2, 1, 1, 1][index]!] as const));
  const prefix = rng.pick(brand.prefixes);
  const body = prefix + rng.digits(brand.length - prefix.length - 1);
  const number = body + luhnCheckDigit(body);
  return {
    brand: brand.name,
    number,
    groups: splitByLayout(number, brand.layout),
    cvv: rng.digits(brand.cvvLength),
  };
}

export interface Expiry {
  month: number;
  year: number;
}

export function expiry(rng: Random): Expiry {
  return { month: rng.int(1, 12), year: rng.int(2026, 2032) };
}

/** SSN with a valid area (001–665, 667–899), group and serial: never 000, 666 or 9xx. */
export function ssn(rng: Random): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  const group = rng.int(1, 99);
  const serial = rng.int(1, 9999);
  return `${String(area).padStart(3, '0')}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

const US_AREA_CODES = [
  '212',
  '312',
  '415',
  '617',
  '702',
  '213',
  '305',
  '404',
  '512',
  '602',
  '720',
  '206',
  '503',
  '614',
  '919',
];

export interface Phone {
  /** Country calling code ("1", "44"). */
  country: string;
  /** National number grouped as people say it. */
  groups: string[];
  international: boolean;
}

/** A US number: half in the 555-01xx fiction range, half ordinary valid-format numbers. */
export function usPhone(rng: Random): Phone {
  const area = rng.pick(US_AREA_CODES);
  const fiction = rng.chance(0.5);
  // Exchanges never end in 11 (N11 codes are service numbers).
  const exchange = fiction ? '555' : `${rng.int(2, 9)}${rng.int(2, 9)}${rng.int(0, 9)}`;
  const line = fiction ? `01${rng.digits(2)}` : rng.digits(4);
  return { country: '1', groups: [area, exchange, line], international: rng.chance(0.2) };
}

/** A UK number: mobiles in the 07700 900xxx drama range, landlines in London's 020 7946 0xxx range. */
export function ukPhone(rng: Random): Phone {
  const international = rng.chance(0.3);
  if (rng.chance(0.6)) return { country: '44', groups: ['07700', `900${rng.digits(3)}`], international };
  return { country: '44', groups: ['020', '7946', `0${rng.digits(3)}`], international };
}

/** ABA routing number: 9 digits whose weighted sum 3-7-1 is a multiple of ten. */
export function routingNumber(rng: Random): string {
  const head = String(rng.pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 26, 31])).padStart(2, '0');
  const body = head + rng.digits(6);
  const weights = [3, 7, 1, 3, 7, 1, 3, 7];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return body + String((10 - (sum % 10)) % 10);
}

export function abaValid(number: string): boolean {
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  return [...number].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 10 === 0;
}

/** mod-97 of a long decimal string. */
function mod97(digits: string): number {
  let rest = 0;
  for (const char of digits) rest = (rest * 10 + Number(char)) % 97;
  return rest;
}

function ibanDigits(text: string): string {
  return [...text].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('');
}

export function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '');
  return mod97(ibanDigits(compact.slice(4) + compact.slice(0, 4))) === 1;
}

const IBAN_LAYOUTS: readonly { country: string; bban: (rng: Random) => string }[] = [
  { country: 'GB', bban: (rng) => rng.pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + rng.digits(14) },
  { country: 'DE', bban: (rng) => rng.digits(18) },
  { country: 'FR', bban: (rng) => rng.digits(23) },
  { country: 'ES', bban: (rng) => rng.digits(20) },
  { country: 'NL', bban: (rng) => rng.pick(['ABNA', 'INGB', 'RABO']) + rng.digits(10) },
  { country: 'IE', bban: (rng) => rng.pick(['AIBK', 'BOFI']) + rng.digits(14) },
];

/** An IBAN with valid mod-97 check digits, in groups of four as printed. */
export function iban(rng: Random): string[] {
  const layout = rng.pick(IBAN_LAYOUTS);
  const bban = layout.bban(rng);
  const check = 98 - mod97(ibanDigits(`${bban}${layout.country}00`));
  const compact = `${layout.country}${String(check).padStart(2, '0')}${bban}`;
  return compact.match(/.{1,4}/g)!;
}

export function sortCode(rng: Random): string[] {
  return [String(rng.int(10, 99)), rng.digits(2), rng.digits(2)];
}

export function bankAccount(rng: Random, uk: boolean): string {
  return uk ? rng.digits(8) : String(rng.int(1, 9)) + rng.digits(rng.int(8, 11));
}

/** US passports: 9 digits, newer ones a letter and 8 digits; UK: 9 digits. */
export function passport(rng: Random, uk: boolean): string {
  if (!uk && rng.chance(0.4)) return rng.pick(['A', 'C', 'E', 'X']) + rng.digits(8);
  return String(rng.int(1, 9)) + rng.digits(8);
}

const US_LICENCES: readonly { state: string; make: (rng: Random) => string }[] = [
  { state: 'California', make: (rng) => rng.pick(['A', 'B', 'D', 'F', 'N', 'Y']) + rng.digits(7) },
  { state: 'Florida', make: (rng) => rng.pick(['S', 'M', 'W', 'H']) + rng.digits(12) },
  { state: 'New York', make: (rng) => String(rng.int(1, 9)) + rng.digits(8) },
  { state: 'Texas', make: (rng) => String(rng.int(1, 4)) + rng.digits(7) },
  { state: 'Illinois', make: (rng) => rng.pick(['S', 'M', 'K', 'R']) + rng.digits(11) },
];

/** A driver's licence number and its issuer. UK numbers: surname 5, date digits 6, initials 2, 9, 2 letters. */
export function driversLicence(
  rng: Random,
  uk: boolean,
  surname: string,
): { issuer: string; number: string } {
  if (uk) {
    const head = (surname.toUpperCase().replace(/[^A-Z]/g, '') + '99999').slice(0, 5);
    const tail = String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25));
    return {
      issuer: 'DVLA',
      number: `${head}${rng.digits(6)}${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}9${tail}`,
    };
  }
  const layout = rng.pick(US_LICENCES);
  return { issuer: layout.state, number: layout.make(rng) };
}

/** Health-plan member IDs: three letters then nine digits, or a letter and ten digits. */
export function memberId(rng: Random): string {
  const letters = (count: number): string =>
    Array.from({ length: count }, () => String.fromCharCode(65 + rng.int(0, 25))).join('');
  return rng.chance(0.6) ? letters(3) + rng.digits(9) : letters(1) + rng.digits(10);
}

export function zip(rng: Random): string {
  return `${rng.int(1, 9)}${rng.digits(4)}`;
}

const UK_OUTWARD = [
  'SW1A',
  'M1',
  'B33',
  'LS6',
  'EH1',
  'CF10',
  'BS8',
  'NE1',
  'G12',
  'L17',
  'OX4',
  'CB2',
  'NW3',
  'E14',
  'SE22',
  'N7',
];

export function ukPostcode(rng: Random): string {
  const inward = `${rng.int(1, 9)}${String.fromCharCode(65 + rng.pick([0, 1, 3, 4, 5, 6, 7, 13, 15, 16, 17, 19, 22, 23, 24, 25]))}${String.fromCharCode(65 + rng.pick([0, 1, 3, 4, 5, 6, 7, 13, 15, 16, 17, 19, 22, 23, 24, 25]))}`;
  return `${rng.pick(UK_OUTWARD)} ${inward}`;
}

/** Addresses from documentation ranges (RFC 5737) and ordinary-looking public blocks. */
export function ipAddress(rng: Random): number[] {
  const base = rng.pick([
    [203, 0, 113],
    [198, 51, 100],
    [192, 0, 2],
    [81, rng.int(2, 250), rng.int(0, 255)],
    [10, rng.int(0, 255), rng.int(0, 255)],
    [172, rng.int(16, 31), rng.int(0, 255)],
  ]);
  return [...base, rng.int(2, 254)];
}
