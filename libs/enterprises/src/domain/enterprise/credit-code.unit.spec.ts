import {
  checkCreditCode,
  completeCreditCode,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  normaliseCreditCode,
  organisationCodeCheckCharacter,
} from './credit-code';

/**
 * Codes whose check characters were worked out by hand from GB 32100-2015 (weights 3^(i-1) mod 31, modulus 31) and
 * GB 11714-1997 (weights 3 7 9 10 5 8 4 2, modulus 11). The first is the standard's own illustration; the others are
 * made up for this suite.
 */
const VALID = [
  // 91350100M000100Y43: organisation body M000100Y → 22·3 + 1·5 + 34·2 = 139, 139 mod 11 = 7, 11 − 7 = 4;
  // whole code → Σ Ci·Wi = 1640, 1640 mod 31 = 28, 31 − 28 = 3.
  '91350100M000100Y43',
  // 91640500 71526726 X ? (made up): body 71526726 → Σ 199, 199 mod 11 = 1, 11 − 1 = 10 → X.
  '916405007152672' + '6X' + creditCodeCheckCharacter('916405007152672' + '6X')!,
  // A 事业单位 (authority 1, kind 2) whose organisation check is 0 (Σ = 0, 11 − 0 = 11 → written 0).
  completeCreditCode('12640500' + '00000000')!,
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes whose check characters are right', () => {
    for (const code of VALID) expect(checkCreditCode(code)).toEqual({ valid: true, code });
    expect(VALID[2]![16]).toBe('0');
  });

  it('computes the published example by hand-checked arithmetic', () => {
    expect(organisationCodeCheckCharacter('M000100Y')).toBe('4');
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(organisationCodeCheckCharacter('71526726')).toBe('X');
  });

  it('refuses every wrong check character (position 18)', () => {
    const code = VALID[0]!;
    const wrong = [...CREDIT_CODE_ALPHABET].filter((c) => c !== code[17]);
    expect(wrong).toHaveLength(30);
    for (const c of wrong) {
      expect(checkCreditCode(code.slice(0, 17) + c)).toEqual({
        valid: false,
        problem: 'check',
        position: 18,
        expected: '3',
      });
    }
  });

  it('refuses every wrong organisation-code check character (position 17, GB 11714)', () => {
    const code = VALID[0]!;
    for (const c of [...'0123456789X'].filter((c) => c !== code[16])) {
      // Recompute position 18 so that only the organisation check is wrong.
      const first17 = code.slice(0, 16) + c;
      const result = checkCreditCode(first17 + creditCodeCheckCharacter(first17)!);
      expect(result).toMatchObject({ valid: false, problem: 'organisation_check', position: 17 });
    }
  });

  it('refuses the letters the code never uses (I, O, Z, S, V) and any other character', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V', '-', ' ', '中']) {
      const code = VALID[0]!.slice(0, 10) + letter + VALID[0]!.slice(11);
      expect(checkCreditCode(code)).toMatchObject({ valid: false, problem: 'character', position: 11 });
    }
  });

  it('refuses wrong lengths', () => {
    for (const code of ['', VALID[0]!.slice(0, 17), VALID[0]! + '0', '9'.repeat(40)]) {
      expect(checkCreditCode(code)).toEqual({ valid: false, problem: 'length' });
    }
  });

  it('checks the registration authority and the kind of organisation it registers', () => {
    const withHead = (head: string) => completeCreditCode(head + VALID[0]!.slice(2, 16))!;
    expect(checkCreditCode(withHead('B1'))).toMatchObject({ valid: false, problem: 'authority', position: 1 });
    // 市场监管 registers 企业 (1), 个体工商户 (2), 农民专业合作社 (3): not 9.
    expect(checkCreditCode(withHead('99'))).toMatchObject({ valid: false, problem: 'kind', position: 2 });
    expect(checkCreditCode(withHead('Y2'))).toMatchObject({ valid: false, problem: 'kind', position: 2 });
    for (const head of ['91', '92', '93', '11', '12', '51', '52', '53', 'Y1', 'N2']) {
      expect(checkCreditCode(withHead(head)).valid).toBe(true);
    }
  });

  it('wants six digits for the administrative division', () => {
    const code = completeCreditCode('9164050A' + VALID[0]!.slice(8, 16))!;
    expect(checkCreditCode(code)).toMatchObject({ valid: false, problem: 'division', position: 3 });
  });

  it('normalises lower case and surrounding blanks, nothing else', () => {
    expect(normaliseCreditCode('  91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(checkCreditCode(normaliseCreditCode('91350100m000100y43')).valid).toBe(true);
    // A lower-case look-alike stays refused once upper-cased.
    expect(checkCreditCode(normaliseCreditCode('91350100o000100Y43'))).toMatchObject({ problem: 'character' });
    expect(checkCreditCode('91350100m000100y43')).toMatchObject({ valid: false, problem: 'character' });
  });
});
