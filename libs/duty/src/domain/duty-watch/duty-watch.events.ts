import { EventRegistry } from '@app/event-sourcing/events';
import type { HandoverSummaryView } from '../../contract';
import type { DutyActor, DutyPerson } from '../duty.types';

export interface ShiftScheduled {
  type: 'ShiftScheduled';
  data: {
    jurisdiction: string;
    shiftId: string;
    leader: DutyPerson;
    officers: DutyPerson[];
    startsAt: string;
    endsAt: string;
    scheduledBy: DutyActor;
    scheduledAt: string;
  };
}

/**
 * What was open when the watch changed, computed from the read models at that moment and kept as handed over. It is
 * stored in the shape the API shows it (the contract's view), so a change to that view changes what new events carry
 * and needs an upcaster for the ones already stored.
 */
export type HandoverSummary = HandoverSummaryView;

/** 交接班: the outgoing shift hands the watch, a note and the summary of open business to the next shift. */
export interface ShiftHandedOver {
  type: 'ShiftHandedOver';
  data: {
    jurisdiction: string;
    handoverId: string;
    fromShiftId: string;
    toShiftId: string;
    note: string;
    summary: HandoverSummary;
    handedOverBy: DutyActor;
    handedOverAt: string;
    /**
     * The accounts the taking-over shift named when it was handed over: only they may accept. Absent in handovers
     * recorded before acceptance existed (read as none named).
     */
    incoming?: DutyActor[];
  };
}

/**
 * 接班确认: the incoming officer accepts the watch. Until then the outgoing shift stays responsible for what it handed
 * over; from now on the taking-over shift is.
 */
export interface HandoverAccepted {
  type: 'HandoverAccepted';
  data: {
    jurisdiction: string;
    handoverId: string;
    fromShiftId: string;
    toShiftId: string;
    acceptedBy: DutyActor;
    acceptedAt: string;
  };
}

export type DutyWatchEvent = ShiftScheduled | ShiftHandedOver | HandoverAccepted;

/** Every DutyWatchEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const dutyWatchEvents = EventRegistry.of<DutyWatchEvent>({
  ShiftScheduled: {},
  ShiftHandedOver: {},
  HandoverAccepted: {},
});
