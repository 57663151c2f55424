import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** NIST SP 800-63B: length over composition rules; 12 characters at least for people who run a command centre. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The most common passwords of published breach corpora, as the zxcvbn-ts project keeps them (about 49,000 entries in
 * @zxcvbn-ts/language-common). Compared case-insensitively, and also with a trailing run of digits or symbols taken
 * off ("password2024!" is "password" with a year), since that is how people stretch a short favourite to a length rule.
 */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return '密码须为字符串';
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem))) return '密码过于常见（在常用密码表中），请换一个';
  if (new Set(lower).size <= 2) return '密码不能由一两个字符重复组成';
  return undefined;
}

/** class-validator decorator for request fields that set a password (create, change, reset). */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown) => passwordProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property ?? 'password'}: ${passwordProblem(args?.value) ?? '密码不符合要求'}`,
      },
    },
    options,
  );
}
