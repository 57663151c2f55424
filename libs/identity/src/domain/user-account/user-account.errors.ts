import { domainError } from '@app/shared';

// The identity context's error catalogue: each code, its status and its Chinese wording, declared once.

/** A new account always gets a fresh id, so its stream must not exist yet. */
export const UserAlreadyRecordedError = domainError({
  code: 'USER_ALREADY_EXISTS',
  kind: 'conflict',
  message: '该用户已存在',
});

export const UsernameTakenError = domainError({
  code: 'USERNAME_TAKEN',
  kind: 'conflict',
  message: (username: string) => `用户名 ${username} 已存在`,
});

export const UnknownJurisdictionError = domainError({
  code: 'UNKNOWN_JURISDICTION',
  kind: 'invalid',
  message: (_jurisdiction: string) => 'jurisdiction 不是已知的辖区代码',
  details: (jurisdiction) => ({ jurisdiction }),
});

export const NothingToChangeError = domainError({
  code: 'NOTHING_TO_CHANGE',
  kind: 'invalid',
  message: '请至少提供 roles、jurisdiction 或 displayName 之一',
});

export const CannotDisableSelfError = domainError({
  code: 'CANNOT_DISABLE_SELF',
  kind: 'rule',
  message: '不能停用自己的账号',
});

/** An administrator cannot widen or narrow its own access: another administrator must do it. */
export const CannotChangeOwnAccessError = domainError({
  code: 'CANNOT_CHANGE_OWN_ACCESS',
  kind: 'rule',
  message: '不能修改自己的角色或辖区',
});

/**
 * One's own password is changed with the current one (POST /auth/password), so a stolen session cannot take over
 * an administrator's account.
 */
export const CannotResetOwnPasswordError = domainError({
  code: 'CANNOT_RESET_OWN_PASSWORD',
  kind: 'rule',
  message: '不能重置自己的密码，请使用修改密码',
});

export const PasswordUnchangedError = domainError({
  code: 'PASSWORD_UNCHANGED',
  kind: 'rule',
  message: '新密码不能与当前密码相同',
});

export const CurrentPasswordWrongError = domainError({
  code: 'CURRENT_PASSWORD_WRONG',
  kind: 'forbidden',
  message: '当前密码不正确',
});
