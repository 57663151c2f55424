import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IncidentBoardRow } from '@app/incidents';
import type { HandoverSummary } from '../../domain/duty-watch/duty-watch.events';

interface PendingObligation {
  id: string;
  level: string;
  dueAt: string;
  status: string;
}

/**
 * What the outgoing watch hands over, read at that moment from the incident board: open incidents of the
 * jurisdiction and below, and their pending reporting deadlines. Drill deadlines are never real deadlines.
 */
@Injectable()
export class HandoverSummaryReader {
  constructor(private readonly dataSource: DataSource) {}

  async summarize(jurisdictions: readonly string[], now: Date): Promise<HandoverSummary> {
    const rows = await this.dataSource
      .getRepository(IncidentBoardRow)
      .createQueryBuilder('i')
      .select(['i.id', 'i.title', 'i.jurisdiction', 'i.grade', 'i.responseLevel', 'i.drillId', 'i.deadlines', 'i.reportedAt'])
      .where(`i.status = 'open' and i.jurisdiction = any(:codes)`, { codes: [...jurisdictions] })
      .orderBy('i.reportedAt', 'ASC')
      .limit(500)
      .getMany();
    const pendingDeadlines = rows
      .filter((row) => row.drillId === null)
      .flatMap((row) => (row.deadlines as PendingObligation[])
        .filter((o) => o.status === 'pending')
        .map((o) => ({ incidentId: row.id, title: row.title, jurisdiction: row.jurisdiction, obligationId: o.id, level: o.level, dueAt: o.dueAt, overdue: Date.parse(o.dueAt) < now.getTime() })))
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    return {
      computedAt: now.toISOString(),
      openIncidents: rows.map((row) => ({ id: row.id, title: row.title, jurisdiction: row.jurisdiction, grade: row.grade, responseLevel: row.responseLevel, drillId: row.drillId })),
      pendingDeadlines,
    };
  }
}
