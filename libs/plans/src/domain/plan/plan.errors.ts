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

/** 预案办法 第二十条、第二十一条: a plan is published only after its 评审 or 论证, with the record of it. */
export const PlanNotReviewedError = domainError({
  code: 'PLAN_NOT_REVIEWED',
  kind: 'conflict',
  message: (version: number) =>
    `预案第 ${version} 版尚未记录评审或论证，不能发布（《生产安全事故应急预案管理办法》第二十条、第二十一条）；请先登记评审/论证记录`,
  details: (version) => ({ version }),
});

export const PlanReviewNotPassedError = domainError({
  code: 'PLAN_REVIEW_NOT_PASSED',
  kind: 'conflict',
  message: (version: number) => `预案第 ${version} 版评审结论为「不通过」，修改后须重新评审才能发布`,
  details: (version) => ({ version }),
});

/** A date of the plan's record (review, filing, evaluation) that lies after today in the plan's jurisdiction. */
export const PlanDateInFutureError = domainError({
  code: 'PLAN_DATE_IN_FUTURE',
  kind: 'rule',
  message: (what: string, date: string, today: string) =>
    `${what}日期 ${date} 晚于今天（${today}），不能登记未来的日期`,
  details: (_what, date, today) => ({ date, today }),
});

/** A date before the step it follows: a filing or evaluation before publication, a review before the version. */
export const PlanDateTooEarlyError = domainError({
  code: 'PLAN_DATE_TOO_EARLY',
  kind: 'rule',
  message: (what: string, date: string, earliest: string, reason: string) =>
    `${what}日期 ${date} 早于${reason}（${earliest}）`,
  details: (_what, date, earliest) => ({ date, earliest }),
});
