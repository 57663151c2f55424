import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource, type FindOptionsWhere, In, IsNull } from 'typeorm';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { IncidentNotFoundError } from '../domain/incident.errors';
import { IncidentBoardRow } from './incident-board.entity';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { toIncidentView, toTimelineView, type IncidentView, type TimelineEntryView } from './incident.views';

export interface IncidentFilter {
  status?: string;
  jurisdiction?: string;
  grade?: string;
  /** Absent: real incidents only. A drill's id: that drill's incidents. Drill data never mixes into the real board. */
  drillId?: string;
  limit: number;
  /** The actor's jurisdictions: nothing outside them is listed. */
  scope: readonly string[];
}

export class ListIncidentsQuery {
  constructor(readonly filter: IncidentFilter) {}
}
/** Reads outside `scope` (the actor's jurisdictions) answer not found, so existence does not leak. */
export class GetIncidentQuery {
  constructor(readonly incidentId: string, readonly scope: readonly string[]) {}
}
export class GetIncidentTimelineQuery {
  constructor(readonly incidentId: string, readonly scope: readonly string[]) {}
}

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsQueryHandler implements IQueryHandler<ListIncidentsQuery, IncidentView[]> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async execute({ filter }: ListIncidentsQuery): Promise<IncidentView[]> {
    const where: FindOptionsWhere<IncidentBoardRow> = { drillId: filter.drillId ?? IsNull() };
    if (filter.status) where.status = filter.status;
    if (filter.grade) where.grade = filter.grade as IncidentBoardRow['grade'];
    // A jurisdiction includes everything below it: a city sees its counties and parks.
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    where.jurisdiction = In(asked.filter((code) => filter.scope.includes(code)));
    const rows = await this.dataSource.getRepository(IncidentBoardRow).find({ where, order: { occurredAt: 'DESC' }, take: filter.limit });
    return rows.map((row) => toIncidentView(row, this.jurisdictions));
  }
}

@QueryHandler(GetIncidentQuery)
export class GetIncidentQueryHandler implements IQueryHandler<GetIncidentQuery, IncidentView> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async execute({ incidentId, scope }: GetIncidentQuery): Promise<IncidentView> {
    const row = await this.dataSource.getRepository(IncidentBoardRow).findOneBy({ id: incidentId, jurisdiction: In([...scope]) });
    if (!row) throw new IncidentNotFoundError();
    return toIncidentView(row, this.jurisdictions);
  }
}

@QueryHandler(GetIncidentTimelineQuery)
export class GetIncidentTimelineQueryHandler implements IQueryHandler<GetIncidentTimelineQuery, TimelineEntryView[]> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async execute({ incidentId, scope }: GetIncidentTimelineQuery): Promise<TimelineEntryView[]> {
    const incident = await this.dataSource.getRepository(IncidentBoardRow).findOne({ where: { id: incidentId, jurisdiction: In([...scope]) }, select: { id: true, jurisdiction: true } });
    if (!incident) throw new IncidentNotFoundError();
    const zone = this.jurisdictions.get(incident.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const rows = await this.dataSource.getRepository(IncidentTimelineRow).find({ where: { incidentId }, order: { revision: 'ASC' } });
    return rows.map((row) => toTimelineView(row, zone));
  }
}
