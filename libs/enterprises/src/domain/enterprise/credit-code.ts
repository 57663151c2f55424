/**
 * 统一社会信用代码 (GB 32100-2015, 法人和其他组织统一社会信用代码编码规则): 18 characters —
 *   1      登记管理部门码 (registration authority)
 *   2      机构类别码 (kind of organisation, per authority)
 *   3–8    登记管理机关行政区划码 (GB/T 2260 administrative division, 6 digits)
 *   9–17   主体标识码 (组织机构代码, GB 11714-1997: 8 characters and its own check character)
 *   18     校验码 over characters 1–17, weights 3^(i-1) mod 31, modulus 31.
 * The code's alphabet has 31 characters: the digits and the capital letters without I, O, Z, S, V (easily misread).
 * Pure: no framework, used by the decider and by request validation alike.
 */

/** The 31 characters in the order of their values 0–30. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 (3^(i-1) mod 31). */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714-1997 weights of the organisation code's 8 body characters. */
export const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * 登记管理部门码 → the 机构类别码 it uses (GB 32100-2015 Appendix A). `9` 市场监管（工商）: 1 企业, 2 个体工商户,
 * 3 农民专业合作社; `1` 机构编制, `5` 民政, `Y` 其他 and the rest as the table lists them.
 */
export const CREDIT_CODE_KINDS: Readonly<Record<string, readonly string[]>> = {
  '1': ['1', '2', '3', '9'],
  '2': ['1', '9'],
  '3': ['1', '2', '3', '4', '5', '9'],
  '4': ['1', '9'],
  '5': ['1', '2', '3', '9'],
  '6': ['1', '2', '9'],
  '7': ['1', '2', '9'],
  '8': ['1', '9'],
  '9': ['1', '2', '3'],
  A: ['1', '9'],
  N: ['1', '2', '3', '9'],
  Y: ['1'],
};

export type CreditCodeProblem =
  'length' | 'character' | 'authority' | 'kind' | 'division' | 'organisation_check' | 'check';

export type CreditCodeCheck =
  { valid: true; code: string } | { valid: false; problem: CreditCodeProblem; position?: number; expected?: string };

/**
 * Lower-case letters are accepted and upper-cased (people type them; the code's letters are case-free in print);
 * surrounding blanks are trimmed. Everything else must already be right: no inner blanks, no look-alike letters.
 */
export function normaliseCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

function valueOf(character: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(character);
}

/** The check character (position 18) of the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueOf(first17[i]!);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check]!;
}

/** GB 11714-1997: C9 = 11 − (Σ Ci·Wi mod 11); 10 is written X, 11 is written 0. Letters count A=10 … Z=35. */
export function organisationCodeCheckCharacter(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORGANISATION_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Checks an already normalised code; says which rule fails first (and, for a check character, the expected one). */
export function checkCreditCode(code: string): CreditCodeCheck {
  if (code.length !== 18) return { valid: false, problem: 'length' };
  for (let i = 0; i < 18; i++) {
    if (valueOf(code[i]!) < 0) return { valid: false, problem: 'character', position: i + 1 };
  }
  const kinds = CREDIT_CODE_KINDS[code[0]!];
  if (!kinds) return { valid: false, problem: 'authority', position: 1 };
  if (!kinds.includes(code[1]!)) return { valid: false, problem: 'kind', position: 2 };
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return { valid: false, problem: 'division', position: 3 };
  const organisationCheck = organisationCodeCheckCharacter(code.slice(8, 16));
  if (organisationCheck !== code[16]) {
    return { valid: false, problem: 'organisation_check', position: 17, expected: organisationCheck ?? undefined };
  }
  const check = creditCodeCheckCharacter(code.slice(0, 17))!;
  if (check !== code[17]) return { valid: false, problem: 'check', position: 18, expected: check };
  return { valid: true, code };
}

/** Chinese wording of each problem, for the problem+json detail. */
export const CREDIT_CODE_PROBLEM_TEXT: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码须为 18 位',
  character: '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、Z、S、V',
  authority: '统一社会信用代码第 1 位（登记管理部门码）无效',
  kind: '统一社会信用代码第 2 位（机构类别码）与登记管理部门不符',
  division: '统一社会信用代码第 3–8 位须为 6 位数字的行政区划码',
  organisation_check: '统一社会信用代码第 9–17 位（组织机构代码）的校验码不正确',
  check: '统一社会信用代码第 18 位校验码不正确，请核对是否录入有误',
};

/** Builds a valid code from its first 16 characters (the organisation check and the final check are computed). */
export function completeCreditCode(first16: string): string | null {
  const organisationCheck = organisationCodeCheckCharacter(first16.slice(8, 16));
  if (first16.length !== 16 || organisationCheck === null) return null;
  const first17 = first16 + organisationCheck;
  const check = creditCodeCheckCharacter(first17);
  return check === null ? null : first17 + check;
}
