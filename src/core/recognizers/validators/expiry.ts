/** Card expiry dates as digits: MMYY, MYY, MMYYYY or MYYYY with a real month. */
export function expiryDigitsValid(digits: string): boolean {
  const match = /^(0?[1-9]|1[0-2])(\d{2}|20\d{2})$/.exec(digits);
  return match !== null;
}
