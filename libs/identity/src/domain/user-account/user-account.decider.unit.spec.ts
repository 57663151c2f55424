import { fold } from '@app/event-sourcing';
import { DomainError } from '@app/shared';
import type { CreateUser, UserAccountCommand } from './user-account.commands';
import { userAccountDecider } from './user-account.decider';
import type { UserAccountEvent } from './user-account.events';

const userId = '3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f';
const create: CreateUser = { type: 'CreateUser', userId, username: 'zhangwei', displayName: '张伟', roles: ['duty_officer'], jurisdiction: '640521' };

const decide = (history: UserAccountEvent[], command: UserAccountCommand): UserAccountEvent[] =>
  userAccountDecider.decide(command, fold(userAccountDecider, history));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
}

describe('user account decider', () => {
  it('records a creation with the profile and nothing of the password', () => {
    expect(decide([], create)).toEqual([
      { type: 'UserCreated', data: { userId, username: 'zhangwei', displayName: '张伟', roles: ['duty_officer'], jurisdiction: '640521' } },
    ]);
  });

  it('refuses a second creation on a stream that already has one', () => {
    const history = decide([], create);
    expect(codeOf(() => decide(history, create))).toBe('USER_ALREADY_EXISTS');
  });

  it('accepts a change of an account whose stream does not exist yet (seeded at start)', () => {
    expect(decide([], { type: 'DisableUser', userId, username: 'admin' })).toEqual([{ type: 'UserDisabled', data: { userId, username: 'admin' } }]);
    expect(decide([], { type: 'ChangeOwnPassword', userId, username: 'admin' })).toEqual([{ type: 'UserPasswordChanged', data: { userId, username: 'admin' } }]);
  });

  it('names each change by its own event type', () => {
    const history = decide([], create);
    const account = { userId, username: 'zhangwei' };
    expect(decide(history, { type: 'EnableUser', ...account }).map((e) => e.type)).toEqual(['UserEnabled']);
    expect(decide(history, { type: 'ResetUserPassword', ...account }).map((e) => e.type)).toEqual(['UserPasswordReset']);
  });

  it('keeps the previous roles, jurisdiction and name of an update, and scopes later events to the new jurisdiction', () => {
    const history = decide([], create);
    const previous = { roles: create.roles, jurisdiction: '640521', displayName: '张伟' };
    const updated = decide(history, { type: 'UpdateUser', userId, username: 'zhangwei', now: { roles: ['commander'], jurisdiction: '640522', displayName: '张伟' }, previous });
    expect(updated).toEqual([{
      type: 'UserUpdated',
      data: { userId, username: 'zhangwei', roles: ['commander'], jurisdiction: '640522', displayName: '张伟', previous },
    }]);
    expect(userAccountDecider.scopeOf?.(fold(userAccountDecider, [...history, ...updated]))).toEqual({ jurisdiction: '640522' });
  });
});
