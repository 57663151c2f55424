import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { RequestValidationError } from '@app/shared/nest';

/** NIST SP 800-63B: length over composition rules; 12 characters at least for people who run a command centre. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The most common passwords of published breach corpora, as the zxcvbn-ts project keeps them (about 49,000 entries in
 * @zxcvbn-ts/language-common). Compared case-insensitively, and also with a trailing run of digits or symbols taken
 * off ("password2024!" is "password" with a year), since that is how people stretch a short favourite to a length rule.
 */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** The longest unit a password may not consist of by repetition ("abcabcabcabc", "1a2b1a2b1a2b"). */
export const MAX_REPEATED_UNIT = 4;

/**
 * Usernames shorter than this are not looked for inside passwords: a two-letter name ("li") occurs in ordinary words
 * and would refuse good passphrases for no gain, while any three letters of a name are worth nothing to a guesser who
 * knows the account.
 */
const MIN_USERNAME_TO_MATCH = 3;

/**
 * Why a password is refused, or undefined. `username` is the account the password is for: a password that contains
 * it is the first thing an attacker who knows the account tries ("cmd.haiyuan123" for cmd.haiyuan).
 */
export function passwordProblem(password: unknown, username?: string): string | undefined {
  if (typeof password !== 'string') return '密码必须是字符串';
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || (stem.length >= 4 && COMMON.has(stem))) return '密码过于常见（在常用密码表中），请换一个';
  if (new Set(lower).size <= 2) return '密码不能由一两个字符重复组成';
  if (repeatsShortUnit(lower)) return `密码不能由不超过 ${MAX_REPEATED_UNIT} 个字符的片段重复组成（如 abcabcabcabc）`;
  if (username && username.length >= MIN_USERNAME_TO_MATCH && lower.includes(username.toLowerCase()))
    return '密码不能包含用户名';
  return undefined;
}

/** Whether the text is one unit of at most MAX_REPEATED_UNIT characters repeated, the last copy possibly cut short. */
function repeatsShortUnit(text: string): boolean {
  const chars = [...text];
  for (let unit = 1; unit <= MAX_REPEATED_UNIT; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/**
 * class-validator decorator for request fields that set a password (create, change, reset). When the request itself
 * names the account (creating a user), the password is checked against that username here; change and reset know
 * the account only in the service, which checks it there (assertPasswordAcceptable).
 */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  const usernameOf = (object: unknown) => {
    const username = (object as { username?: unknown } | undefined)?.username;
    return typeof username === 'string' ? username : undefined;
  };
  return ValidateBy(
    {
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown, args) => passwordProblem(value, usernameOf(args?.object)) === undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'password'}: ${passwordProblem(args?.value, usernameOf(args?.object)) ?? '密码不符合要求'}`,
      },
    },
    options,
  );
}

/** The service-side check for a password set on a known account: a 400 naming the field, like the request check. */
export function assertPasswordAcceptable(password: string, username: string, field = 'newPassword'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new RequestValidationError([{ path: field, message: `${field}: ${problem}` }]);
}
