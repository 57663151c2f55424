import { categoryOf, type RecordedEvent } from '@app/event-store';
import {
  applyBoardEvent,
  boardEvents,
  boardIncidentIdOf,
  type deadlineProfileLookup,
  type IncidentView,
} from '@app/incidents';

/** The streams the incident board reads (its projection's filter): anything else never changed a board row. */
const BOARD_CATEGORIES = new Set(['incident', 'warehouse']);

/** A board row as the board's own row function builds it (the incidents context's type, named by that function). */
export type BoardRow = NonNullable<ReturnType<typeof applyBoardEvent>>;

/** Board rows folded event by event (the same code the incident board projection runs). */
export class BoardFold {
  private readonly rows = new Map<string, BoardRow>();

  constructor(
    private readonly profileOf: (jurisdiction: string) => ReturnType<ReturnType<typeof deadlineProfileLookup>>,
    private readonly view: (row: BoardRow) => IncidentView,
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

  /** The row as folded so far (the fold goes on changing it: copy before keeping). */
  rowOf(incidentId: string): BoardRow | undefined {
    return this.rows.get(incidentId);
  }

  /** Starts the incident's row from a checkpoint instead of from nothing. */
  seed(incidentId: string, row: BoardRow): void {
    this.rows.set(incidentId, row);
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
