import { domainError } from '@app/shared';

// The targets context's error catalogue: each code, its status and its Chinese wording, declared once.

export const TargetDocumentNotFoundError = domainError({
  code: 'TARGETS_NOT_FOUND',
  kind: 'not_found',
  message: '该辖区该年度的考核目标不存在',
});

/** A figure that cannot be a target: the message says which target and why. */
export const TargetInvalidError = domainError<[string, string]>({
  code: 'TARGET_INVALID',
  kind: 'invalid',
  message: (reason: string) => `考核目标无效：${reason}`,
  details: (reason: string, path: string) => ({ errors: [{ path, message: reason }] }),
});

/** The same indicator twice for the same category would leave two figures to judge one value against. */
export const TargetDuplicateError = domainError<[string, string]>({
  code: 'TARGET_DUPLICATE',
  kind: 'invalid',
  message: (label: string) => `同一指标、同一行业类别只能下达一个考核目标：${label} 重复`,
  details: (_label: string, path: string) => ({ errors: [{ path, message: '指标与行业类别重复' }] }),
});

export const TargetCategoryUnknownError = domainError<[string, string]>({
  code: 'TARGET_CATEGORY_UNKNOWN',
  kind: 'invalid',
  message: (category: string) => `未知的行业类别：${category}`,
  details: (category: string, path: string) => ({ category, errors: [{ path, message: '未知的行业类别' }] }),
});

export const TargetYearInvalidError = domainError({
  code: 'TARGET_YEAR_INVALID',
  kind: 'invalid',
  message: (min: number, max: number) => `考核年度须为 ${min}–${max} 年之间的整数`,
  details: (min: number, max: number) => ({ errors: [{ path: 'year', message: `须为 ${min}–${max}` }] }),
});
