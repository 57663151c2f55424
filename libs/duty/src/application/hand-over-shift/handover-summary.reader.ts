import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import { WarningBoardQueries } from '@app/warnings';
import type { HandoverSummary } from '../../domain/duty-watch/duty-watch.events';
import { DutyQueries } from '../../read-models/duty.queries';
import { openRollCallsOf } from '../duty-desk/duty-desk.reader';

/** More than a watch can read; the summary is stored in one event. */
const HANDOVER_OBLIGATION_LIMIT = 500;

const utc = (instant: string) => new Date(Date.parse(instant)).toISOString();

/**
 * What the outgoing watch hands over, read at that moment: the real open incidents of the jurisdiction and below and
 * the bureau's pending reporting obligations of real incidents, open or ended (overdue ones flagged), from the
 * incidents context (its IncidentLookup port), the
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
    const [open, owed, rollCalls, warnings] = await Promise.all([
      this.incidents.openIncidentsIn(jurisdictions),
      // Every obligation still owed, whatever the incident's status: after 响应终止 the 终报, the 补报 and any overdue
      // report are still the watch's business.
      this.incidents.owedObligations(jurisdictions, HANDOVER_OBLIGATION_LIMIT),
      this.duty.rollCalls([jurisdiction], jurisdictions),
      this.warnings.list({ status: 'active', jurisdiction, scope: jurisdictions }),
    ]);
    const pendingDeadlines = owed.obligations.map((o) => ({
      incidentId: o.incidentId,
      title: o.title,
      jurisdiction: o.jurisdiction,
      obligationId: o.obligationId,
      level: o.level,
      kind: o.kind,
      kindLabel: o.kindLabel,
      levelLabel: o.levelLabel,
      dueAt: o.dueAt,
      overdue: Date.parse(o.dueAt) < now.getTime(),
    }));
    return {
      computedAt: now.toISOString(),
      // Drill incidents are left out: a drill is never real business to hand over, and counted here it would read as one.
      openIncidents: open
        .filter((incident) => incident.drillId === null)
        .map(({ id, title, jurisdiction: code, grade, responseLevel, drillId }) => ({
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
