import { delayAfter, FIRST_DELAY_MS, FREE_FAILURES, MAX_DELAY_MS } from './login-throttle';
import { passwordProblem } from './password-policy';

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

  it('accepts a long passphrase', () => {
    expect(passwordProblem('值班室-黄河大桥-2026')).toBeUndefined();
    expect(passwordProblem('correct horse battery')).toBeUndefined();
  });
});
