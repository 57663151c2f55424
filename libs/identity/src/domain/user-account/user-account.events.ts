import { EventRegistry } from '@app/event-sourcing/events';
import type { Role } from '@app/shared';

/** Who the account is for; never any password material: events are kept forever. */
export interface UserProfile {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string;
}

export interface UserCreated {
  type: 'UserCreated';
  data: { userId: string } & UserProfile;
}

/** 停用: the account can no longer sign in and its sessions end. */
export interface UserDisabled {
  type: 'UserDisabled';
  data: { userId: string; username: string };
}

export interface UserEnabled {
  type: 'UserEnabled';
  data: { userId: string; username: string };
}

/** Roles, jurisdiction or display name changed; the previous values stay in the trail. */
export interface UserUpdated {
  type: 'UserUpdated';
  data: { userId: string } & UserProfile & { previous: Omit<UserProfile, 'username'> };
}

/** An administrator set a new password. */
export interface UserPasswordReset {
  type: 'UserPasswordReset';
  data: { userId: string; username: string };
}

/** The user changed its own password. */
export interface UserPasswordChanged {
  type: 'UserPasswordChanged';
  data: { userId: string; username: string };
}

export type UserAccountEvent =
  UserCreated | UserDisabled | UserEnabled | UserUpdated | UserPasswordReset | UserPasswordChanged;

/** Every UserAccountEvent type with its schema version (1 + its upcasters: none so far). */
export const userAccountEvents = EventRegistry.of<UserAccountEvent>({
  UserCreated: {},
  UserDisabled: {},
  UserEnabled: {},
  UserUpdated: {},
  UserPasswordReset: {},
  UserPasswordChanged: {},
});
