/**
 * Measured times of a drill (or any incident) from its recorded events (docs/domain.md rule 22): report → first
 * dispatch, → first arrival on scene, → response level, → plan activation; each checklist task from when it was put
 * on the list to when it was completed, against the plan's time limit if it has one; supply shortfalls of the active
 * plans' requirements against what was allocated. Pure: the same events always give the same figures.
 */
export interface StoredIncidentEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface MeasuredIncident {
  incidentId: string;
  title: string;
  reportedAt: string;
  /** Seconds from the report (接报) to each first, or null when it never happened. */
  reportToFirstDispatchSeconds: number | null;
  reportToFirstArrivalSeconds: number | null;
  reportToResponseLevelSeconds: number | null;
  reportToPlanActivationSeconds: number | null;
  tasks: MeasuredTask[];
  shortfalls: { materialCode: string; required: number; allocated: number; short: number }[];
}

export interface MeasuredTask {
  taskId: string;
  title: string;
  group: string;
  level: string;
  addedAt: string;
  completedAt: string | null;
  seconds: number | null;
  withinMinutes: number | null;
  /** met / late against the plan's limit; open when not completed; null when the plan sets no limit. */
  verdict: 'met' | 'late' | 'open' | null;
}

const seconds = (from: string, to: string | undefined): number | null =>
  to === undefined ? null : Math.round((Date.parse(to) - Date.parse(from)) / 1000);

export function measureIncident(incidentId: string, events: readonly StoredIncidentEvent[]): MeasuredIncident | null {
  const reported = events.find((e) => e.type === 'IncidentReported');
  if (!reported) return null;
  const reportedAt = String(reported.data.receivedAt);
  const first = (type: string, at: string, where: (d: Record<string, unknown>) => boolean = () => true) => {
    const hit = events.find((e) => e.type === type && where(e.data));
    return hit ? String(hit.data[at]) : undefined;
  };
  const tasks = new Map<string, MeasuredTask>();
  const limits = new Map<string, number>();
  const required = new Map<string, number>();
  const allocated = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'PlanActivated') {
      const plan = e.data.plan as {
        planId: string;
        version: number;
        groups: { tasks: { title: string; withinMinutes?: number }[] }[];
        requirements: { materials: { materialCode: string; quantity: number }[] };
      };
      plan.groups.forEach((g, gi) =>
        g.tasks.forEach((t, ti) => {
          if (typeof t.withinMinutes === 'number')
            limits.set(`${plan.planId.slice(0, 8)}-v${plan.version}-g${gi + 1}-t${ti + 1}`, t.withinMinutes);
        }),
      );
      for (const m of plan.requirements.materials)
        required.set(m.materialCode, Math.max(required.get(m.materialCode) ?? 0, m.quantity));
    }
    if (e.type === 'ChecklistTasksAdded') {
      for (const t of e.data.tasks as { taskId: string; title: string; group: string; level: string }[]) {
        const withinMinutes = limits.get(t.taskId) ?? null;
        tasks.set(t.taskId, {
          taskId: t.taskId,
          title: t.title,
          group: t.group,
          level: t.level,
          addedAt: String(e.data.addedAt),
          completedAt: null,
          seconds: null,
          withinMinutes,
          verdict: withinMinutes === null ? null : 'open',
        });
      }
    }
    if (e.type === 'ChecklistTaskCompleted') {
      const task = tasks.get(String(e.data.taskId));
      if (task) {
        task.completedAt = String(e.data.completedAt);
        task.seconds = seconds(task.addedAt, task.completedAt);
        if (task.withinMinutes !== null) task.verdict = task.seconds! <= task.withinMinutes * 60 ? 'met' : 'late';
      }
    }
    if (e.type === 'DrillAllocationRecorded' || e.type === 'AllocationRecorded') {
      for (const item of (e.data.items as { materialCode: string; quantity: number }[] | undefined) ?? []) {
        allocated.set(item.materialCode, (allocated.get(item.materialCode) ?? 0) + item.quantity);
      }
    }
  }
  return {
    incidentId,
    title: String(reported.data.title),
    reportedAt,
    reportToFirstDispatchSeconds: seconds(reportedAt, first('TeamAssigned', 'dispatchedAt')),
    reportToFirstArrivalSeconds: seconds(
      reportedAt,
      first('AssignedTeamStatusChanged', 'at', (d) => d.status === 'on_scene'),
    ),
    reportToResponseLevelSeconds: seconds(reportedAt, first('ResponseLevelSet', 'decidedAt')),
    reportToPlanActivationSeconds: seconds(reportedAt, first('PlanActivated', 'activatedAt')),
    tasks: [...tasks.values()],
    shortfalls: [...required]
      .map(([materialCode, need]) => ({
        materialCode,
        required: need,
        allocated: allocated.get(materialCode) ?? 0,
        short: Math.max(0, need - (allocated.get(materialCode) ?? 0)),
      }))
      .filter((s) => s.short > 0),
  };
}
