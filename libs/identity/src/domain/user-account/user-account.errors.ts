import { DomainError } from '@app/shared';

/** A new account always gets a fresh id, so its stream must not exist yet. */
export class UserAlreadyRecordedError extends DomainError {
  constructor() {
    super('USER_ALREADY_EXISTS', 'conflict', '该用户已存在');
  }
}
