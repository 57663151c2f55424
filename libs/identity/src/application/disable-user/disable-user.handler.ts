import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@app/shared';
import { UserRow } from '../../persistence/user.entity';
import { UserAccountChange, type AuditedActor, type UserView } from '../user-account-change';
import { CannotDisableSelfError } from '../../domain/user-account/user-account.errors';

/** 停用用户: effective at once, the user's sessions end; disabling a disabled user changes nothing. */
@Injectable()
export class DisableUserHandler {
  constructor(
    private readonly change: UserAccountChange,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  handle(userId: string, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    return this.change.apply(userId, by, scope, 'user_disabled', async (manager, user) => {
      if (userId === by.actorId) throw new CannotDisableSelfError();
      if (user.disabledAt) return false;
      user.disabledAt = this.clock.now();
      await manager.update(UserRow, { id: userId }, { disabledAt: user.disabledAt });
      await this.change.record({ type: 'DisableUser', userId, username: user.username }, by, user.jurisdiction);
      return true;
    });
  }
}
