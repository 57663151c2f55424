import { EventRegistry } from '@app/event-sourcing/events';
import type { DutyActor } from '../duty.types';

/** 点名: the calling level asks the watches below to answer within minutes. */
export interface RollCallIssued {
  type: 'RollCallIssued';
  data: {
    rollCallId: string;
    /** The calling jurisdiction. */
    jurisdiction: string;
    targets: string[];
    message: string;
    ackWithinMinutes: number;
    issuedBy: DutyActor;
    issuedAt: string;
    dueAt: string;
  };
}

export interface RollCallAcknowledged {
  type: 'RollCallAcknowledged';
  data: {
    rollCallId: string;
    jurisdiction: string;
    acknowledgedBy: DutyActor;
    acknowledgedAt: string;
    secondsTaken: number;
  };
}

/** Nobody of the target's watch answered by the deadline (recorded by the roll-call scheduler). */
export interface RollCallMissed {
  type: 'RollCallMissed';
  data: { rollCallId: string; jurisdiction: string; dueAt: string; recordedAt: string };
}

export type RollCallEvent = RollCallIssued | RollCallAcknowledged | RollCallMissed;

/** Every RollCallEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const rollCallEvents = EventRegistry.of<RollCallEvent>({
  RollCallIssued: {},
  RollCallAcknowledged: {},
  RollCallMissed: {},
});
