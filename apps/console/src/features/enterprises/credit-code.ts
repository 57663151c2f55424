/**
 * 统一社会信用代码 (GB 32100-2015) as the console checks it before sending, the same rules in the same order as the
 * server's check (docs/enterprises.md), so that a mistyped code is caught while the form is still open. The server
 * checks it again and is the authority: its refusal is shown as any other error.
 *
 * The 18 characters come from a 31-character alphabet (digits and capitals without I, O, S, V, Z): position 1 names
 * the registration authority, 2 the kind of organisation that authority registers, 3–8 the administrative division
 * (six digits), 9–17 the organisation code of GB 11714-1997 (eight characters and its own modulus-11 check), and 18 the
 * check over the first 17 (weights 3^i mod 31, check = 31 − Σ mod 31, where 31 reads as 0).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The kinds of organisation each registration authority uses (GB 32100-2015, Appendix A). */
const KINDS_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

export type CreditCodeProblem = 'length' | 'characters' | 'authority' | 'kind' | 'division' | 'organisation' | 'check';

/** The check character the first 17 characters call for, or null when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714-1997: 11 − (Σ value·weight mod 11), letters worth 10 (A) to 35 (Z); 10 is written X and 11 is 0. */
export function organisationCheckCharacter(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORGANISATION_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** What is wrong with a code (read as the server reads it: trimmed, upper-cased), or null when it is valid. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'characters';
  const kinds = KINDS_BY_AUTHORITY[code[0]!];
  if (!kinds) return 'authority';
  if (!kinds.includes(code[1]!)) return 'kind';
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return 'division';
  if (organisationCheckCharacter(code.slice(8, 16)) !== code[16]) return 'organisation';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}
