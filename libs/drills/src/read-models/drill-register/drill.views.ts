import { DRILL_FORMS, DRILL_SCOPES, DRILL_STATUS_LABELS } from '../../domain/drill/drill.types';
import type { DrillRow, DrillScenarioRow } from './drill-register.entities';

export function toDrillView(row: DrillRow) {
  return {
    id: row.id,
    title: row.title,
    form: row.form,
    formLabel: DRILL_FORMS[row.form as keyof typeof DRILL_FORMS] ?? row.form,
    scope: row.scope,
    scopeLabel: DRILL_SCOPES[row.scope as keyof typeof DRILL_SCOPES] ?? row.scope,
    jurisdiction: row.jurisdiction,
    planId: row.planId,
    planVersion: row.planVersion,
    participants: row.participants,
    scenario: row.scenario,
    status: row.status,
    statusLabel: DRILL_STATUS_LABELS[row.status],
    plannedBy: row.plannedBy,
    plannedAt: row.plannedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    startedBy: row.startedBy,
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: row.endedBy,
    executed: row.executed,
    injects: row.injects,
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    revision: row.revision,
    position: row.position,
  };
}
export type DrillView = ReturnType<typeof toDrillView>;

export function toScenarioView(row: DrillScenarioRow) {
  return { id: row.id, name: row.name, description: row.description, jurisdiction: row.jurisdiction, injects: row.injects, savedBy: row.savedBy, savedAt: row.savedAt.toISOString() };
}
export type ScenarioView = ReturnType<typeof toScenarioView>;
