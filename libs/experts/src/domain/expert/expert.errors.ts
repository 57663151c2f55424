import { domainError } from '@app/shared';

// The expert library's error catalogue: each code, its status and its Chinese wording, declared once.

export const ExpertNotFoundError = domainError({ code: 'EXPERT_NOT_FOUND', kind: 'not_found', message: '专家不存在' });

export const ExpertAlreadyRegisteredError = domainError({
  code: 'EXPERT_ALREADY_REGISTERED',
  kind: 'conflict',
  message: '该专家已入库',
});

/** A withdrawn expert is kept for the record only: not changed, not withdrawn twice, never invited. */
export const ExpertWithdrawnError = domainError({
  code: 'EXPERT_WITHDRAWN',
  kind: 'conflict',
  message: '该专家已退出专家库',
});

/** The entry belongs to a higher level's library: readable and invitable here, kept only by that level. */
export const ExpertReadOnlyError = domainError({
  code: 'EXPERT_READ_ONLY',
  kind: 'forbidden',
  message: (jurisdictionName: string) => `该专家由${jurisdictionName}专家库管理，本级只能查阅和邀请`,
});

/** A field the request layer bounds, refused again here for a caller that bypasses it. */
export const ExpertFieldError = domainError({
  code: 'VALIDATION_FAILED',
  kind: 'invalid',
  message: (path: string, message: string) => `${path}：${message}`,
  details: (path, message) => ({ errors: [{ path, message }] }),
});
