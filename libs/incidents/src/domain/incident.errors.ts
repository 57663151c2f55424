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
