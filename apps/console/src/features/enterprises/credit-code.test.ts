import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, organisationCheckCharacter } from './credit-code';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid code from its first 16 characters: both check characters computed. */
function complete(first16: string): string {
  const first17 = first16 + organisationCheckCharacter(first16.slice(8, 16))!;
  return first17 + creditCodeCheckCharacter(first17)!;
}

describe('the 统一社会信用代码 check (GB 32100-2015, as the server checks it)', () => {
  it('accepts published codes whose check character is a digit or a letter', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000802100433B')).toBeNull();
    // Read as the server reads it: surrounding spaces and lower case do not make a valid code invalid.
    expect(creditCodeProblem(' 91110000802100433b ')).toBeNull();
    expect(complete('91640500MA76XXXX')).toBe('91640500MA76XXXX58');
    expect(creditCodeProblem('91640500MA76XXXX58')).toBeNull();
  });

  it('writes the organisation check 10 as X and 11 as 0 (GB 11714-1997)', () => {
    // Σ = 0 gives 11 − 0 = 11, written 0.
    expect(organisationCheckCharacter('00000000')).toBe('0');
    // 1 × 3 = 3 → 11 − 3 = 8; a weight sum of 1 (mod 11) gives 10, written X: "40000000" → 4 × 3 = 12 ≡ 1.
    expect(organisationCheckCharacter('10000000')).toBe('8');
    expect(organisationCheckCharacter('40000000')).toBe('X');
  });

  it('refuses every other final check character', () => {
    const body = '91350100M000100Y4';
    const wrong = [...ALPHABET].filter((c) => c !== '3');
    expect(wrong).toHaveLength(30);
    for (const c of wrong) expect(creditCodeProblem(body + c)).toBe('check');
  });

  it('catches a single mistyped character of the organisation code or the final check', () => {
    const code = '91350100M000100Y43';
    for (let i = 8; i < 16; i++) {
      const other = /\d/.test(code[i]!) ? String((Number(code[i]) + 1) % 10) : 'A';
      expect(creditCodeProblem(code.slice(0, i) + other + code.slice(i + 1)), `position ${i + 1}`).toBe('organisation');
    }
    // A slip in the division (3–8) leaves the organisation code's check intact but not the final one.
    expect(creditCodeProblem('91350200M000100Y43')).toBe('check');
  });

  it('names the registration authority, the kind and the division', () => {
    expect(creditCodeProblem(complete('B1640500MA76XXXX'))).toBe('authority');
    // 9 (市场监管) registers kinds 1–3 only.
    expect(creditCodeProblem(complete('94640500MA76XXXX'))).toBe('kind');
    expect(creditCodeProblem(complete('Y1640500MA76XXXX'))).toBeNull();
    expect(creditCodeProblem(complete('916405A0MA76XXXX'))).toBe('division');
  });

  it('names a wrong length and characters outside the alphabet (I, O, S, V, Z and others)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length');
    expect(creditCodeProblem('')).toBe('length');
    for (const c of ['I', 'O', 'S', 'V', 'Z', '-', '中'])
      expect(creditCodeProblem(`91350100M000100Y4${c}`), c).toBe('characters');
  });
});
