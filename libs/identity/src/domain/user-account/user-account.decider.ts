import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { UserAccountCommand } from './user-account.commands';
import { UserAlreadyRecordedError } from './user-account.errors';
import { userAccountEvents, type UserAccountEvent } from './user-account.events';
import { evolveUserAccount, initialUserAccountState, type UserAccountState } from './user-account.state';

/**
 * Turns an administrative change (already applied to the users table in the same transaction) into its audit event.
 * Creation needs a new stream. Every other change accepts a stream that does not exist yet: the users table, not
 * the stream, says whether the account exists, and seeded accounts have none until their first change.
 */
export function decideUserAccount(command: UserAccountCommand, state: UserAccountState): UserAccountEvent[] {
  const { userId, username } = command;
  switch (command.type) {
    case 'CreateUser': {
      if (state.created) throw new UserAlreadyRecordedError();
      const { displayName, roles, jurisdiction } = command;
      return [{ type: 'UserCreated', data: { userId, username, displayName, roles, jurisdiction } }];
    }
    case 'DisableUser':
      return [{ type: 'UserDisabled', data: { userId, username } }];
    case 'EnableUser':
      return [{ type: 'UserEnabled', data: { userId, username } }];
    case 'UpdateUser': {
      const { roles, jurisdiction, displayName } = command.now;
      const previous = command.previous;
      const data = {
        userId,
        username,
        roles,
        jurisdiction,
        displayName,
        previous: { roles: previous.roles, jurisdiction: previous.jurisdiction, displayName: previous.displayName },
      };
      return [{ type: 'UserUpdated', data }];
    }
    case 'ResetUserPassword':
      return [{ type: 'UserPasswordReset', data: { userId, username } }];
    case 'ChangeOwnPassword':
      return [{ type: 'UserPasswordChanged', data: { userId, username } }];
    default:
      return unknownCase(command);
  }
}

export const userAccountDecider = defineDecider<UserAccountCommand, UserAccountEvent, UserAccountState>({
  events: userAccountEvents,
  initialState: initialUserAccountState,
  evolve: evolveUserAccount,
  decide: decideUserAccount,
  scopeOf: (state) => (state.created ? { jurisdiction: state.jurisdiction } : {}),
});
