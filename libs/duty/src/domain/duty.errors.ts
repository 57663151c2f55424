import { domainError } from '@app/shared';

// The duty context's error catalogue: each code, its status and its Chinese wording, declared once.

export const InvalidShiftPeriodError = domainError({
  code: 'INVALID_SHIFT_PERIOD',
  kind: 'rule',
  message: (reason: string) => reason,
});

/** Two shifts of one jurisdiction may not overlap: at any moment one shift holds the watch. */
export const ShiftOverlapError = domainError({
  code: 'SHIFT_OVERLAP',
  kind: 'conflict',
  message: '该时段与本辖区已排定的值班班次重叠',
  details: (other: { shiftId: string; startsAt: number; endsAt: number }) => ({
    shiftId: other.shiftId,
    startsAt: new Date(other.startsAt).toISOString(),
    endsAt: new Date(other.endsAt).toISOString(),
  }),
});

export const ShiftAlreadyScheduledError = domainError({
  code: 'SHIFT_ALREADY_SCHEDULED',
  kind: 'conflict',
  message: '该值班班次已排定',
});

export const NoShiftOnDutyError = domainError({
  code: 'NO_SHIFT_ON_DUTY',
  kind: 'conflict',
  message: '当前没有在岗的值班班次，无法交班',
});

export const ShiftAlreadyHandedOverError = domainError({
  code: 'SHIFT_ALREADY_HANDED_OVER',
  kind: 'conflict',
  message: '本班次已完成交接班',
  details: (shiftId: string) => ({ shiftId }),
});

export const NoNextShiftError = domainError({
  code: 'NO_NEXT_SHIFT',
  kind: 'conflict',
  message: '尚未排定接班班次，无法交班',
});

export const InvalidHandoverTargetError = domainError({
  code: 'INVALID_HANDOVER_TARGET',
  kind: 'rule',
  message: '接班班次须为本辖区在交班班次之后的班次',
  details: (toShiftId: string) => ({ toShiftId }),
});

/** Only the named leader of the shift on duty schedules besides commanders and administrators. */
export const NotShiftLeaderError = domainError({
  code: 'NOT_SHIFT_LEADER',
  kind: 'forbidden',
  message: '只有指挥长、系统管理员或当前在岗班次的带班领导可以排班',
});

export const HandoverNotFoundError = domainError({
  code: 'HANDOVER_NOT_FOUND',
  kind: 'not_found',
  message: '交接班记录不存在',
});

export const HandoverAlreadyAcceptedError = domainError({
  code: 'HANDOVER_ALREADY_ACCEPTED',
  kind: 'conflict',
  message: '该交接班已确认接班',
  details: (handoverId: string) => ({ handoverId }),
});

/** The shift the watch was handed to is not this person's: they cannot take it over. */
export const NotIncomingOfficerError = domainError({
  code: 'NOT_INCOMING_OFFICER',
  kind: 'forbidden',
  message: (names: string) => (names ? `只有接班人员（${names}）可以确认接班` : '交班人员不能替接班人员确认接班'),
});

/** A shift takes the watch before it passes it on: it cannot hand over what it has not accepted. */
export const HandoverNotAcceptedError = domainError({
  code: 'HANDOVER_NOT_ACCEPTED',
  kind: 'conflict',
  message: '本班次尚未确认接班，不能交班',
  details: (handoverId: string) => ({ handoverId }),
});

export const RollCallNotFoundError = domainError({
  code: 'ROLL_CALL_NOT_FOUND',
  kind: 'not_found',
  message: '点名不存在',
});

export const RollCallAlreadyIssuedError = domainError({
  code: 'ROLL_CALL_ALREADY_ISSUED',
  kind: 'conflict',
  message: '该点名已发起',
});

export const InvalidRollCallError = domainError({
  code: 'INVALID_ROLL_CALL',
  kind: 'rule',
  message: (reason: string, _details?: Record<string, unknown>) => reason,
  details: (_reason: string, details?: Record<string, unknown>) => details,
});

export const NotRollCallTargetError = domainError({
  code: 'NOT_ROLL_CALL_TARGET',
  kind: 'rule',
  message: (jurisdiction: string) => `辖区 ${jurisdiction} 不在本次点名范围内`,
  details: (jurisdiction) => ({ jurisdiction }),
});

/** A roll call checks that the called watch is staffed: the calling level cannot answer in its place. */
export const RollCallAnsweredByIssuerError = domainError({
  code: 'ROLL_CALL_ANSWER_BY_ISSUER',
  kind: 'forbidden',
  message: '点名须由被点名辖区的值班人员应答，发起点名的上级不能代答',
});

export const RollCallAlreadyAnsweredError = domainError({
  code: 'ROLL_CALL_ALREADY_ANSWERED',
  kind: 'conflict',
  message: (jurisdiction: string, by: string, _at: string) => `辖区 ${jurisdiction} 已由 ${by} 应答`,
  details: (jurisdiction, by, at) => ({ jurisdiction, by, at }),
});

/** After the deadline the roll call is closed for that target: a late answer is not an answer (it was missed). */
export const RollCallClosedError = domainError({
  code: 'ROLL_CALL_CLOSED',
  kind: 'conflict',
  message: '点名应答时限已过，不能再应答（已记为未应答）',
  details: (jurisdiction: string, dueAt: string) => ({ jurisdiction, dueAt }),
});
