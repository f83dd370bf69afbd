/** Card brands by issuer identification number (IIN) prefix and length. */

export interface CardBrand {
  name: string;
  lengths: readonly number[];
  /** Prefix ranges, inclusive, compared on the first `digits` digits. */
  ranges: readonly (readonly [from: number, to: number, digits: number])[];
}

export const CARD_BRANDS: readonly CardBrand[] = [
  { name: 'visa', lengths: [13, 16, 19], ranges: [[4, 4, 1]] },
  {
    name: 'mastercard',
    lengths: [16],
    ranges: [
      [51, 55, 2],
      [2221, 2720, 4],
    ],
  },
  {
    name: 'amex',
    lengths: [15],
    ranges: [
      [34, 34, 2],
      [37, 37, 2],
    ],
  },
  {
    name: 'discover',
    lengths: [16, 17, 18, 19],
    ranges: [
      [6011, 6011, 4],
      [644, 649, 3],
      [65, 65, 2],
      [622126, 622925, 6],
    ],
  },
  {
    name: 'diners',
    lengths: [14, 15, 16, 17, 18, 19],
    ranges: [
      [300, 305, 3],
      [36, 36, 2],
      [38, 39, 2],
      [3095, 3095, 4],
    ],
  },
  { name: 'jcb', lengths: [16, 17, 18, 19], ranges: [[3528, 3589, 4]] },
  { name: 'unionpay', lengths: [16, 17, 18, 19], ranges: [[62, 62, 2]] },
  {
    name: 'maestro',
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
    ranges: [
      [50, 50, 2],
      [56, 59, 2],
      [6304, 6304, 4],
      [6759, 6759, 4],
      [676770, 676774, 6],
      [67, 67, 2],
    ],
  },
];

/** The brand whose prefix and length fit the number, or undefined. */
export function cardBrand(digits: string): CardBrand | undefined {
  return CARD_BRANDS.find(
    (brand) =>
      brand.lengths.includes(digits.length) &&
      brand.ranges.some(([from, to, width]) => {
        const prefix = Number(digits.slice(0, width));
        return digits.length >= width && prefix >= from && prefix <= to;
      }),
  );
}
