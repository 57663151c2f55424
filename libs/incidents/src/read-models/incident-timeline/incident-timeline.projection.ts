import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { incidentEvents, type IncidentEvent } from '../../domain/incident/incident.events';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { summarizeIncidentEvent } from './timeline-summary';
import { toTimelineView } from './timeline.views';

/** Every incident event becomes one timeline line; `timeline.appended` goes to the incident's consoles. */
export class IncidentTimelineProjection implements Projection {
  readonly name = 'incident-timeline';
  readonly filter = { kind: 'category', categories: ['incident'] } as const;
  readonly events = incidentEvents;

  async apply(events: readonly Recorded<IncidentEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const rows = events.map((event) => {
      return Object.assign(new IncidentTimelineRow(), {
        incidentId: event.data.incidentId,
        revision: Number(event.revision),
        at: new Date(event.metadata.occurredAt),
        recordedAt: event.recordedAt,
        type: event.type,
        summary: summarizeIncidentEvent(event),
        actor: typeof event.metadata.actorName === 'string' ? event.metadata.actorName : event.metadata.actorId,
        drillId: event.metadata.drillId ?? null,
        position: formatPosition(event.position),
      });
    });
    await manager.getRepository(IncidentTimelineRow).insert(rows);
    return rows.map((row, i) => ({
      name: 'timeline.appended' as const,
      position: row.position,
      scope: {
        jurisdiction: events[i]!.metadata.jurisdiction,
        incidentId: row.incidentId,
        ...(row.drillId ? { drillId: row.drillId } : {}),
      },
      data: toTimelineView(row),
    }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate incident_timeline');
  }
}
