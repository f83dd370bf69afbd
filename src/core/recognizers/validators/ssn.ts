/** US Social Security number structure: area 001-899 except 666, group not 00, serial not 0000. */
export function ssnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  return digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}
