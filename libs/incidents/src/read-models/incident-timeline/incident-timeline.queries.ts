import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { TimelinePageView } from '../../contract';
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

  /** Every line, oldest first (in the order of the global log). */
  async timeline(incidentId: string, scope: readonly string[]): Promise<TimelineEntryView[]> {
    const zone = await this.zoneOf(incidentId, scope);
    const rows = await this.dataSource
      .getRepository(IncidentTimelineRow)
      .find({ where: { incidentId }, order: { line: 'ASC' } });
    return rows.map((row) => toTimelineView(row, zone));
  }

  /** The newest `limit` lines older than the cursor `before` (the `nextBefore` of the previous page), newest first. */
  async page(
    incidentId: string,
    scope: readonly string[],
    { limit, before }: { limit: number; before?: string },
  ): Promise<TimelinePageView> {
    const zone = await this.zoneOf(incidentId, scope);
    const repository = this.dataSource.getRepository(IncidentTimelineRow);
    const query = repository
      .createQueryBuilder('t')
      .where('t.incident_id = :incidentId', { incidentId })
      .orderBy('t.line', 'DESC')
      .limit(limit + 1);
    if (before !== undefined) query.andWhere('t.line < :before', { before: Number(before) });
    const [rows, total] = await Promise.all([query.getMany(), repository.countBy({ incidentId })]);
    const shown = rows.slice(0, limit);
    return {
      entries: shown.map((row) => toTimelineView(row, zone)),
      total,
      nextBefore: rows.length > limit ? String(shown[shown.length - 1]!.line) : null,
      timeZone: zone,
    };
  }

  private async zoneOf(incidentId: string, scope: readonly string[]): Promise<string> {
    const jurisdiction = await this.board.jurisdictionOf(incidentId, scope);
    return this.jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  }
}
