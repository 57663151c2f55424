import { spec } from '@app/event-sourcing/testing';
import type { CreateUser } from './user-account.commands';
import { userAccountDecider } from './user-account.decider';
import { UserAlreadyRecordedError } from './user-account.errors';
import type { UserAccountEvent, UserCreated } from './user-account.events';

const userId = '3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f';
const account = { userId, username: 'zhangwei' };
const create: CreateUser = {
  type: 'CreateUser',
  ...account,
  displayName: '张伟',
  roles: ['duty_officer'],
  jurisdiction: '640521',
};
const created: UserCreated = {
  type: 'UserCreated',
  data: { ...account, displayName: '张伟', roles: ['duty_officer'], jurisdiction: '640521' },
};
const user = spec(userAccountDecider);

describe('user account decider', () => {
  it('records a creation with the profile and nothing of the password', () => {
    user.when(create).then([created]);
  });

  it('refuses a second creation on a stream that already has one', () => {
    user.given([created]).when(create).thenThrows(UserAlreadyRecordedError, 'USER_ALREADY_EXISTS');
  });

  it('accepts a change of an account whose stream does not exist yet (seeded at start)', () => {
    const admin = { userId, username: 'admin' };
    user.when({ type: 'DisableUser', ...admin }).then([{ type: 'UserDisabled', data: admin }]);
    user.when({ type: 'ChangeOwnPassword', ...admin }).then([{ type: 'UserPasswordChanged', data: admin }]);
  });

  it('names each change by its own event type', () => {
    const given = user.given([created]);
    given.when({ type: 'EnableUser', ...account }).then([{ type: 'UserEnabled', data: account }]);
    given.when({ type: 'ResetUserPassword', ...account }).then([{ type: 'UserPasswordReset', data: account }]);
    given.when({ type: 'DisableUser', ...account }).then([{ type: 'UserDisabled', data: account }]);
  });

  it('keeps the previous roles, jurisdiction and name of an update, and scopes later events to the new jurisdiction', () => {
    const previous = { roles: create.roles, jurisdiction: '640521', displayName: '张伟' };
    const now = { roles: ['commander' as const], jurisdiction: '640522', displayName: '张伟' };
    const updated: UserAccountEvent = { type: 'UserUpdated', data: { ...account, ...now, previous } };
    const { state } = user
      .given([created])
      .when({ type: 'UpdateUser', ...account, now, previous })
      .then([updated]);
    expect(userAccountDecider.scopeOf?.(state)).toEqual({ jurisdiction: '640522' });
    expect(userAccountDecider.scopeOf?.(user.state())).toEqual({});
  });
});
