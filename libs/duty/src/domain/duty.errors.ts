import { DomainError } from '@app/shared';

export class InvalidShiftPeriodError extends DomainError {
  constructor(reason: string) {
    super('INVALID_SHIFT_PERIOD', 'rule', reason);
  }
}

/** Two shifts of one jurisdiction may not overlap: at any moment one shift holds the watch. */
export class ShiftOverlapError extends DomainError {
  constructor(other: { shiftId: string; startsAt: number; endsAt: number }) {
    super('SHIFT_OVERLAP', 'conflict', '该时段与本辖区已排定的值班班次重叠', {
      shiftId: other.shiftId, startsAt: new Date(other.startsAt).toISOString(), endsAt: new Date(other.endsAt).toISOString(),
    });
  }
}

export class ShiftAlreadyScheduledError extends DomainError {
  constructor() {
    super('SHIFT_ALREADY_SCHEDULED', 'conflict', '该值班班次已排定');
  }
}

export class NoShiftOnDutyError extends DomainError {
  constructor() {
    super('NO_SHIFT_ON_DUTY', 'conflict', '当前没有在岗的值班班次，无法交班');
  }
}

export class ShiftAlreadyHandedOverError extends DomainError {
  constructor(shiftId: string) {
    super('SHIFT_ALREADY_HANDED_OVER', 'conflict', '本班次已完成交接班', { shiftId });
  }
}

export class NoNextShiftError extends DomainError {
  constructor() {
    super('NO_NEXT_SHIFT', 'conflict', '尚未排定接班班次，无法交班');
  }
}

export class InvalidHandoverTargetError extends DomainError {
  constructor(toShiftId: string) {
    super('INVALID_HANDOVER_TARGET', 'rule', '接班班次须为本辖区在交班班次之后的班次', { toShiftId });
  }
}

export class RollCallNotFoundError extends DomainError {
  constructor() {
    super('ROLL_CALL_NOT_FOUND', 'not_found', '点名不存在');
  }
}

export class RollCallAlreadyIssuedError extends DomainError {
  constructor() {
    super('ROLL_CALL_ALREADY_ISSUED', 'conflict', '该点名已发起');
  }
}

export class InvalidRollCallError extends DomainError {
  constructor(reason: string, details?: Record<string, unknown>) {
    super('INVALID_ROLL_CALL', 'rule', reason, details);
  }
}

export class NotRollCallTargetError extends DomainError {
  constructor(jurisdiction: string) {
    super('NOT_ROLL_CALL_TARGET', 'rule', `辖区 ${jurisdiction} 不在本次点名范围内`, { jurisdiction });
  }
}

/** A roll call checks that the called watch is staffed: the calling level cannot answer in its place. */
export class RollCallAnsweredByIssuerError extends DomainError {
  constructor() {
    super('ROLL_CALL_ANSWER_BY_ISSUER', 'forbidden', '点名须由被点名辖区的值班人员应答，发起点名的上级不能代答');
  }
}

export class RollCallAlreadyAnsweredError extends DomainError {
  constructor(jurisdiction: string, by: string, at: string) {
    super('ROLL_CALL_ALREADY_ANSWERED', 'conflict', `辖区 ${jurisdiction} 已由 ${by} 应答`, { jurisdiction, by, at });
  }
}

/** After the deadline the roll call is closed for that target: a late answer is not an answer (it was missed). */
export class RollCallClosedError extends DomainError {
  constructor(jurisdiction: string, dueAt: string) {
    super('ROLL_CALL_CLOSED', 'conflict', '点名应答时限已过，不能再应答（已记为未应答）', { jurisdiction, dueAt });
  }
}
