import { domainError } from '@app/shared';
import type { HiddenHazardStatus, SupervisionLevel } from '../../contract';
import { STATUS_LABELS, SUPERVISION_LEVEL_LABELS } from './hidden-hazard.types';

export const HiddenHazardNotFoundError = domainError({
  code: 'HIDDEN_HAZARD_NOT_FOUND',
  kind: 'not_found',
  message: '隐患不存在',
});

export const HiddenHazardAlreadyRecordedError = domainError({
  code: 'HIDDEN_HAZARD_ALREADY_RECORDED',
  kind: 'conflict',
  message: '该隐患已登记',
});

export const HiddenHazardEnterpriseUnknownError = domainError({
  code: 'HIDDEN_HAZARD_ENTERPRISE_UNKNOWN',
  kind: 'rule',
  message: '隐患所在企业不存在或不在您的辖区内：请先登记企业',
  details: (enterpriseId: string) => ({
    enterpriseId,
    errors: [{ path: 'enterpriseId', message: '企业不存在或不在您的辖区内' }],
  }),
});

export const HiddenHazardSourceUnknownError = domainError({
  code: 'HIDDEN_HAZARD_SOURCE_UNKNOWN',
  kind: 'rule',
  message: '所涉重大危险源不存在、已核销或不属于该企业',
  details: (hazardSourceId: string) => ({
    hazardSourceId,
    errors: [{ path: 'hazardSourceId', message: '重大危险源不属于该企业或已核销' }],
  }),
});

export const HiddenHazardStandardRequiredError = domainError({
  code: 'HIDDEN_HAZARD_STANDARD_REQUIRED',
  kind: 'rule',
  message: '重大事故隐患须写明判定依据（判定标准）',
  details: () => ({ errors: [{ path: 'standard', message: '须写明判定依据' }] }),
});

export const HiddenHazardFoundInFutureError = domainError({
  code: 'HIDDEN_HAZARD_FOUND_IN_FUTURE',
  kind: 'rule',
  message: '发现时间不能晚于当前时间',
  details: (foundAt: string) => ({ foundAt, errors: [{ path: 'foundAt', message: '不能晚于当前时间' }] }),
});

export const HiddenHazardDeadlineBeforeFoundError = domainError({
  code: 'HIDDEN_HAZARD_DEADLINE_BEFORE_FOUND',
  kind: 'rule',
  message: '整改期限须晚于发现时间',
  details: (deadline: string) => ({
    deadline,
    errors: [{ path: 'rectification.deadline', message: '须晚于发现时间' }],
  }),
});

export const HiddenHazardClosedError = domainError({
  code: 'HIDDEN_HAZARD_CLOSED',
  kind: 'conflict',
  message: '该隐患已销号，不能再办理；销号的隐患不会重新打开，如再次发现请重新登记',
  details: (closedAt: string) => ({ closedAt }),
});

export const HiddenHazardNotMajorError = domainError({
  code: 'HIDDEN_HAZARD_NOT_MAJOR',
  kind: 'conflict',
  message: '只有重大事故隐患才能挂牌督办',
});

export const HiddenHazardAlreadyVerifiedError = domainError({
  code: 'HIDDEN_HAZARD_ALREADY_VERIFIED',
  kind: 'conflict',
  message: '该隐患已验收通过，不能再挂牌督办；请办理销号',
});

export const HiddenHazardSupervisionNotUpwardError = domainError({
  code: 'HIDDEN_HAZARD_SUPERVISION_NOT_UPWARD',
  kind: 'conflict',
  message: (current: SupervisionLevel, asked: SupervisionLevel) =>
    `该隐患已由${SUPERVISION_LEVEL_LABELS[current]}，只能提级督办，不能改为${SUPERVISION_LEVEL_LABELS[asked]}`,
  details: (current, asked) => ({ current, asked }),
});

export const HiddenHazardSupervisionLevelUnavailableError = domainError({
  code: 'HIDDEN_HAZARD_SUPERVISION_LEVEL_UNAVAILABLE',
  kind: 'rule',
  message: (level: SupervisionLevel) =>
    `该隐患所在辖区及其上级辖区中没有可${SUPERVISION_LEVEL_LABELS[level]}的政府层级`,
  details: (level) => ({ level, errors: [{ path: 'level', message: '没有这一督办层级' }] }),
});

export const HiddenHazardSupervisionAboveActorError = domainError({
  code: 'HIDDEN_HAZARD_SUPERVISION_ABOVE_ACTOR',
  kind: 'forbidden',
  message: (level: SupervisionLevel) =>
    `无权${SUPERVISION_LEVEL_LABELS[level]}：只能在本级或下级政府层级挂牌督办本辖区的隐患`,
  details: (level) => ({ level }),
});

export const HiddenHazardSupervisedAboveError = domainError({
  code: 'HIDDEN_HAZARD_SUPERVISED_ABOVE',
  kind: 'forbidden',
  message: (level: SupervisionLevel, _jurisdiction: string) =>
    `该隐患由${SUPERVISION_LEVEL_LABELS[level]}，只有督办单位或其上级才能验收和销号`,
  details: (level, jurisdiction) => ({ level, supervisingJurisdiction: jurisdiction }),
});

export const HiddenHazardNotRectifyingError = domainError({
  code: 'HIDDEN_HAZARD_NOT_RECTIFYING',
  kind: 'conflict',
  message: (status: HiddenHazardStatus) => `该隐患当前为「${STATUS_LABELS[status]}」，不在整改中，不能报告整改完成`,
  details: (status) => ({ status }),
});

export const HiddenHazardNotRectifiedError = domainError({
  code: 'HIDDEN_HAZARD_NOT_RECTIFIED',
  kind: 'conflict',
  message: (status: HiddenHazardStatus) => `该隐患当前为「${STATUS_LABELS[status]}」，须先报告整改完成才能验收`,
  details: (status) => ({ status }),
});

export const HiddenHazardNotVerifiedError = domainError({
  code: 'HIDDEN_HAZARD_NOT_VERIFIED',
  kind: 'conflict',
  message: (status: HiddenHazardStatus) => `该隐患当前为「${STATUS_LABELS[status]}」，未经验收通过不能销号`,
  details: (status) => ({ status }),
});

export const HiddenHazardSummaryRangeInvalidError = domainError({
  code: 'HIDDEN_HAZARD_SUMMARY_RANGE_INVALID',
  kind: 'invalid',
  message: '统计时间范围无效：起始时间须早于截止时间',
  details: () => ({ errors: [{ path: 'from', message: '须早于截止时间' }] }),
});

export const HiddenHazardDeadlineNotAfterNowError = domainError({
  code: 'HIDDEN_HAZARD_DEADLINE_NOT_AFTER_NOW',
  kind: 'rule',
  message: '新的整改期限须晚于当前时间',
  details: (deadline: string) => ({ deadline, errors: [{ path: 'deadline', message: '须晚于当前时间' }] }),
});

export const HiddenHazardDeadlineNotLaterError = domainError({
  code: 'HIDDEN_HAZARD_DEADLINE_NOT_LATER',
  kind: 'rule',
  message: '延期后的整改期限须晚于原整改期限',
  details: (deadline: string, current: string) => ({
    deadline,
    current,
    errors: [{ path: 'deadline', message: '须晚于原整改期限' }],
  }),
});

export const HiddenHazardDeadlineOnPassedError = domainError({
  code: 'HIDDEN_HAZARD_DEADLINE_ON_PASSED',
  kind: 'rule',
  message: '验收通过时不能设定新的整改期限',
  details: () => ({ errors: [{ path: 'deadline', message: '仅验收不通过时可设定新的整改期限' }] }),
});
