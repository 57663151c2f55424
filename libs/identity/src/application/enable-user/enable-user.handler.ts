import { Injectable } from '@nestjs/common';
import { UserRow } from '../../persistence/user.entity';
import { UserAccountChange, type AuditedActor, type UserView } from '../user-account-change';

/** 重新启用用户: enabling an enabled user changes nothing. */
@Injectable()
export class EnableUserHandler {
  constructor(private readonly change: UserAccountChange) {}

  handle(userId: string, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    return this.change.apply(userId, by, scope, 'user_enabled', async (manager, user) => {
      if (!user.disabledAt) return false;
      user.disabledAt = null;
      await manager.update(UserRow, { id: userId }, { disabledAt: null });
      await this.change.record({ type: 'EnableUser', userId, username: user.username }, by, user.jurisdiction);
      return true;
    });
  }
}
