import { domainError } from '@app/shared';

// The incidents context's error catalogue: each code, its status and its Chinese wording, declared once.

export const IncidentNotFoundError = domainError({
  code: 'INCIDENT_NOT_FOUND',
  kind: 'not_found',
  message: '事故不存在',
});

export const IncidentAlreadyReportedError = domainError({
  code: 'INCIDENT_ALREADY_REPORTED',
  kind: 'conflict',
  message: '该事故已接报',
});

export const IncidentClosedError = domainError({
  code: 'INCIDENT_CLOSED',
  kind: 'conflict',
  message: '事故已结案，不能再续报或修改',
});

/**
 * Teams and supplies go to an incident whose response is under way: once it is closed (结案) no assignment or
 * allocation is recorded on it, whatever the board said when the request was checked. Decided on the incident's own
 * stream, so a dispatch racing the close is refused here even when the board still showed the incident open; the
 * dispatch process then releases what was sent (docs/domain.md rule 9).
 */
export const IncidentResponseEndedError = domainError({
  code: 'INCIDENT_RESPONSE_ENDED',
  kind: 'conflict',
  message: '事故已结案，应急响应已结束，不再接收队伍调派或物资调拨',
});

/** Clock skew between a reporter's phone and the server is tolerated up to this much. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const OccurredInFutureError = domainError({
  code: 'OCCURRED_IN_FUTURE',
  kind: 'rule',
  message: '事故发生时间不能晚于接报时间',
});

export const PlanAlreadyActiveError = domainError({
  code: 'PLAN_ALREADY_ACTIVE',
  kind: 'conflict',
  message: '该预案已对本事故启动',
  details: (planId: string, version: number) => ({ planId, version }),
});

/** Tasks are chosen by response level; the commander decides the level (docs/domain.md rule 8) before or with the plan. */
export const ResponseLevelRequiredError = domainError({
  code: 'RESPONSE_LEVEL_REQUIRED',
  kind: 'rule',
  message: '尚未确定响应级别：请先确定响应级别，或在启动预案时一并确定',
});

export const TaskNotFoundError = domainError({
  code: 'TASK_NOT_FOUND',
  kind: 'not_found',
  message: '处置任务不存在',
  details: (taskId: string) => ({ taskId }),
});

export const TaskAlreadyCompletedError = domainError({
  code: 'TASK_ALREADY_COMPLETED',
  kind: 'conflict',
  message: '该处置任务已完成',
  details: (taskId: string) => ({ taskId }),
});

/** Simulated actions belong to drills: a real incident never records one (its teams and stock are real). */
export const NotADrillIncidentError = domainError({
  code: 'NOT_A_DRILL_INCIDENT',
  kind: 'rule',
  message: '只有演练事故可以记录模拟调派或模拟调拨',
});
