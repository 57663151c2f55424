import type { DutyActor } from '../duty.types';

export interface IssueRollCall {
  type: 'IssueRollCall';
  rollCallId: string;
  jurisdiction: string;
  targets: string[];
  message: string;
  ackWithinMinutes: number;
  by: DutyActor;
  now: Date;
}

export interface AcknowledgeRollCall {
  type: 'AcknowledgeRollCall';
  jurisdiction: string;
  by: DutyActor;
  now: Date;
}

/** Records every target not answered by the deadline; nothing when there is none (safe to repeat). */
export interface RecordMissedRollCalls {
  type: 'RecordMissedRollCalls';
  now: Date;
}

export type RollCallCommand = IssueRollCall | AcknowledgeRollCall | RecordMissedRollCalls;
