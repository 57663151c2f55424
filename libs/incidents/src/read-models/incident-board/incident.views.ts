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
import { REPORT_LEVEL_LABELS, type Obligation } from '../../domain/incident/reporting-deadlines';
import type { IncidentView } from '../../contract';

export type { IncidentView } from '../../contract';

/** What GET /incidents/{id} and `incident.changed` carry: times in the jurisdiction's zone, labels in Chinese. */
export function toIncidentView(row: IncidentBoardRow, jurisdictions: JurisdictionRegistry): IncidentView {
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
    occurredAt: toZonedIso(row.occurredAt, zone),
    reportedAt: toZonedIso(row.reportedAt, zone),
    updatedAt: toZonedIso(row.updatedAt, zone),
    closedAt: row.closedAt ? toZonedIso(row.closedAt, zone) : null,
    location: row.location,
    reporter: row.reporter,
    casualties: row.casualties,
    directLossYuan: row.directLossYuan,
    description: row.description,
    measures: row.measures,
    summary: row.summary,
    drillId: row.drillId,
    // Times shown in the jurisdiction's zone; the status is as stored (pending becomes overdue by the clock, see alarms).
    deadlines: (row.deadlines as Obligation[]).map((o) => ({
      ...o,
      levelLabel: REPORT_LEVEL_LABELS[o.level],
      dueAt: toZonedIso(o.dueAt, zone),
      reportedAt: o.reportedAt ? toZonedIso(o.reportedAt, zone) : null,
    })),
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
