import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { categoryOf, comparePositions, EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent, readWholeStream } from '@app/event-store';
import {
  applyBoardEvent, boardEvents, boardIncidentIdOf, deadlineProfileLookup, GetIncidentQuery, incidentStream, toIncidentView, type IncidentBoardRow, type IncidentView,
} from '@app/incidents';
import { DrillNotFoundError, JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';

/** What a replay or a state-at query works on: the recorded events in log order, and whose they are. */
export interface History {
  events: RecordedEvent[];
  /** The jurisdictions of the incidents (and the drill) the events belong to. */
  jurisdictions: string[];
}

const ALLOCATION_EVENTS = new Set(['StockAllocated', 'AllocationStatusChanged']);
/** The streams the incident board reads (its projection's filter): anything else never changed a board row. */
const BOARD_CATEGORIES = new Set(['incident', 'warehouse']);

/**
 * Reads an incident's (or a drill's) recorded events from the event store: the incident stream, the allocation events
 * of its allocations on the warehouse streams (the board shows allocations), and for a drill its own `drill-<id>`.
 */
@Injectable()
export class IncidentHistoryReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly queries: QueryBus,
    private readonly dataSource: DataSource,
  ) {}

  /** 404 (INCIDENT_NOT_FOUND) outside the actor's jurisdictions: the board's own scope check decides. */
  async incident(incidentId: string, actor: Pick<Actor, 'scope'>): Promise<History> {
    const view: IncidentView = await this.queries.execute(new GetIncidentQuery(incidentId, actor.scope));
    return { events: await this.incidentEvents(incidentId, view), jurisdictions: [view.jurisdiction] };
  }

  /** Every incident of the drill in the actor's jurisdictions, plus the drill's own stream when it exists. */
  async drill(drillId: string, actor: Pick<Actor, 'scope'>): Promise<History> {
    const rows: { id: string; jurisdiction: string }[] = await this.dataSource.query(
      'select id, jurisdiction from incident_board where drill_id = $1 and jurisdiction = any($2::text[]) order by reported_at',
      [drillId, [...actor.scope]],
    );
    const own = await this.read(`drill-${drillId}`);
    const planned = own.find((e) => e.type === 'DrillPlanned')?.data as { jurisdiction?: unknown } | undefined;
    const drillJurisdiction = typeof planned?.jurisdiction === 'string' ? planned.jurisdiction : undefined;
    const drillVisible = own.length > 0 && (drillJurisdiction === undefined || actor.scope.includes(drillJurisdiction));
    if (rows.length === 0 && !drillVisible) throw new DrillNotFoundError('or-outside-jurisdiction');
    const events: RecordedEvent[] = drillVisible ? [...own] : [];
    for (const row of rows) {
      const view: IncidentView = await this.queries.execute(new GetIncidentQuery(row.id, actor.scope));
      events.push(...(await this.incidentEvents(row.id, view)));
    }
    events.sort((a, b) => comparePositions(a.position, b.position));
    const jurisdictions = new Set(rows.map((r) => r.jurisdiction));
    if (drillVisible && drillJurisdiction) jurisdictions.add(drillJurisdiction);
    return { events, jurisdictions: [...jurisdictions] };
  }

  /** A fold of these events through the board's own row function, one row per incident. */
  fold(): BoardFold {
    return new BoardFold(deadlineProfileLookup(this.jurisdictions), (row) => toIncidentView(row, this.jurisdictions));
  }

  private async incidentEvents(incidentId: string, view: IncidentView): Promise<RecordedEvent[]> {
    const events = await this.read(incidentStream(incidentId));
    const warehouses = new Set((view.allocations as { warehouseId: string }[]).map((a) => a.warehouseId));
    for (const warehouseId of warehouses) {
      const stream = await this.read(`warehouse-${warehouseId}`);
      events.push(...stream.filter((e) => ALLOCATION_EVENTS.has(e.type) && boardIncidentIdOf(e) === incidentId));
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

/** Board rows folded event by event (the same code the incident board projection runs). */
export class BoardFold {
  private readonly rows = new Map<string, IncidentBoardRow>();

  constructor(
    private readonly profileOf: (jurisdiction: string) => ReturnType<ReturnType<typeof deadlineProfileLookup>>,
    private readonly view: (row: IncidentBoardRow) => IncidentView,
  ) {}

  /** Applies one event; answers the incident it changed (undefined: the event changes no board row). */
  apply(event: RecordedEvent): string | undefined {
    if (!BOARD_CATEGORIES.has(categoryOf(event.streamName))) return undefined;
    // Through the board's registry, as the projection reads them: old shapes upcast, unknown types left out.
    const typed = boardEvents.read(event);
    const id = typed && boardIncidentIdOf(typed);
    if (!typed || id === undefined) return undefined;
    const next = applyBoardEvent(this.rows.get(id) ?? null, typed, this.profileOf);
    if (!next) return undefined;
    this.rows.set(id, next);
    return id;
  }

  /** An empty fold with the same profile and view functions. */
  fresh(): BoardFold {
    return new BoardFold(this.profileOf, this.view);
  }

  stateOf(incidentId: string): IncidentView | null {
    const row = this.rows.get(incidentId);
    return row ? this.view(row) : null;
  }
}
