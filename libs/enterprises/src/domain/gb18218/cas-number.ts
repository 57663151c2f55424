/**
 * CAS Registry Numbers: two to seven digits, two digits, one check digit. The check digit is the sum of the other
 * digits, each multiplied by its position counted from the right (1, 2, 3 …), modulo 10 — a mistyped digit is
 * caught before a substance is looked up under the wrong number.
 */
const CAS_FORMAT = /^(\d{2,7})-(\d{2})-(\d)$/;

export function isValidCasNumber(text: string): boolean {
  const match = CAS_FORMAT.exec(text);
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i + 1);
  return sum % 10 === Number(match[3]) && !/^0/.test(match[1]!);
}
