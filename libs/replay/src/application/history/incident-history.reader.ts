import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  comparePositions,
  EVENT_STORE,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
  readWholeStream,
} from '@app/event-store';
import {
  boardIncidentIdOf,
  deadlineProfileLookup,
  IncidentLookup,
  incidentStream,
  ListIncidentsQuery,
  toIncidentView,
  type IncidentView,
} from '@app/incidents';
import { DrillNotFoundError, JURISDICTIONS, parseInstant, type Actor, type JurisdictionRegistry } from '@app/shared';
import { REPLAYED_ALLOCATION_EVENTS } from '../../domain/replay-event-types';
import { BeforeReportError } from '../../domain/replay.errors';
import { BoardFold } from './board-fold';

/** What a replay or a state-at query works on: the recorded events in log order, and whose they are. */
export interface History {
  events: RecordedEvent[];
  /** The jurisdictions of the incidents (and the drill) the events belong to. */
  jurisdictions: string[];
}

/** A replay's events are held in memory and bounded (MAX_REPLAY_EVENTS), so a drill's incidents are too. */
const MAX_DRILL_INCIDENTS = 20_000;

/**
 * Reads an incident's (or a drill's) recorded events from the event store: the incident stream, the allocation events
 * of its allocations on the warehouse streams (the board shows allocations), and for a drill its own `drill-<id>`.
 */
@Injectable()
export class IncidentHistoryReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly incidents: IncidentLookup,
    private readonly queries: QueryBus,
  ) {}

  /** 404 (INCIDENT_NOT_FOUND) outside the actor's jurisdictions: the board's own scope check decides. */
  async incident(incidentId: string, actor: Pick<Actor, 'scope'>): Promise<History> {
    const view = await this.incidents.find(incidentId, actor.scope);
    return { events: await this.incidentEvents(incidentId, view), jurisdictions: [view.jurisdiction] };
  }

  /** Every incident of the drill in the actor's jurisdictions, plus the drill's own stream when it exists. */
  async drill(drillId: string, actor: Pick<Actor, 'scope'>): Promise<History> {
    const rows: IncidentView[] = await this.queries.execute(
      new ListIncidentsQuery({ drillId, scope: actor.scope, limit: MAX_DRILL_INCIDENTS }),
    );
    const own = await this.read(`drill-${drillId}`);
    const planned = own.find((e) => e.type === 'DrillPlanned')?.data as { jurisdiction?: unknown } | undefined;
    const drillJurisdiction = typeof planned?.jurisdiction === 'string' ? planned.jurisdiction : undefined;
    const drillVisible = own.length > 0 && (drillJurisdiction === undefined || actor.scope.includes(drillJurisdiction));
    if (rows.length === 0 && !drillVisible) throw new DrillNotFoundError('or-outside-jurisdiction');
    const events: RecordedEvent[] = drillVisible ? [...own] : [];
    for (const row of rows) events.push(...(await this.incidentEvents(row.id, row)));
    events.sort((a, b) => comparePositions(a.position, b.position));
    const jurisdictions = new Set(rows.map((r) => r.jurisdiction));
    if (drillVisible && drillJurisdiction) jurisdictions.add(drillJurisdiction);
    return { events, jurisdictions: [...jurisdictions] };
  }

  /** A fold of these events through the board's own row function, one row per incident. */
  fold(): BoardFold {
    return new BoardFold(deadlineProfileLookup(this.jurisdictions), (row) => toIncidentView(row, this.jurisdictions));
  }

  /**
   * The incident as the board showed it at the instant asked (validated by the request): the events recorded by then, in log order (a prefix: no later event
   * without the earlier ones), folded through the board's own row function. 422 BEFORE_REPORT before it was reported.
   */
  async stateAt(incidentId: string, asked: string, actor: Pick<Actor, 'scope'>): Promise<IncidentView> {
    const at = parseInstant(asked)!;
    const { events } = await this.incident(incidentId, actor);
    const fold = this.fold();
    for (const event of events) {
      if (event.recordedAt.getTime() > at.getTime()) break;
      fold.apply(event);
    }
    const state = fold.stateOf(incidentId);
    if (!state) throw new BeforeReportError(asked, events[0]?.recordedAt.toISOString() ?? null);
    return state;
  }

  private async incidentEvents(incidentId: string, view: IncidentView): Promise<RecordedEvent[]> {
    const events = await this.read(incidentStream(incidentId));
    const warehouses = new Set((view.allocations as { warehouseId: string }[]).map((a) => a.warehouseId));
    for (const warehouseId of warehouses) {
      const stream = await this.read(`warehouse-${warehouseId}`);
      events.push(
        ...stream.filter((e) => REPLAYED_ALLOCATION_EVENTS.has(e.type) && boardIncidentIdOf(e) === incidentId),
      );
    }
    return events.sort((a, b) => comparePositions(a.position, b.position));
  }

  private async read(streamName: string): Promise<RecordedEvent[]> {
    try {
      return await readWholeStream(this.store, streamName);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}
