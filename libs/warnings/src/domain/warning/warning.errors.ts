import { DomainError } from '@app/shared';

export class WarningNotFoundError extends DomainError {
  constructor() {
    super('WARNING_NOT_FOUND', 'not_found', '预警不存在');
  }
}

export class WarningAlreadyIssuedError extends DomainError {
  constructor() {
    super('WARNING_ALREADY_ISSUED', 'conflict', '该预警已发布');
  }
}

/** A lifted (解除) warning is final: a new situation needs a new warning. */
export class WarningLiftedError extends DomainError {
  constructor(liftedAt: string | null) {
    super('WARNING_LIFTED', 'conflict', '预警已解除，不能再调整或解除；如有新情况请重新发布预警', { liftedAt });
  }
}

export class WarningExpiredError extends DomainError {
  constructor(expires: string) {
    super('WARNING_EXPIRED', 'conflict', '预警已过期失效，不能再调整或解除；如有新情况请重新发布预警', { expires });
  }
}

/** CAP 1.2 and common sense: a warning ends after it starts. */
export class WarningTimesError extends DomainError {
  constructor(effective: string, expires: string) {
    super('WARNING_EXPIRES_NOT_AFTER_EFFECTIVE', 'invalid', '失效时间（expires）须晚于生效时间（effective）', {
      effective, expires, errors: [{ path: 'expires', message: 'expires 须晚于 effective' }],
    });
  }
}

export class WarningExpiresInPastError extends DomainError {
  constructor(expires: string) {
    super('WARNING_EXPIRES_IN_PAST', 'rule', '失效时间已过，不能发布或延至过去的时间', { expires });
  }
}

/** The role lacks `warning.issue`: drill coordinators issue, adjust and lift drill warnings only. */
export class DrillWarningsOnlyError extends DomainError {
  constructor() {
    super('FORBIDDEN', 'forbidden', '演练组织者只能发布、调整、解除演练预警（须带 drillId）', { permission: 'warning.issue' });
  }
}

/** A warning linked to an incident is drill data exactly when the incident is. */
export class WarningDrillMismatchError extends DomainError {
  constructor() {
    super('WARNING_DRILL_MISMATCH', 'rule', '演练事故只能关联同一演练的演练预警，真实事故只能关联真实预警');
  }
}
