import { domainError } from '@app/shared';

// Consultation's error catalogue: each code, its status and its Chinese wording, declared once.

/** No invitation of this expert to this incident (or the incident is outside the actor's jurisdictions). */
export const ConsultationNotFoundError = domainError({
  code: 'CONSULTATION_NOT_FOUND',
  kind: 'not_found',
  message: '未邀请该专家参加本事故的会商',
});

export const ConsultationPendingError = domainError({
  code: 'CONSULTATION_PENDING',
  kind: 'conflict',
  message: '已邀请该专家，正在等待答复',
});

export const ConsultationAcceptedError = domainError({
  code: 'CONSULTATION_ALREADY_ACCEPTED',
  kind: 'conflict',
  message: '该专家已接受本事故的会商邀请',
});

/** After 谢绝 the invitation is over: only a new invitation asks again. */
export const ConsultationDeclinedError = domainError({
  code: 'CONSULTATION_DECLINED',
  kind: 'conflict',
  message: '该专家已谢绝本次会商邀请；如需再请，请重新发出邀请',
});

/** Consultation serves the response: once it has ended (响应终止) nobody is invited and no answer is recorded. */
export const ConsultationIncidentClosedError = domainError({
  code: 'INCIDENT_CLOSED',
  kind: 'conflict',
  message: '该事故的应急响应已终止，不能再邀请专家或登记答复',
});

export const ConsultationFieldError = domainError({
  code: 'VALIDATION_FAILED',
  kind: 'invalid',
  message: (path: string, message: string) => `${path}：${message}`,
  details: (path, message) => ({ errors: [{ path, message }] }),
});
