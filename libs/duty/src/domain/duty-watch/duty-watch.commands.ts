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

export type DutyWatchCommand = ScheduleShift | HandOverShift;
