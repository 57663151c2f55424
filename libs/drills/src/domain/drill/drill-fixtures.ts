import type { PlanDrill } from './drill.commands';
import type { DrillPlanned } from './drill.events';
import type { DrillForm, Scenario } from './drill.types';

/** A comprehensive drill of the city on a hazardous-chemical leak, as its coordinator plans it (shared test data). */
export function drillPlan(
  drillId: string,
  scenario: Scenario | null,
  now: Date,
  form: DrillForm = 'tabletop',
): PlanDrill {
  return {
    type: 'PlanDrill',
    drillId,
    title: '危化品泄漏综合演练',
    form,
    scope: 'comprehensive',
    jurisdiction: '640500',
    planId: null,
    planVersion: null,
    participants: ['市应急局'],
    scenario,
    plannedBy: '演练组织者',
    now,
  };
}

/** What the stream records for that plan. */
export function drillPlanned(
  drillId: string,
  scenario: Scenario | null,
  plannedAt: string,
  form: DrillForm = 'tabletop',
): DrillPlanned {
  const { type: _command, now: _now, ...data } = drillPlan(drillId, scenario, new Date(plannedAt), form);
  return { type: 'DrillPlanned', data: { ...data, plannedAt } };
}
