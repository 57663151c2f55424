import { DRILL_FORMS, DRILL_SCOPES, DRILL_STATUS_LABELS } from '../../domain/drill/drill.types';
import type { DrillForm, DrillScope, DrillView, ScenarioView } from '../../contract';
import type { DrillRow, DrillScenarioRow } from './drill-register.entities';

export type { DrillView, ScenarioView } from '../../contract';

export function toDrillView(row: DrillRow): DrillView {
  return {
    id: row.id,
    title: row.title,
    // The register stores only the values the events carry.
    form: row.form as DrillForm,
    formLabel: DRILL_FORMS[row.form as keyof typeof DRILL_FORMS] ?? row.form,
    scope: row.scope as DrillScope,
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
    failedInjects: row.failedInjects ?? [],
    teams: row.teams ?? [],
    nextDueAt: row.nextDueAt?.toISOString() ?? null,
    revision: row.revision,
    position: row.position,
  };
}

export function toScenarioView(row: DrillScenarioRow): ScenarioView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    jurisdiction: row.jurisdiction,
    injects: row.injects,
    savedBy: row.savedBy,
    savedAt: row.savedAt.toISOString(),
  };
}
