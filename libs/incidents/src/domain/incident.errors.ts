import { DomainError } from '@app/shared';

export class IncidentNotFoundError extends DomainError {
  constructor() {
    super('INCIDENT_NOT_FOUND', 'not_found', '事故不存在');
  }
}

export class IncidentAlreadyReportedError extends DomainError {
  constructor() {
    super('INCIDENT_ALREADY_REPORTED', 'conflict', '该事故已接报');
  }
}

export class IncidentClosedError extends DomainError {
  constructor() {
    super('INCIDENT_CLOSED', 'conflict', '事故已结案，不能再续报或修改');
  }
}

/** Clock skew between a reporter's phone and the server is tolerated up to this much. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export class OccurredInFutureError extends DomainError {
  constructor() {
    super('OCCURRED_IN_FUTURE', 'rule', '事故发生时间不能晚于接报时间');
  }
}

export class PlanAlreadyActiveError extends DomainError {
  constructor(planId: string, version: number) {
    super('PLAN_ALREADY_ACTIVE', 'conflict', '该预案已对本事故启动', { planId, version });
  }
}

/** Tasks are chosen by response level; the commander decides the level (docs/domain.md rule 8) before or with the plan. */
export class ResponseLevelRequiredError extends DomainError {
  constructor() {
    super('RESPONSE_LEVEL_REQUIRED', 'rule', '尚未确定响应级别：请先确定响应级别，或在启动预案时一并确定');
  }
}

export class TaskNotFoundError extends DomainError {
  constructor(taskId: string) {
    super('TASK_NOT_FOUND', 'not_found', '处置任务不存在', { taskId });
  }
}

export class TaskAlreadyCompletedError extends DomainError {
  constructor(taskId: string) {
    super('TASK_ALREADY_COMPLETED', 'conflict', '该处置任务已完成', { taskId });
  }
}
