import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { IncidentBoardQueries } from '../incident-board/incident-board.queries';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { toTimelineView, type TimelineEntryView } from './timeline.views';

/** An incident's timeline, in the zone of its jurisdiction; 404 outside the actor's scope. */
@Injectable()
export class IncidentTimelineQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly board: IncidentBoardQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async timeline(incidentId: string, scope: readonly string[]): Promise<TimelineEntryView[]> {
    const jurisdiction = await this.board.jurisdictionOf(incidentId, scope);
    const zone = this.jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const rows = await this.dataSource
      .getRepository(IncidentTimelineRow)
      .find({ where: { incidentId }, order: { revision: 'ASC' } });
    return rows.map((row) => toTimelineView(row, zone));
  }
}
