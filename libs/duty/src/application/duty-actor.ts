import type { CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import type { DutyActor } from '../domain/duty.types';

/** Who scheduled, handed over or answered, as the watch's records name them. */
export function dutyActorOf(context: CommandContext): DutyActor {
  return { userId: context.actorId, name: context.actorName ?? context.actorId };
}

/** A watch is kept only inside the actor's jurisdictions. */
export function assertWatchInScope(jurisdiction: string, context: CommandContext): void {
  if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(jurisdiction))
    throw new OutsideJurisdictionError(jurisdiction);
}
