import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  comparePositions,
  EVENT_STORE,
  formatPosition,
  parsePosition,
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
import { BoardFold, type BoardRow } from './board-fold';
import { foldKey, FoldCheckpoints, rowToJson, type Checkpoint, type CheckpointMark } from './fold-checkpoints';

/** What a replay or a state-at query works on: the recorded events in log order, and whose they are. */
export interface History {
  events: RecordedEvent[];
  /** The jurisdictions of the incidents (and the drill) the events belong to. */
  jurisdictions: string[];
}

/**
 * A checkpoint every this many events of the incident: state?at then reads and folds at most about this many
 * (measured: bench/state-at; docs/adr/0022).
 */
const CHECKPOINT_EVERY = 200;
/**
 * Reads up to an instant stop at the page that passes it: pages start small and double, so a short stretch costs a
 * short read, and a whole stream (taking checkpoints) still few round trips.
 */
const FIRST_PAGE = 64;
const LARGEST_PAGE = 4_096;

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
    private readonly checkpoints: FoldCheckpoints,
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
   * The incident as the board showed it at the instant asked (validated by the request): the events recorded by then,
   * in log order (a prefix: no later event without the earlier ones), folded through the board's own row function.
   * 422 BEFORE_REPORT before it was reported. The fold starts from the last checkpoint recorded entirely by then and
   * reads only what follows it, up to the instant (docs/adr/0022); `stateAtByFullFold` is the same answer the long way.
   */
  async stateAt(incidentId: string, asked: string, actor: Pick<Actor, 'scope'>): Promise<IncidentView> {
    const at = parseInstant(asked)!;
    const view = await this.incidents.find(incidentId, actor.scope);
    const key = foldKey(this.profileOf(view.jurisdiction));
    const marks = await this.checkpointsUpToDate(incidentId, view, key);
    const fold = this.fold();
    let from: CheckpointMark | undefined;
    for (const mark of marks) if (mark.coversUntil.getTime() <= at.getTime()) from = mark;
    const row = from ? await this.checkpoints.row<BoardRow>(incidentId, key, from.events) : undefined;
    if (from && row) fold.seed(incidentId, row);
    const start = from && row ? from : undefined;
    const events = await this.eventsAfter(incidentId, view, start, at);
    for (const event of events) {
      if (event.recordedAt.getTime() > at.getTime()) break;
      fold.apply(event);
    }
    const state = fold.stateOf(incidentId);
    if (!state) throw new BeforeReportError(asked, events[0]?.recordedAt.toISOString() ?? null);
    return state;
  }

  /** The reference answer: every event of the incident read and folded from the start (tests compare with it). */
  async stateAtByFullFold(incidentId: string, asked: string, actor: Pick<Actor, 'scope'>): Promise<IncidentView> {
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

  private readonly profileOf = deadlineProfileLookup(this.jurisdictions);

  /** Events between checkpoints; tests shorten it to take many checkpoints on short histories. */
  checkpointEvery = CHECKPOINT_EVERY;

  /**
   * The incident's checkpoints, first extended when the board has applied `checkpointEvery` incident events past the
   * last one. Only events the board has applied are covered (up to its row's position): the board applies the log in
   * order, so by then it has seen every allocation of the incident before that position, and the warehouses it lists
   * are all the warehouses those came from.
   */
  private async checkpointsUpToDate(incidentId: string, view: IncidentView, key: string): Promise<CheckpointMark[]> {
    const marks = await this.checkpoints.marks(incidentId, key);
    const last = marks[marks.length - 1];
    if (BigInt(view.revision) - (last?.incidentRevision ?? -1n) < BigInt(this.checkpointEvery)) return marks;
    const boardPosition = parsePosition(view.position);
    if (!boardPosition) return marks;
    const fold = this.fold();
    let row = last ? await this.checkpoints.row<BoardRow>(incidentId, key, last.events) : undefined;
    if (last && !row) return marks;
    if (row) fold.seed(incidentId, row);
    const events = (await this.eventsAfter(incidentId, view, last)).filter(
      (e) => comparePositions(e.position, boardPosition) <= 0,
    );
    const taken: Checkpoint[] = [];
    let coversUntil = last?.coversUntil.getTime() ?? 0;
    let incidentRevision = last?.incidentRevision ?? -1n;
    const warehouseRevisions = { ...(last?.warehouseRevisions ?? {}) };
    let count = last?.events ?? 0;
    for (const event of events) {
      fold.apply(event);
      count++;
      coversUntil = Math.max(coversUntil, event.recordedAt.getTime());
      if (event.streamName === incidentStream(incidentId)) incidentRevision = event.revision;
      else warehouseRevisions[event.streamName] = event.revision.toString();
      row = fold.rowOf(incidentId);
      if (count % this.checkpointEvery !== 0 || !row) continue;
      taken.push({
        events: count,
        position: formatPosition(event.position),
        coversUntil: new Date(coversUntil),
        incidentRevision,
        warehouseRevisions: { ...warehouseRevisions },
        // Written now: the fold goes on from this row.
        row: rowToJson(row),
      });
    }
    await this.checkpoints.save(incidentId, key, taken);
    return [...marks, ...taken];
  }

  /**
   * The incident's events after a checkpoint (all of them without one), in log order: its own stream and the
   * allocation events of the warehouses the board lists, each read from where the checkpoint left it. With `until`,
   * a stream is read only up to its first event recorded after that instant: no later event of the stream can come
   * before it in log order, so the fold stops there at the latest.
   */
  private async eventsAfter(
    incidentId: string,
    view: IncidentView,
    from: CheckpointMark | undefined,
    until?: Date,
  ): Promise<RecordedEvent[]> {
    const after = from ? parsePosition(from.position) : undefined;
    const events = await this.readFrom(incidentStream(incidentId), from ? from.incidentRevision + 1n : 0n, until);
    const warehouses = new Set((view.allocations as { warehouseId: string }[]).map((a) => a.warehouseId));
    for (const warehouseId of warehouses) {
      const stream = `warehouse-${warehouseId}`;
      const known = from?.warehouseRevisions[stream];
      const read = await this.readFrom(stream, known === undefined ? 0n : BigInt(known) + 1n, until);
      events.push(
        ...read.filter(
          (e) =>
            REPLAYED_ALLOCATION_EVENTS.has(e.type) &&
            boardIncidentIdOf(e) === incidentId &&
            (!after || comparePositions(e.position, after) > 0),
        ),
      );
    }
    return events.sort((a, b) => comparePositions(a.position, b.position));
  }

  /** A stream from a revision on, page by page; with `until`, stopping after the page that passes that instant. */
  private async readFrom(streamName: string, fromRevision: bigint, until?: Date): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    let next = fromRevision;
    for (let size = FIRST_PAGE; ; size = Math.min(LARGEST_PAGE, size * 2)) {
      let page: RecordedEvent[];
      try {
        page = await this.store.readStream(streamName, { fromRevision: next, maxCount: size });
      } catch (error) {
        if (error instanceof StreamNotFoundError) return all;
        throw error;
      }
      for (const event of page) {
        all.push(event);
        if (until && event.recordedAt.getTime() > until.getTime()) return all;
      }
      if (page.length < size) return all;
      next = page[page.length - 1]!.revision + 1n;
    }
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
