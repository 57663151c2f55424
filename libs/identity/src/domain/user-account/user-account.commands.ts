import type { UserProfile } from './user-account.events';

/**
 * The users table is the account's managed state; a command carries what the table held and what it now holds, so
 * that the event says it without the decider reading the table.
 */
export interface CreateUser extends UserProfile {
  type: 'CreateUser';
  userId: string;
}

interface AccountCommand {
  userId: string;
  username: string;
}

export interface DisableUser extends AccountCommand {
  type: 'DisableUser';
}

export interface EnableUser extends AccountCommand {
  type: 'EnableUser';
}

export interface UpdateUser extends AccountCommand {
  type: 'UpdateUser';
  now: Omit<UserProfile, 'username'>;
  previous: Omit<UserProfile, 'username'>;
}

export interface ResetUserPassword extends AccountCommand {
  type: 'ResetUserPassword';
}

export interface ChangeOwnPassword extends AccountCommand {
  type: 'ChangeOwnPassword';
}

export type UserAccountCommand =
  CreateUser | DisableUser | EnableUser | UpdateUser | ResetUserPassword | ChangeOwnPassword;
