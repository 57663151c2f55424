import type { ResponseLevel } from './incident.types';

/**
 * What an incident keeps of an activated contingency plan (docs/domain.md rule 12): the version is pinned, so later
 * revisions of the plan never change a running response. The plans context owns plans; this is the incident's copy.
 */
export interface PinnedPlan {
  planId: string;
  version: number;
  title: string;
  groups: readonly {
    name: string;
    leadAgency: string;
    tasks: readonly { title: string; responseLevels: readonly ResponseLevel[] }[];
  }[];
  requirements: PlanRequirements;
}

export interface PlanRequirements {
  teams: readonly { specialty: string; count: number }[];
  materials: readonly { materialCode: string; quantity: number }[];
}

/** One checklist entry: a task of an activated plan's working group at a response level. */
export interface ChecklistTask {
  taskId: string;
  planId: string;
  planVersion: number;
  group: string;
  leadAgency: string;
  title: string;
  level: ResponseLevel;
}

/** I is the highest level; a lower number is a bigger response. */
const RANK: Readonly<Record<ResponseLevel, number>> = { I: 1, II: 2, III: 3, IV: 4 };

export function isRaise(from: ResponseLevel | null, to: ResponseLevel): boolean {
  return from === null || RANK[to] < RANK[from];
}

/** Stable per plan version and position, so the same task is never added twice and can be named in a URL. */
export const checklistTaskId = (planId: string, version: number, group: number, task: number): string =>
  `${planId.slice(0, 8)}-v${version}-g${group + 1}-t${task + 1}`;

/** The plan's tasks for this level that the checklist does not hold yet, in the plan's order. */
export function tasksForLevel(plan: PinnedPlan, level: ResponseLevel, existing: ReadonlySet<string>): ChecklistTask[] {
  return plan.groups.flatMap((group, g) =>
    group.tasks.flatMap((task, t) => {
      const taskId = checklistTaskId(plan.planId, plan.version, g, t);
      if (!task.responseLevels.includes(level) || existing.has(taskId)) return [];
      return [
        {
          taskId,
          planId: plan.planId,
          planVersion: plan.version,
          group: group.name,
          leadAgency: group.leadAgency,
          title: task.title,
          level,
        },
      ];
    }),
  );
}
