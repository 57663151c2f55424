import type { EntityManager } from 'typeorm';
import { formatPosition, type RecordedEvent } from '@app/event-store';
import type { LiveDelta } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import type { IncidentEvent } from '../domain/incident.events';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { summarizeIncidentEvent } from './timeline-summary';
import { toTimelineView } from './incident.views';

/** Every incident event becomes one timeline line; `timeline.appended` goes to the incident's consoles. */
export class IncidentTimelineProjection implements Projection {
  readonly name = 'incident-timeline';
  readonly filter = { kind: 'category', categories: ['incident'] } as const;

  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<LiveDelta[]> {
    const rows = events.map((recorded) => {
      const event = recorded as unknown as IncidentEvent;
      return Object.assign(new IncidentTimelineRow(), {
        incidentId: event.data.incidentId,
        revision: Number(recorded.revision),
        at: new Date(recorded.metadata.occurredAt),
        recordedAt: recorded.recordedAt,
        type: recorded.type,
        summary: summarizeIncidentEvent(event),
        actor: typeof recorded.metadata.actorName === 'string' ? recorded.metadata.actorName : recorded.metadata.actorId,
        drillId: recorded.metadata.drillId ?? null,
        position: formatPosition(recorded.position),
      });
    });
    await manager.getRepository(IncidentTimelineRow).insert(rows);
    return rows.map((row, i) => ({
      name: 'timeline.appended' as const,
      position: row.position,
      scope: { jurisdiction: events[i]!.metadata.jurisdiction, incidentId: row.incidentId, ...(row.drillId ? { drillId: row.drillId } : {}) },
      data: toTimelineView(row),
    }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate incident_timeline');
  }
}
