import { domainError } from '@app/shared';
import { PLAN_STATUS_LABELS, type PlanStatus } from './plan.types';

// The plans context's error catalogue: each code, its status and its Chinese wording, declared once.

export const PlanNotFoundError = domainError({ code: 'PLAN_NOT_FOUND', kind: 'not_found', message: '应急预案不存在' });

export const PlanVersionNotFoundError = domainError({
  code: 'PLAN_VERSION_NOT_FOUND',
  kind: 'not_found',
  message: (version: number) => `应急预案没有第 ${version} 版`,
  details: (version) => ({ version }),
});

export const PlanAlreadyExistsError = domainError({
  code: 'PLAN_ALREADY_EXISTS',
  kind: 'conflict',
  message: '该应急预案已存在',
});

export const IllegalPlanTransitionError = domainError({
  code: 'ILLEGAL_PLAN_TRANSITION',
  kind: 'conflict',
  message: (status: PlanStatus, action: string) => `预案当前为「${PLAN_STATUS_LABELS[status]}」，不能${action}`,
  details: (status) => ({ status }),
});

/** A plan belongs to the government level that issued it; a revision cannot move it to another. */
export const PlanJurisdictionFixedError = domainError({
  code: 'PLAN_JURISDICTION_FIXED',
  kind: 'rule',
  message: (jurisdiction: string) => `预案的辖区不能修改（${jurisdiction}）`,
  details: (jurisdiction) => ({ jurisdiction }),
});

export const PlanNotInForceError = domainError({
  code: 'PLAN_NOT_IN_FORCE',
  kind: 'conflict',
  message: '预案尚未发布或已废止，不能启动',
});

export const PlanNotApplicableError = domainError({
  code: 'PLAN_NOT_APPLICABLE',
  kind: 'rule',
  message: (detail: string) => detail,
});
