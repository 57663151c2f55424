import { domainError } from '@app/shared';

// The warnings context's error catalogue: each code, its status and its Chinese wording, declared once.

export const WarningNotFoundError = domainError({
  code: 'WARNING_NOT_FOUND',
  kind: 'not_found',
  message: '预警不存在',
});

export const WarningAlreadyIssuedError = domainError({
  code: 'WARNING_ALREADY_ISSUED',
  kind: 'conflict',
  message: '该预警已发布',
});

/** A lifted (解除) warning is final: a new situation needs a new warning. */
export const WarningLiftedError = domainError({
  code: 'WARNING_LIFTED',
  kind: 'conflict',
  message: '预警已解除，不能再调整或解除；如有新情况请重新发布预警',
  details: (liftedAt: string | null) => ({ liftedAt }),
});

export const WarningExpiredError = domainError({
  code: 'WARNING_EXPIRED',
  kind: 'conflict',
  message: '预警已过期失效，不能再调整或解除；如有新情况请重新发布预警',
  details: (expires: string) => ({ expires }),
});

/** CAP 1.2 and common sense: a warning ends after it starts. */
export const WarningTimesError = domainError({
  code: 'WARNING_EXPIRES_NOT_AFTER_EFFECTIVE',
  kind: 'invalid',
  message: '失效时间（expires）须晚于生效时间（effective）',
  details: (effective: string, expires: string) => ({
    effective,
    expires,
    errors: [{ path: 'expires', message: 'expires 须晚于 effective' }],
  }),
});

export const WarningExpiresInPastError = domainError({
  code: 'WARNING_EXPIRES_IN_PAST',
  kind: 'rule',
  message: '失效时间已过，不能发布或延至过去的时间',
  details: (expires: string) => ({ expires }),
});

/** The role lacks `warning.issue`: drill coordinators issue, adjust and lift drill warnings only. */
export const DrillWarningsOnlyError = domainError({
  code: 'FORBIDDEN',
  kind: 'forbidden',
  message: '演练组织者只能发布、调整、解除演练预警（须带 drillId）',
  details: () => ({ permission: 'warning.issue' }),
});

/** A warning linked to an incident is drill data exactly when the incident is. */
export const WarningDrillMismatchError = domainError({
  code: 'WARNING_DRILL_MISMATCH',
  kind: 'rule',
  message: '演练事故只能关联同一演练的演练预警，真实事故只能关联真实预警',
});
