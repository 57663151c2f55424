import { delayAfter, FIRST_DELAY_MS, FREE_FAILURES, MAX_DELAY_MS } from './login-throttle';
import { RequestValidationError } from '@app/shared/nest';
import { assertPasswordAcceptable, passwordProblem } from './password-policy';

describe('sign-in delay', () => {
  it('lets the first five failures pass, then doubles from 30 s and stops at 15 minutes', () => {
    expect([0, 1, 4].map(delayAfter)).toEqual([0, 0, 0]);
    expect(delayAfter(FREE_FAILURES)).toBe(FIRST_DELAY_MS);
    expect([5, 6, 7, 8, 9].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(delayAfter(10)).toBe(MAX_DELAY_MS);
    expect(delayAfter(1000)).toBe(MAX_DELAY_MS);
  });
});

describe('password policy', () => {
  test.each([
    ['short', 'short-pw', '至少 12'],
    ['a common password', 'qwertyuiop123', '常用密码'],
    ['a common one in capitals', 'QWERTYUIOP123', '常用密码'],
    ['a common word stretched with digits and a symbol', 'password2024!!', '常用密码'],
    ['one character repeated', 'aaaaaaaaaaaaaa', '重复'],
  ])('refuses %s', (_, password, message) => {
    expect(passwordProblem(password)).toContain(message);
  });

  test.each([
    ['a three-letter unit repeated', 'abcabcabcabc'],
    ['a four-character unit repeated, the last copy cut short', '1a2b1a2b1a2b1a'],
    ['a repeated unit in mixed case', 'XyZqxyzqXYZQ'],
  ])('refuses %s', (_, password) => {
    expect(passwordProblem(password)).toContain('片段重复');
  });

  it('accepts a five-character unit repeated (the limit is four) and text that merely repeats in part', () => {
    expect(passwordProblem('k7#qzk7#qzk7#qz')).toBeUndefined();
    expect(passwordProblem('abcabcabcabc-黄河')).toBeUndefined();
  });

  it('refuses a password containing the username, in any case, and names why', () => {
    expect(passwordProblem('cmd.haiyuan123', 'cmd.haiyuan')).toBe('密码不能包含用户名');
    expect(passwordProblem('值班-CMD.HaiYuan-2026', 'cmd.haiyuan')).toBe('密码不能包含用户名');
    expect(passwordProblem('cmd.haiyuan123', 'duty.zhongwei')).toBeUndefined();
    // Two-letter names are not looked for: they occur inside ordinary words.
    expect(passwordProblem('reliable-river-2026', 'li')).toBeUndefined();
  });

  it('a service-side check refuses as a field error of the request', () => {
    expect(() => assertPasswordAcceptable('cmd.haiyuan123', 'cmd.haiyuan')).toThrow(RequestValidationError);
    try {
      assertPasswordAcceptable('xx-cmd.haiyuan-xx', 'cmd.haiyuan');
    } catch (error) {
      expect((error as RequestValidationError).errors).toEqual([
        { path: 'newPassword', message: 'newPassword: 密码不能包含用户名' },
      ]);
    }
    expect(() => assertPasswordAcceptable('值班室-黄河大桥-2026', 'cmd.haiyuan')).not.toThrow();
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('值班室-黄河大桥-2026')).toBeUndefined();
    expect(passwordProblem('correct horse battery')).toBeUndefined();
  });
});
