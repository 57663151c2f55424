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
  message: '事故响应已终止：只接受统计时限内伤亡人数变化的补报，不能再修改其他内容',
});

/**
 * Teams and supplies go to an incident whose response is under way: once its response has ended (响应终止) no assignment or
 * allocation is recorded on it, whatever the board said when the request was checked. Decided on the incident's own
 * stream, so a dispatch racing the close is refused here even when the board still showed the incident open; the
 * dispatch process then releases what was sent (docs/domain.md rule 9).
 */
export const IncidentResponseEndedError = domainError({
  code: 'INCIDENT_RESPONSE_ENDED',
  kind: 'conflict',
  message: '事故应急响应已终止，不再接收队伍调派或物资调拨',
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

/** A back-dated 接报时间 further back than this needs a reason (the audit must see why). */
export const BACKDATE_WITHOUT_REASON_MS = 10 * 60 * 1000;

export const ReceivedInFutureError = domainError({
  code: 'RECEIVED_IN_FUTURE',
  kind: 'rule',
  message: '接报时间不能晚于当前时间',
});

export const ReceivedAtReasonRequiredError = domainError({
  code: 'RECEIVED_AT_REASON_REQUIRED',
  kind: 'rule',
  message: '接报时间早于登记时间 10 分钟以上，须说明补录原因（receivedAtReason）',
});

export const UnitTimesInvalidError = domainError({
  code: 'UNIT_TIMES_INVALID',
  kind: 'rule',
  message: '事故单位获知时间不能早于事故发生时间，报告时间不能早于获知时间，二者都不能晚于当前时间',
});

export const ReportedInFutureError = domainError({
  code: 'REPORTED_IN_FUTURE',
  kind: 'rule',
  message: '上报或通知时间不能晚于当前时间',
});

export const ReportedBeforeReceiptError = domainError({
  code: 'REPORTED_BEFORE_RECEIPT',
  kind: 'rule',
  message: '上报或通知时间不能早于本级接报时间',
});

export const ObligationNotFoundError = domainError({
  code: 'OBLIGATION_NOT_FOUND',
  kind: 'not_found',
  message: '该报告义务不存在',
  details: (obligationId: string) => ({ obligationId }),
});

export const ObligationNotPendingError = domainError({
  code: 'OBLIGATION_NOT_PENDING',
  kind: 'conflict',
  message: '该报告义务已履行或已核销',
  details: (obligationId: string) => ({ obligationId }),
});

export const ObligationLevelMismatchError = domainError({
  code: 'OBLIGATION_LEVEL_MISMATCH',
  kind: 'rule',
  message: '该报告义务不能由这次上报履行：须向义务所要求的层级（或更高层级）上报',
  details: (obligationId: string) => ({ obligationId }),
});
