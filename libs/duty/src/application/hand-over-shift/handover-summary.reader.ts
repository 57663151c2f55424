import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import type { HandoverSummary } from '../../domain/duty-watch/duty-watch.events';

/**
 * What the outgoing watch hands over, read at that moment from the incidents context (its IncidentLookup port): open
 * incidents of the jurisdiction and below, and their pending reporting deadlines. Drill deadlines are never real
 * deadlines.
 */
@Injectable()
export class HandoverSummaryReader {
  constructor(private readonly incidents: IncidentLookup) {}

  async summarize(jurisdictions: readonly string[], now: Date): Promise<HandoverSummary> {
    const open = await this.incidents.openIncidentsIn(jurisdictions);
    const pendingDeadlines = open
      .filter((incident) => incident.drillId === null)
      .flatMap((incident) =>
        incident.obligations
          .filter((o) => o.status === 'pending')
          .map((o) => ({
            incidentId: incident.id,
            title: incident.title,
            jurisdiction: incident.jurisdiction,
            obligationId: o.id,
            level: o.level,
            dueAt: o.dueAt,
            overdue: Date.parse(o.dueAt) < now.getTime(),
          })),
      )
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    return {
      computedAt: now.toISOString(),
      openIncidents: open.map(({ id, title, jurisdiction, grade, responseLevel, drillId }) => ({
        id,
        title,
        jurisdiction,
        grade,
        responseLevel,
        drillId,
      })),
      pendingDeadlines,
    };
  }
}
