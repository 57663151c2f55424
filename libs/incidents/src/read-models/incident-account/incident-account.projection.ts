import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { insertRows, type Projection } from '@app/event-sourcing/projections';
import type { ActorDirectory } from '@app/shared';
import { incidentEvents, type IncidentReported, type SituationUpdated } from '../../domain/incident/incident.events';
import { timelineActorOf } from '../incident-timeline/timeline-actor';
import { IncidentAccountRow } from './incident-account.entity';

const accountEvents = incidentEvents.only('IncidentReported', 'SituationUpdated');
type AccountEvent = IncidentReported | SituationUpdated;

/**
 * The incident's account (简要经过) as it was told: the intake as received and each follow-up beside it, never one
 * written over another. Authors are named by display name (without a directory, by the name recorded with the event).
 * Consoles learn of a new entry from the incident's `timeline.appended`, so this sends no delta of its own.
 */
export class IncidentAccountProjection implements Projection<AccountEvent> {
  readonly name = 'incident-accounts';
  readonly filter = { kind: 'eventTypePrefix', prefixes: ['IncidentReported', 'SituationUpdated'] } as const;
  readonly events = accountEvents;

  constructor(private readonly directory?: ActorDirectory) {}

  async apply(events: readonly Recorded<AccountEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const actors = events.map((event) => timelineActorOf(event.metadata));
    const names = this.directory
      ? await this.directory.displayNames([...new Set(actors.filter((a) => a.kind === 'person').map((a) => a.id))])
      : new Map<string, string>();
    const rows = events.map((event, i) => {
      const actor = actors[i]!;
      const author = (actor.kind === 'person' ? names.get(actor.id) : undefined) ?? actor.recordedName;
      const common = {
        incidentId: event.data.incidentId,
        revision: Number(event.revision),
        eventId: event.id,
        authorId: actor.id,
        author,
        casualties: event.data.casualties,
        directLossYuan: event.data.directLossYuan,
        drillId: event.metadata.drillId ?? null,
        position: formatPosition(event.position),
      };
      return Object.assign(
        new IncidentAccountRow(),
        event.type === 'IncidentReported'
          ? {
              ...common,
              kind: 'initial' as const,
              at: new Date(event.data.receivedAt),
              description: event.data.description,
              measures: event.data.measures ?? null,
              outsideWindow: false,
            }
          : {
              ...common,
              kind: 'follow_up' as const,
              at: new Date(event.data.updatedAt),
              description: event.data.description,
              measures: event.data.measures,
              outsideWindow: event.data.outsideWindow === true,
            },
      );
    });
    await insertRows(manager, IncidentAccountRow, rows);
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate incident_accounts');
  }
}
