import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('the 统一社会信用代码 check (GB 32100-2015)', () => {
  it('accepts published codes whose check character is a digit or a letter', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000802100433B')).toBeNull();
    // Read as the server reads it: surrounding spaces and lower case do not make a valid code invalid.
    expect(creditCodeProblem(' 91110000802100433b ')).toBeNull();
  });

  it('computes a check of 0 where the weighted sum is a multiple of 31', () => {
    // 17 zeros weigh 0: the check is 31 − 0, read as 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(creditCodeProblem('000000000000000000')).toBeNull();
  });

  it('refuses every other check character', () => {
    const body = '91350100M000100Y4';
    const wrong = [...ALPHABET].filter((c) => c !== '3');
    expect(wrong).toHaveLength(30);
    for (const c of wrong) expect(creditCodeProblem(body + c)).toBe('check');
  });

  it('catches a single mistyped character anywhere in the first 17', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      const other = ALPHABET[(ALPHABET.indexOf(code[i]!) + 1) % ALPHABET.length]!;
      expect(creditCodeProblem(code.slice(0, i) + other + code.slice(i + 1)), `position ${i + 1}`).toBe('check');
    }
  });

  it('names a wrong length and characters outside the alphabet (I, O, S, V, Z and others)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length');
    expect(creditCodeProblem('')).toBe('length');
    for (const c of ['I', 'O', 'S', 'V', 'Z', '-', '中'])
      expect(creditCodeProblem(`91350100M000100Y4${c}`), c).toBe('characters');
  });
});
