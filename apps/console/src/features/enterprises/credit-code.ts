/**
 * 统一社会信用代码 (GB 32100-2015) as the console checks it before sending, so that a mistyped code is caught while the
 * form is still open. The server checks it again and is the authority: its refusal is shown as any other error.
 *
 * The code is 18 characters from a 31-character alphabet (digits and capitals without I, O, S, V, Z); the last is a
 * check character: with the weights 3^i mod 31 over the first 17, the check is 31 − (Σ value·weight mod 31), where 31
 * reads as 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'check';

/** The check character the first 17 characters call for, or null when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** What is wrong with a code (after trimming and upper-casing, as the server reads it), or null when it is valid. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'characters';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}
