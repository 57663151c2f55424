import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  IncidentBoardQueries,
  type IncidentFilter,
  type OpenIncidentRecord,
  type OwedObligationRecord,
} from './incident-board.queries';
import type { IncidentView } from './incident.views';

/**
 * The board's reads as QueryBus messages, for contexts that ask through the bus (the IncidentLookup port and older
 * callers); they answer exactly what IncidentBoardQueries answers.
 */
export class ListIncidentsQuery {
  constructor(readonly filter: IncidentFilter) {}
}
/** Reads outside `scope` (the actor's jurisdictions) answer not found, so existence does not leak. */
export class GetIncidentQuery {
  constructor(
    readonly incidentId: string,
    readonly scope: readonly string[],
  ) {}
}

/** Which drill an incident belongs to, whoever asks: a drill checks that it acts on its own incidents only. */
export class GetIncidentDrillQuery {
  constructor(readonly incidentId: string) {}
}

/** The open incidents of some jurisdictions as stored (the handover summary of the duty context). */
export class ListOpenIncidentsQuery {
  constructor(readonly jurisdictions: readonly string[]) {}
}

/** The bureau's pending obligations of some jurisdictions, earliest due first (the duty desk's queue). */
export class ListOwedObligationsQuery {
  constructor(
    readonly jurisdictions: readonly string[],
    readonly limit: number,
  ) {}
}

/** Every real incident that still owes a report, whatever its status (the alarm watch's deadline source). */
export class ListIncidentsOwingReportsQuery {}

/** One incident as stored, whoever asks, or null: a watch checks a subject it no longer sees in a list. */
export class GetIncidentViewQuery {
  constructor(readonly incidentId: string) {}
}

@QueryHandler(ListIncidentsOwingReportsQuery)
export class ListIncidentsOwingReportsQueryHandler implements IQueryHandler<
  ListIncidentsOwingReportsQuery,
  IncidentView[]
> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute(): Promise<IncidentView[]> {
    return this.board.owingReports();
  }
}

@QueryHandler(GetIncidentViewQuery)
export class GetIncidentViewQueryHandler implements IQueryHandler<GetIncidentViewQuery, IncidentView | null> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute({ incidentId }: GetIncidentViewQuery): Promise<IncidentView | null> {
    return this.board.viewOf(incidentId);
  }
}

@QueryHandler(ListOwedObligationsQuery)
export class ListOwedObligationsQueryHandler implements IQueryHandler<
  ListOwedObligationsQuery,
  { total: number; obligations: OwedObligationRecord[] }
> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute({ jurisdictions, limit }: ListOwedObligationsQuery) {
    return this.board.owedObligations(jurisdictions, limit);
  }
}

@QueryHandler(ListOpenIncidentsQuery)
export class ListOpenIncidentsQueryHandler implements IQueryHandler<ListOpenIncidentsQuery, OpenIncidentRecord[]> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute({ jurisdictions }: ListOpenIncidentsQuery): Promise<OpenIncidentRecord[]> {
    return this.board.openIncidentsIn(jurisdictions);
  }
}

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsQueryHandler implements IQueryHandler<ListIncidentsQuery, IncidentView[]> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute({ filter }: ListIncidentsQuery): Promise<IncidentView[]> {
    return this.board.list(filter);
  }
}

@QueryHandler(GetIncidentQuery)
export class GetIncidentQueryHandler implements IQueryHandler<GetIncidentQuery, IncidentView> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute({ incidentId, scope }: GetIncidentQuery): Promise<IncidentView> {
    return this.board.get(incidentId, scope);
  }
}

@QueryHandler(GetIncidentDrillQuery)
export class GetIncidentDrillQueryHandler implements IQueryHandler<GetIncidentDrillQuery, string | null | undefined> {
  constructor(private readonly board: IncidentBoardQueries) {}

  execute({ incidentId }: GetIncidentDrillQuery): Promise<string | null | undefined> {
    return this.board.drillOf(incidentId);
  }
}
