import { StreamNotFoundError, type EventStore } from '@app/event-store';
import {
  drillActorOf,
  NotADrillIncidentRecordError,
  NotADrillWarningRecordError,
  type DrillParticipation,
} from '@app/shared';
import type { CommandContext } from './command-context';

/** An aggregate that may be drill data: the drill id and jurisdiction it was created with are in its first event. */
export interface DrillDataAggregate {
  kind: 'incident' | 'warning';
  id: string;
  stream: string;
  /** The type of the event that creates it (its data carries `jurisdiction` and `drillId?`). */
  createdBy: string;
}

/**
 * Before a command on an existing incident or warning: a drill's data is changed only by those who take part in that
 * drill while it runs, and a command on behalf of a drill (its context names the drill) only touches that drill's
 * aggregates, so nothing real is ever moved into a drill. Decided from the aggregate's first event (its drill id never
 * changes), so a lagging read model cannot mislead it. Unknown or out-of-scope aggregates pass: the command itself
 * answers 404 for them, as for any aggregate.
 */
export async function assertDrillDataRules(
  store: EventStore,
  drills: DrillParticipation,
  aggregate: DrillDataAggregate,
  context: CommandContext,
): Promise<void> {
  const actor = drillActorOf(context);
  if (!actor && !context.drillId) return;
  const created = await firstEventData(store, aggregate);
  if (!created || (actor && !actor.scope.includes(created.jurisdiction))) return;
  const drillId = created.drillId;
  if (context.drillId !== undefined && drillId !== context.drillId) {
    throw aggregate.kind === 'incident'
      ? new NotADrillIncidentRecordError(aggregate.id)
      : new NotADrillWarningRecordError(aggregate.id);
  }
  if (drillId && actor) await drills.assertMayWrite({ drillId, jurisdiction: created.jurisdiction, actor });
}

async function firstEventData(
  store: EventStore,
  aggregate: DrillDataAggregate,
): Promise<{ jurisdiction: string; drillId?: string } | undefined> {
  try {
    const [first] = await store.readStream(aggregate.stream, { fromRevision: 'start', maxCount: 1 });
    if (first?.type !== aggregate.createdBy) return undefined;
    const data = first.data as { jurisdiction?: unknown; drillId?: unknown };
    if (typeof data.jurisdiction !== 'string') return undefined;
    return { jurisdiction: data.jurisdiction, ...(typeof data.drillId === 'string' ? { drillId: data.drillId } : {}) };
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
