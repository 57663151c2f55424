import type { DrillForm, DrillScope, InjectKind, DrillStatus } from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type { DrillForm, DrillScope, InjectKind, DrillStatus } from '../../contract';

/** Drills (演练, docs/domain.md rules 19–20; AQ/T 9007, AQ/T 9009-2015). */
export const DRILL_FORMS = { tabletop: '桌面演练', live: '实战演练' } as const satisfies Readonly<
  Record<DrillForm, string>
>;

export const DRILL_SCOPES = {
  single: '单项演练',
  comprehensive: '综合演练',
} as const satisfies Readonly<Record<DrillScope, string>>;

/**
 * What an inject does: `report_incident` 接报一起演练事故, `update_situation` 续报 (casualties rise, a second release),
 * `message` 情况通报 shown to the participants.
 */
export const INJECT_KINDS = {
  report_incident: '演练接报',
  update_situation: '演练续报',
  message: '情况通报',
} as const satisfies Readonly<Record<InjectKind, string>>;

export const DRILL_STATUS_LABELS = {
  planned: '待开始',
  running: '进行中',
  ended: '已结束',
} as const satisfies Readonly<Record<DrillStatus, string>>;

/**
 * How often a scripted inject is tried before it is reported and skipped: a script error (a reference to an incident
 * not reported, a place outside the drill) fails the same way every time, and it must not hold back the rest.
 */
export const MAX_INJECT_ATTEMPTS = 3;

/** One scripted inject (情景注入): `atSecond` after the drill starts. */
export interface ScriptedInject {
  atSecond: number;
  kind: InjectKind;
  payload: Record<string, unknown>;
}

export interface Scenario {
  injects: ScriptedInject[];
}

export const drillStream = (drillId: string): string => `drill-${drillId}`;

/**
 * The scripted injects due at `now` that have not run yet (`done`: those that ran or were skipped after failing), in the order they are to run (time, then script order).
 */
export function dueInjects(
  scenario: Scenario | null,
  startedAt: string | null,
  executed: readonly number[],
  now: Date,
): { index: number; inject: ScriptedInject }[] {
  if (!scenario || !startedAt) return [];
  const start = Date.parse(startedAt);
  const done = new Set(executed);
  return scenario.injects
    .map((inject, index) => ({ index, inject }))
    .filter(({ index, inject }) => !done.has(index) && start + inject.atSecond * 1000 <= now.getTime())
    .sort((a, b) => a.inject.atSecond - b.inject.atSecond || a.index - b.index);
}

/** When the next scripted inject falls due (null: nothing left, or not started). */
export function nextDueAt(
  scenario: Scenario | null,
  startedAt: string | null,
  executed: readonly number[],
): Date | null {
  if (!scenario || !startedAt) return null;
  const done = new Set(executed);
  const pending = scenario.injects.map((inject, index) => ({ inject, index })).filter(({ index }) => !done.has(index));
  if (pending.length === 0) return null;
  return new Date(Date.parse(startedAt) + Math.min(...pending.map(({ inject }) => inject.atSecond)) * 1000);
}
