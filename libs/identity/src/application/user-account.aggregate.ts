import { defineAggregate } from '@app/event-sourcing';
import { userAccountDecider } from '../domain/user-account/user-account.decider';

/**
 * A user account's audit trail: streams `user-<id>`. No read model to wait for: the users table is managed state,
 * written by the same handler in the same transaction as the event.
 */
export const userAccountAggregate = defineAggregate({ category: 'user', decider: userAccountDecider, readModels: [] });
