import type { RollCallTargetStatus } from '../contract';

// The values and shapes the outside world sees are defined once, in the context's contract.
export type { DutyActor, DutyPerson, RollCallTargetStatus } from '../contract';

/**
 * The watch (值班): each jurisdiction's command centre keeps a 24-hour watch in shifts, each with a leader on duty
 * (带班领导) and duty officers (值班员); shifts hand over (交接班) with a written note and what is still open; the level
 * above checks the watch with roll calls (点名) that must be answered within minutes. Who is on a watch and who acted
 * (DutyPerson, DutyActor) are the contract's shapes, re-exported above.
 */

export const MAX_SHIFT_HOURS = 48;
/** A shift that just ended may still be handed over this long after its end (the next watch is already on). */
export const HANDOVER_GRACE_MINUTES = 60;
export const ROLL_CALL_MIN_MINUTES = 1;
export const ROLL_CALL_MAX_MINUTES = 60;
export const ROLL_CALL_DEFAULT_MINUTES = 5;

export const DUTY_LABELS = {
  watch: '值班',
  handover: '交接班',
  rollCall: '点名',
  leader: '带班领导',
  officers: '值班员',
} as const;

export const ROLL_CALL_TARGET_STATUSES = [
  'pending',
  'answered',
  'missed',
] as const satisfies readonly RollCallTargetStatus[];
export const ROLL_CALL_STATUS_LABELS: Readonly<Record<RollCallTargetStatus, string>> = {
  pending: '待应答',
  answered: '已应答',
  missed: '未应答（漏点）',
};

/** One watch per jurisdiction: every shift of a jurisdiction is on one stream, so overlaps are decided in one place. */
export const dutyWatchStream = (jurisdiction: string): string => `duty-${jurisdiction}`;
export const rollCallStream = (rollCallId: string): string => `rollcall-${rollCallId}`;
