import type { CommandContext } from '@app/event-sourcing';

/** Who a plan's history names as author: the actor's display name when known, else the account id. */
export const planAuthorOf = (context: CommandContext): string => context.actorName ?? context.actorId;
