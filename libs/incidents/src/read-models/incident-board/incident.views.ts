import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import { GRADE_LABELS } from '../../domain/incident/accident-grade';
import {
  INCIDENT_CATEGORIES,
  RESPONSE_LEVEL_LABELS,
  type IncidentCategory,
  type IncidentStatus,
  type ResponseLevel,
} from '../../domain/incident/incident.types';
import type {
  ActivePlanView,
  AllocationView,
  AssignedTeamView,
  ChecklistTaskView,
  IncidentBoardRow,
} from './incident-board.entity';
import {
  DEADLINE_STATUS_LABELS,
  NOTIFICATION_PARTY_LABELS,
  OBLIGATION_KIND_LABELS,
  REPORT_LEVEL_LABELS,
  statusAt,
  type Obligation,
} from '../../domain/incident/reporting-deadlines';
import type { IncidentView } from '../../contract';

export type { IncidentView } from '../../contract';

/**
 * What GET /incidents/{id} and `incident.changed` carry: times in the jurisdiction's zone, labels in Chinese. `now`
 * is the clock the reader goes by: a pending obligation whose time has passed shows as overdue (逾期).
 */
export function toIncidentView(
  row: IncidentBoardRow,
  jurisdictions: JurisdictionRegistry,
  now: Date = new Date(),
): IncidentView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    id: row.id,
    title: row.title,
    category: row.category as IncidentCategory,
    categoryLabel: INCIDENT_CATEGORIES[row.category as IncidentCategory] ?? row.category,
    // The board stores only these values (its projection writes them from the events).
    status: row.status as IncidentStatus,
    grade: row.grade,
    gradeLabel: GRADE_LABELS[row.grade],
    responseLevel: row.responseLevel as ResponseLevel | null,
    responseLevelLabel: row.responseLevel ? RESPONSE_LEVEL_LABELS[row.responseLevel as ResponseLevel] : null,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    enterprise: row.enterprise,
    enterpriseId: row.enterpriseId ?? null,
    occurredAt: toZonedIso(row.occurredAt, zone),
    reportedAt: toZonedIso(row.reportedAt, zone),
    receivedAt: toZonedIso(row.reportedAt, zone),
    receivedAtReason: row.receivedAtReason ?? null,
    unitLearnedAt: row.unitLearnedAt ? toZonedIso(row.unitLearnedAt, zone) : null,
    unitReportedAt: row.unitReportedAt ? toZonedIso(row.unitReportedAt, zone) : null,
    nearMiss: row.nearMiss ?? false,
    updatedAt: toZonedIso(row.updatedAt, zone),
    closedAt: row.closedAt ? toZonedIso(row.closedAt, zone) : null,
    location: row.location,
    reporter: row.reporter,
    casualties: row.casualties,
    casualtiesAfterWindow: row.casualtiesAfterWindow ?? null,
    directLossYuan: row.directLossYuan,
    description: row.description,
    measures: row.measures,
    summary: row.summary,
    drillId: row.drillId,
    // Times shown in the jurisdiction's zone; stored states are facts, overdue is read off the clock.
    deadlines: (row.deadlines as Obligation[]).map((o) => {
      const status = statusAt(o, now);
      return {
        ...o,
        kindLabel: OBLIGATION_KIND_LABELS[o.kind] ?? o.kind,
        levelLabel: o.level ? REPORT_LEVEL_LABELS[o.level] : null,
        partyLabel: o.party ? NOTIFICATION_PARTY_LABELS[o.party] : null,
        status,
        statusLabel: DEADLINE_STATUS_LABELS[status],
        dueAt: toZonedIso(o.dueAt, zone),
        reportedAt: o.reportedAt ? toZonedIso(o.reportedAt, zone) : null,
        writeOff: o.writeOff ? { ...o.writeOff, at: toZonedIso(o.writeOff.at, zone) } : null,
      };
    }),
    assignedTeams: (row.assignedTeams as AssignedTeamView[]).map((t) => ({
      ...t,
      dispatchedAt: toZonedIso(t.dispatchedAt, zone),
      arrivedAt: t.arrivedAt ? toZonedIso(t.arrivedAt, zone) : null,
      releasedAt: t.releasedAt ? toZonedIso(t.releasedAt, zone) : null,
    })),
    allocations: row.allocations as AllocationView[],
    tasks: (row.tasks as ChecklistTaskView[]).map((t) => ({
      ...t,
      levelLabel: RESPONSE_LEVEL_LABELS[t.level as ResponseLevel] ?? t.level,
      addedAt: toZonedIso(t.addedAt, zone),
      completedAt: t.completedAt ? toZonedIso(t.completedAt, zone) : null,
    })),
    activePlans: (row.activePlans as ActivePlanView[]).map((p) => ({
      ...p,
      activatedAt: toZonedIso(p.activatedAt, zone),
    })),
    revision: row.revision,
    position: row.position,
  };
}
