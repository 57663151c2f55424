import { Inject, Injectable } from '@nestjs/common';
import { JURISDICTIONS, OutsideJurisdictionError, type JurisdictionRegistry } from '@app/shared';
import { UserRow } from '../../persistence/user.entity';
import { UserAccountChange, type AuditedActor, type UserView } from '../user-account-change';
import { CannotChangeOwnAccessError, NothingToChangeError } from '../../domain/user-account/user-account.errors';
import { assertKnownJurisdiction } from '../user-fields';
import type { UpdateUserRequest } from './update-user.request';

/** Roles, jurisdiction or display name. A change of roles or jurisdiction ends the user's sessions. */
@Injectable()
export class UpdateUserHandler {
  constructor(
    private readonly change: UserAccountChange,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  handle(userId: string, input: UpdateUserRequest, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    if (input.jurisdiction !== undefined) {
      assertKnownJurisdiction(this.jurisdictions, input.jurisdiction);
      if (!scope.includes(input.jurisdiction)) throw new OutsideJurisdictionError(input.jurisdiction);
    }
    if (input.roles === undefined && input.jurisdiction === undefined && input.displayName === undefined) {
      throw new NothingToChangeError();
    }
    return this.change.apply(userId, by, scope, 'user_updated', async (manager, user) => {
      if (userId === by.actorId && (input.roles !== undefined || input.jurisdiction !== undefined))
        throw new CannotChangeOwnAccessError();
      const roles = input.roles ?? user.roles;
      const jurisdiction = input.jurisdiction ?? user.jurisdiction;
      const displayName = input.displayName ?? user.displayName;
      const accessChanged =
        [...roles].sort().join() !== [...user.roles].sort().join() || jurisdiction !== user.jurisdiction;
      if (!accessChanged && displayName === user.displayName) return false;
      await manager.update(UserRow, { id: userId }, { roles, jurisdiction, displayName });
      const previous = { roles: user.roles, jurisdiction: user.jurisdiction, displayName: user.displayName };
      await this.change.record(
        { type: 'UpdateUser', userId, username: user.username, now: { roles, jurisdiction, displayName }, previous },
        by,
        jurisdiction,
      );
      Object.assign(user, { roles, jurisdiction, displayName });
      return accessChanged ? true : 'keep_sessions';
    });
  }
}
