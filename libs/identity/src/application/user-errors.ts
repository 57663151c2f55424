import { DomainError } from '@app/shared';

export class UsernameTakenError extends DomainError {
  constructor(username: string) {
    super('USERNAME_TAKEN', 'conflict', `用户名 ${username} 已存在`);
  }
}

export class UnknownJurisdictionError extends DomainError {
  constructor(jurisdiction: string) {
    super('UNKNOWN_JURISDICTION', 'invalid', 'jurisdiction 不是已知的辖区代码', { jurisdiction });
  }
}

export class CannotDisableSelfError extends DomainError {
  constructor() {
    super('CANNOT_DISABLE_SELF', 'rule', '不能停用自己的账号');
  }
}

/** An administrator cannot widen or narrow its own access: another administrator must do it. */
export class CannotChangeOwnAccessError extends DomainError {
  constructor() {
    super('CANNOT_CHANGE_OWN_ACCESS', 'rule', '不能修改自己的角色或辖区');
  }
}

/**
 * One's own password is changed with the current one (POST /auth/password), so a stolen session cannot take over
 * an administrator's account.
 */
export class CannotResetOwnPasswordError extends DomainError {
  constructor() {
    super('CANNOT_RESET_OWN_PASSWORD', 'rule', '不能重置自己的密码，请使用修改密码');
  }
}
