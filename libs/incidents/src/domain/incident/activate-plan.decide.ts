import { tasksForLevel } from './checklist';
import type { ActivatePlan, CompleteChecklistTask } from './incident.commands';
import {
  IncidentClosedError,
  IncidentNotFoundError,
  PlanAlreadyActiveError,
  ResponseLevelRequiredError,
  TaskAlreadyCompletedError,
  TaskNotFoundError,
} from './incident.errors';
import type {
  ChecklistTaskCompleted,
  ChecklistTasksAdded,
  IncidentEvent,
  PlanActivated,
  ResponseLevelSet,
} from './incident.events';
import type { IncidentState } from './incident.state';

/**
 * 启动预案: pins the plan version and puts its tasks for the incident's response level on the checklist. The level
 * may be decided in the same step; otherwise the incident must already have one. One activation per plan.
 */
export function decideActivatePlan(command: ActivatePlan, state: IncidentState): IncidentEvent[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed') throw new IncidentClosedError();
  const active = state.activePlans[command.plan.planId];
  if (active) throw new PlanAlreadyActiveError(active.planId, active.version);
  const level = command.level ?? state.responseLevel;
  if (!level) throw new ResponseLevelRequiredError();
  const at = command.now.toISOString();
  const events: IncidentEvent[] = [];
  if (level !== state.responseLevel) {
    const levelSet: ResponseLevelSet = {
      type: 'ResponseLevelSet',
      data: {
        incidentId: state.incidentId,
        from: state.responseLevel,
        level,
        reason: command.reason ?? `启动《${command.plan.title}》`,
        decidedBy: command.activatedBy,
        decidedAt: at,
      },
    };
    events.push(levelSet, ...tasksOfActivePlans(state, level, at));
  }
  const activated: PlanActivated = {
    type: 'PlanActivated',
    data: {
      incidentId: state.incidentId,
      plan: command.plan,
      level,
      activatedBy: command.activatedBy,
      activatedAt: at,
    },
  };
  const tasks = tasksForLevel(command.plan, level, new Set(Object.keys(state.tasks)));
  events.push(activated);
  if (tasks.length > 0)
    events.push({ type: 'ChecklistTasksAdded', data: { incidentId: state.incidentId, level, tasks, addedAt: at } });
  return events;
}

/** A rising level adds each active plan's tasks for the new level that are not on the checklist yet. */
export function tasksOfActivePlans(
  state: IncidentState,
  level: NonNullable<ActivatePlan['level']>,
  at: string,
): ChecklistTasksAdded[] {
  if (state.status === 'none') return [];
  const existing = new Set(Object.keys(state.tasks));
  const tasks = Object.values(state.activePlans).flatMap((plan) => tasksForLevel(plan, level, existing));
  return tasks.length === 0
    ? []
    : [{ type: 'ChecklistTasksAdded', data: { incidentId: state.incidentId, level, tasks, addedAt: at } }];
}

/** A task is completed once, with an optional note; completing it again is refused so the first time stays the record. */
export function decideCompleteTask(command: CompleteChecklistTask, state: IncidentState): ChecklistTaskCompleted[] {
  if (state.status === 'none') throw new IncidentNotFoundError();
  if (state.status === 'closed') throw new IncidentClosedError();
  const task = state.tasks[command.taskId];
  if (!task) throw new TaskNotFoundError(command.taskId);
  if (task.done) throw new TaskAlreadyCompletedError(command.taskId);
  return [
    {
      type: 'ChecklistTaskCompleted',
      data: {
        incidentId: state.incidentId,
        taskId: command.taskId,
        title: task.title,
        note: command.note ?? null,
        completedBy: command.completedBy,
        completedAt: command.now.toISOString(),
      },
    },
  ];
}
