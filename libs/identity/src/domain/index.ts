// The identity context's pure domain: the user account's audit events (no framework behind it).
export * from './user-account/user-account.events';
export * from './user-account/user-account.commands';
export * from './user-account/user-account.errors';
export { userAccountDecider } from './user-account/user-account.decider';
export type { UserAccountState } from './user-account/user-account.state';
