import type { HandoverSummary } from './duty-watch.events';
import type { DutyActor, DutyPerson } from '../duty.types';

export interface ScheduleShift {
  type: 'ScheduleShift';
  jurisdiction: string;
  shiftId: string;
  leader: DutyPerson;
  officers: DutyPerson[];
  startsAt: Date;
  endsAt: Date;
  by: DutyActor;
  /**
   * Why the actor may schedule: by role (指挥长, 系统管理员), or as the leader (带班领导) of the shift on duty now,
   * which the watch itself checks (the leader named with the actor's account).
   */
  authority: 'role' | 'shift_leader';
  now: Date;
}

export interface HandOverShift {
  type: 'HandOverShift';
  jurisdiction: string;
  handoverId: string;
  note: string;
  /** The taking-over shift; by default the next one after the handing-over shift. */
  toShiftId?: string;
  summary: HandoverSummary;
  by: DutyActor;
  now: Date;
}

/** 接班确认 by an officer of the taking-over shift. */
export interface AcceptHandover {
  type: 'AcceptHandover';
  jurisdiction: string;
  handoverId: string;
  by: DutyActor;
  now: Date;
}

export type DutyWatchCommand = ScheduleShift | HandOverShift | AcceptHandover;
