import type { ActivationCriterion, PlanContent, PlanTask } from '@app/plans/contract';

/**
 * What changed between two versions of a plan, as a reader compares two printed versions: thresholds by response
 * level, working groups by name and their tasks by title, team and material requirements by specialty and code.
 * Pure data (no words): the plan page writes it out in the user's language. A renamed group or task reads as one
 * removed and one added, which is what a reader sees on paper too.
 */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'same';

/** The threshold fields of a response level, in the order plans list them. */
export const THRESHOLD_FIELDS = [
  'minGrade',
  'minDeaths',
  'minMissing',
  'minSeriousInjuries',
  'minTrapped',
  'minDirectLossYuan',
] as const;
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];

export interface FieldChange<F extends string, V> {
  field: F;
  before: V | undefined;
  after: V | undefined;
}

export interface LevelDiff {
  level: ActivationCriterion['level'];
  kind: ChangeKind;
  before: ActivationCriterion | null;
  after: ActivationCriterion | null;
  /** The thresholds that differ (for `changed`; empty otherwise). */
  fields: FieldChange<ThresholdField, string | number>[];
}

export interface TaskDiff {
  title: string;
  kind: ChangeKind;
  before: PlanTask | null;
  after: PlanTask | null;
  fields: FieldChange<'responseLevels' | 'withinMinutes', string | number>[];
}

export interface GroupDiff {
  name: string;
  kind: ChangeKind;
  leadAgency: { before: string | null; after: string | null };
  tasks: TaskDiff[];
}

export interface CountDiff {
  key: string;
  kind: ChangeKind;
  before: number | null;
  after: number | null;
}

export interface PlanDiff {
  description: { kind: ChangeKind; before: string; after: string };
  levels: LevelDiff[];
  groups: GroupDiff[];
  teams: CountDiff[];
  materials: CountDiff[];
  /** True when nothing compared here differs. */
  same: boolean;
}

type Content = Pick<PlanContent, 'activation' | 'groups' | 'requirements'>;

/**
 * Pairs the items of two lists by key, keeping the order of `after` and placing removed items after the ones they
 * followed in `before`. A key that repeats in one list keeps its first occurrence (plans do not repeat them).
 */
function pair<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): [string, T | null, T | null][] {
  const old = new Map<string, T>();
  for (const item of before) if (!old.has(keyOf(item))) old.set(keyOf(item), item);
  const next = new Map<string, T>();
  for (const item of after) if (!next.has(keyOf(item))) next.set(keyOf(item), item);
  const out: [string, T | null, T | null][] = [...next].map(([k, v]) => [k, old.get(k) ?? null, v]);
  for (const [index, item] of before.entries()) {
    const k = keyOf(item);
    if (next.has(k) || out.some(([key]) => key === k)) continue;
    // Insert after the previous item of `before` that is already placed, so a removed line stays where it was.
    const previous = before
      .slice(0, index)
      .map(keyOf)
      .reverse()
      .find((p) => out.some(([key]) => key === p));
    const at = previous === undefined ? 0 : out.findIndex(([key]) => key === previous) + 1;
    out.splice(at, 0, [k, item, null]);
  }
  return out;
}

const kindOf = (before: unknown, after: unknown, changed: boolean): ChangeKind =>
  before === null ? 'added' : after === null ? 'removed' : changed ? 'changed' : 'same';

function levelDiff(
  level: ActivationCriterion['level'],
  before: ActivationCriterion | null,
  after: ActivationCriterion | null,
): LevelDiff {
  const fields: LevelDiff['fields'] = [];
  if (before && after)
    for (const field of THRESHOLD_FIELDS)
      if (before[field] !== after[field]) fields.push({ field, before: before[field], after: after[field] });
  return { level, kind: kindOf(before, after, fields.length > 0), before, after, fields };
}

const levelsText = (task: PlanTask) => [...task.responseLevels].sort().join(',');

function taskDiff(title: string, before: PlanTask | null, after: PlanTask | null): TaskDiff {
  const fields: TaskDiff['fields'] = [];
  if (before && after) {
    if (levelsText(before) !== levelsText(after))
      fields.push({ field: 'responseLevels', before: levelsText(before), after: levelsText(after) });
    if (before.withinMinutes !== after.withinMinutes)
      fields.push({ field: 'withinMinutes', before: before.withinMinutes, after: after.withinMinutes });
  }
  return { title, kind: kindOf(before, after, fields.length > 0), before, after, fields };
}

function countDiff<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (t: T) => string,
  countOf: (t: T) => number,
): CountDiff[] {
  return pair(before, after, keyOf).map(([key, b, a]) => {
    const [x, y] = [b === null ? null : countOf(b), a === null ? null : countOf(a)];
    return { key, kind: kindOf(b, a, x !== y), before: x, after: y };
  });
}

/** Compares `before` (the older version, usually) with `after`. */
export function diffPlans(before: Content, after: Content): PlanDiff {
  const levels = pair(before.activation.levels, after.activation.levels, (l) => l.level).map(([, b, a]) =>
    levelDiff((a ?? b)!.level, b, a),
  );
  const groups = pair(before.groups, after.groups, (g) => g.name).map(([name, b, a]): GroupDiff => {
    const tasks = pair(b?.tasks ?? [], a?.tasks ?? [], (t) => t.title).map(([title, tb, ta]) =>
      taskDiff(title, tb, ta),
    );
    const leadAgency = { before: b?.leadAgency ?? null, after: a?.leadAgency ?? null };
    const changed = (b && a && b.leadAgency !== a.leadAgency) || tasks.some((t) => t.kind !== 'same');
    return { name, kind: kindOf(b, a, Boolean(changed)), leadAgency, tasks };
  });
  const teams = countDiff(
    before.requirements.teams,
    after.requirements.teams,
    (t) => t.specialty,
    (t) => t.count,
  );
  const materials = countDiff(
    before.requirements.materials,
    after.requirements.materials,
    (m) => m.materialCode,
    (m) => m.quantity,
  );
  const description = {
    kind: before.activation.description === after.activation.description ? ('same' as const) : ('changed' as const),
    before: before.activation.description,
    after: after.activation.description,
  };
  const same =
    description.kind === 'same' && [...levels, ...groups, ...teams, ...materials].every((item) => item.kind === 'same');
  return { description, levels, groups, teams, materials, same };
}
