import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import { EventRegistry, type LiveDelta, type Recorded } from '@app/event-sourcing';
import { insertRows, LIVE, type ApplyContext, type Projection } from '@app/event-sourcing/projections';
import type { ActorDirectory } from '@app/shared';
import { incidentEvents, type IncidentEvent } from '../../domain/incident/incident.events';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { timelineActorOf } from './timeline-actor';
import {
  summarizeAllocationEvent,
  summarizeConsultationEvent,
  summarizeIncidentEvent,
  type TimelineAllocationEvent,
  type TimelineConsultationEvent,
} from './timeline-summary';
import { toTimelineView } from './timeline.views';

/**
 * The warehouse events that concern an incident, declared here rather than taken from the warehouses context (which
 * depends on this one); a new version of these events must be declared here as well (docs/adr/0010).
 */
const allocationEvents = EventRegistry.of<TimelineAllocationEvent>({ StockAllocated: {}, AllocationStatusChanged: {} });

/** The expert context's consultation events, declared here for the same reason (experts depend on incidents). */
const consultationEvents = EventRegistry.of<TimelineConsultationEvent>({
  ExpertInvited: {},
  ConsultationAccepted: {},
  ConsultationDeclined: {},
});

type TimelineEvent = IncidentEvent | TimelineAllocationEvent | TimelineConsultationEvent;

export const timelineEvents = EventRegistry.union(
  EventRegistry.union(incidentEvents, allocationEvents),
  consultationEvents,
);

const isAllocation = (event: Recorded<TimelineEvent>): event is Recorded<TimelineAllocationEvent> =>
  event.type === 'StockAllocated' || event.type === 'AllocationStatusChanged';

const isConsultation = (event: Recorded<TimelineEvent>): event is Recorded<TimelineConsultationEvent> =>
  event.type === 'ExpertInvited' || event.type === 'ConsultationAccepted' || event.type === 'ConsultationDeclined';

const sourceOf = (event: Recorded<TimelineEvent>) =>
  isAllocation(event) ? 'warehouse' : isConsultation(event) ? 'consultation' : 'incident';

const summaryOf = (event: Recorded<TimelineEvent>): string =>
  isAllocation(event)
    ? summarizeAllocationEvent(event)
    : isConsultation(event)
      ? summarizeConsultationEvent(event)
      : summarizeIncidentEvent(event);

/**
 * Every incident event becomes one timeline line, and so does every allocation a warehouse makes to the incident and
 * each of its steps (shipped, delivered, cancelled), and every invitation of an expert to it and their answer;
 * `timeline.appended` goes to the incident's consoles. Lines name
 * people by display name, looked up once per batch (without a directory, by the name recorded with the event).
 */
export class IncidentTimelineProjection implements Projection<TimelineEvent> {
  readonly name = 'incident-timeline';
  readonly filter = { kind: 'category', categories: ['incident', 'warehouse', 'consultation'] } as const;
  readonly events = timelineEvents;

  constructor(private readonly directory?: ActorDirectory) {}

  async apply(
    events: readonly Recorded<TimelineEvent>[],
    manager: EntityManager,
    context: ApplyContext = LIVE,
  ): Promise<LiveDelta[]> {
    // A warehouse event without an incident (receipts, counts) has no line; an allocation's event always names one.
    const lines = events.filter((event) => typeof (event.data as { incidentId?: unknown }).incidentId === 'string');
    if (lines.length === 0) return [];
    const actors = lines.map((event) => timelineActorOf(event.metadata));
    const names = this.directory
      ? await this.directory.displayNames([...new Set(actors.filter((a) => a.kind === 'person').map((a) => a.id))])
      : new Map<string, string>();
    const known = await this.incidentsOf(lines, manager);
    const rows = lines.map((event, i) => {
      const actor = actors[i]!;
      const incidentId = event.data.incidentId;
      const incident = known.get(incidentId) ?? { jurisdiction: event.metadata.jurisdiction ?? '', next: 0 };
      known.set(incidentId, { ...incident, next: incident.next + 1 });
      return Object.assign(new IncidentTimelineRow(), {
        incidentId,
        stream: event.streamName,
        revision: Number(event.revision),
        eventId: event.id,
        jurisdiction: incident.jurisdiction,
        source: sourceOf(event),
        line: incident.next,
        at: new Date(event.metadata.occurredAt),
        recordedAt: event.recordedAt,
        type: event.type,
        summary: summaryOf(event),
        actor: (actor.kind === 'person' ? names.get(actor.id) : undefined) ?? actor.recordedName,
        actorId: actor.id,
        actorKind: actor.kind,
        via: actor.via,
        drillId: event.metadata.drillId ?? null,
        position: formatPosition(event.position),
      });
    });
    await insertRows(manager, IncidentTimelineRow, rows);
    if (!context.live) return [];
    return rows.map((row) => ({
      name: 'timeline.appended' as const,
      position: row.position,
      scope: {
        jurisdiction: row.jurisdiction,
        incidentId: row.incidentId,
        ...(row.drillId ? { drillId: row.drillId } : {}),
      },
      data: toTimelineView(row),
    }));
  }

  /**
   * Each incident's jurisdiction (a line's live delta is scoped to it) and the number of its next line: from its lines
   * already written, or from its intake in this batch. An allocation's metadata names the warehouse's jurisdiction,
   * which need not be the incident's.
   */
  private async incidentsOf(
    events: readonly Recorded<TimelineEvent>[],
    manager: EntityManager,
  ): Promise<Map<string, { jurisdiction: string; next: number }>> {
    const ids = [...new Set(events.map((e) => (e.data as { incidentId: string }).incidentId))];
    const rows: { incident_id: string; jurisdiction: string; next: number }[] = await manager.query(
      `select incident_id, (array_agg(jurisdiction order by line))[1] as jurisdiction, max(line) + 1 as next
         from incident_timeline where incident_id = any($1::uuid[]) group by incident_id`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.incident_id, { jurisdiction: r.jurisdiction, next: Number(r.next) }]));
    for (const event of events)
      if (event.type === 'IncidentReported' && !found.has(event.data.incidentId))
        found.set(event.data.incidentId, { jurisdiction: event.data.jurisdiction, next: 0 });
    return found;
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate incident_timeline');
  }
}
