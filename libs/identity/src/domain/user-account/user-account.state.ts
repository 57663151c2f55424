import { unknownCase } from '@app/event-sourcing/events';
import type { UserAccountEvent } from './user-account.events';

/**
 * What the stream knows about an account: whether its creation is recorded. Accounts seeded at start (the
 * administrator, the demo users) have a row in the users table but no stream until their first change.
 */
export type UserAccountState =
  { created: false } | { created: true; userId: string; username: string; jurisdiction: string };

export const initialUserAccountState: UserAccountState = { created: false };

export function evolveUserAccount(state: UserAccountState, event: UserAccountEvent): UserAccountState {
  switch (event.type) {
    case 'UserCreated':
      return {
        created: true,
        userId: event.data.userId,
        username: event.data.username,
        jurisdiction: event.data.jurisdiction,
      };
    case 'UserUpdated':
      return state.created ? { ...state, jurisdiction: event.data.jurisdiction } : state;
    case 'UserDisabled':
    case 'UserEnabled':
    case 'UserPasswordReset':
    case 'UserPasswordChanged':
      return state;
    default:
      return unknownCase(event);
  }
}
