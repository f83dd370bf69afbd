/** The ABA routing transit number checksum (weights 3, 7, 1) and prefix ranges. */
export function abaValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  // Federal Reserve routing symbols: 00-12, 21-32, thrift 61-72, electronic 80.
  const plausible =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!plausible) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (digits.charCodeAt(i) - 48) * weights[i % 3]!;
  return sum % 10 === 0;
}
