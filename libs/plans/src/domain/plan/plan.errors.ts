import { DomainError } from '@app/shared';
import { PLAN_STATUS_LABELS, type PlanStatus } from './plan.types';

export class PlanNotFoundError extends DomainError {
  constructor() {
    super('PLAN_NOT_FOUND', 'not_found', '应急预案不存在');
  }
}

export class PlanVersionNotFoundError extends DomainError {
  constructor(version: number) {
    super('PLAN_VERSION_NOT_FOUND', 'not_found', `应急预案没有第 ${version} 版`, { version });
  }
}

export class PlanAlreadyExistsError extends DomainError {
  constructor() {
    super('PLAN_ALREADY_EXISTS', 'conflict', '该应急预案已存在');
  }
}

export class IllegalPlanTransitionError extends DomainError {
  constructor(status: PlanStatus, action: string) {
    super('ILLEGAL_PLAN_TRANSITION', 'conflict', `预案当前为「${PLAN_STATUS_LABELS[status]}」，不能${action}`, { status });
  }
}

/** A plan belongs to the government level that issued it; a revision cannot move it to another. */
export class PlanJurisdictionFixedError extends DomainError {
  constructor(jurisdiction: string) {
    super('PLAN_JURISDICTION_FIXED', 'rule', `预案的辖区不能修改（${jurisdiction}）`, { jurisdiction });
  }
}

export class PlanNotInForceError extends DomainError {
  constructor() {
    super('PLAN_NOT_IN_FORCE', 'conflict', '预案尚未发布或已废止，不能启动');
  }
}

export class PlanNotApplicableError extends DomainError {
  constructor(detail: string) {
    super('PLAN_NOT_APPLICABLE', 'rule', detail);
  }
}
