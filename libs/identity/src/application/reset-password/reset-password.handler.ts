import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../../auth/password-hasher';
import { assertPasswordAcceptable } from '../../auth/password-policy';
import { accountBucket, LoginThrottle } from '../../auth/login-throttle';
import { UserRow } from '../../persistence/user.entity';
import { UserAccountChange, type AuditedActor } from '../user-account-change';
import { CannotResetOwnPasswordError } from '../../domain/user-account/user-account.errors';

/** An administrator sets a new password: the user's sessions end, and its sign-in delay is lifted. */
@Injectable()
export class ResetPasswordHandler {
  constructor(
    private readonly change: UserAccountChange,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async handle(userId: string, newPassword: string, by: AuditedActor, scope: readonly string[]): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    const view = await this.change.apply(userId, by, scope, 'password_reset', async (manager, user) => {
      if (userId === by.actorId) throw new CannotResetOwnPasswordError();
      // The request check cannot know whose password this is; the row locked here does.
      assertPasswordAcceptable(newPassword, user.username);
      await manager.update(UserRow, { id: userId }, { passwordHash });
      await this.change.record({ type: 'ResetUserPassword', userId, username: user.username }, by, user.jurisdiction);
      return true;
    });
    await this.throttle.clear(accountBucket(view.username));
  }
}
