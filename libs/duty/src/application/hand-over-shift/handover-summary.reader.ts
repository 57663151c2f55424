import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import { WarningBoardQueries } from '@app/warnings';
import type { HandoverSummary } from '../../domain/duty-watch/duty-watch.events';
import { DutyQueries } from '../../read-models/duty.queries';
import { openRollCallsOf } from '../duty-desk/duty-desk.reader';

const utc = (instant: string) => new Date(Date.parse(instant)).toISOString();

/**
 * What the outgoing watch hands over, read at that moment: open incidents of the jurisdiction and below and their
 * pending reporting obligations (overdue ones flagged) from the incidents context (its IncidentLookup port), the
 * watch's open roll calls (to answer, or issued and awaiting answers) and the warnings in force. Drill data is never
 * real business; instants are kept in UTC and shown in the jurisdiction's zone when read.
 */
@Injectable()
export class HandoverSummaryReader {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly duty: DutyQueries,
    private readonly warnings: WarningBoardQueries,
  ) {}

  async summarize(jurisdiction: string, jurisdictions: readonly string[], now: Date): Promise<HandoverSummary> {
    const [open, rollCalls, warnings] = await Promise.all([
      this.incidents.openIncidentsIn(jurisdictions),
      this.duty.rollCalls([jurisdiction], jurisdictions),
      this.warnings.list({ status: 'active', jurisdiction, scope: jurisdictions }),
    ]);
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
      openIncidents: open.map(({ id, title, jurisdiction: code, grade, responseLevel, drillId }) => ({
        id,
        title,
        jurisdiction: code,
        grade,
        responseLevel,
        drillId,
      })),
      pendingDeadlines,
      openRollCalls: openRollCallsOf(rollCalls),
      warningsInForce: warnings.map((w) => ({
        id: w.id,
        hazard: w.hazard,
        level: w.level,
        levelLabel: w.levelLabel,
        jurisdiction: w.jurisdiction,
        expires: utc(w.expires),
      })),
    };
  }
}
