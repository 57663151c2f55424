import type { EventMetadata } from '@app/event-store';

/** Who a timeline line names: a person, or a system process; `via` the process that acted on the person's behalf. */
export interface TimelineActor {
  id: string;
  kind: 'person' | 'system';
  /** The name as recorded with the event (a person's sign-in name until the display name is looked up). */
  recordedName: string;
  via: string | null;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads the actor off an event's metadata. A signed-in person's requests carry the roles they acted with; a process
 * manager's commands carry the person whose command caused them, where known (`onBehalfOfId`); anything else was done
 * by the system itself (a scheduler, seeding, a process with no person behind it).
 */
export function timelineActorOf(metadata: EventMetadata): TimelineActor {
  const actorName = text(metadata.actorName) ?? metadata.actorId;
  const behalf = text(metadata.onBehalfOfId);
  if (behalf)
    return { id: behalf, kind: 'person', recordedName: text(metadata.onBehalfOfName) ?? behalf, via: actorName };
  if (Array.isArray(metadata.actorRoles))
    return { id: metadata.actorId, kind: 'person', recordedName: actorName, via: null };
  return { id: metadata.actorId, kind: 'system', recordedName: actorName, via: null };
}
