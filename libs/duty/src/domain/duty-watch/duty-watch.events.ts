import { EventRegistry } from '@app/event-sourcing/events';
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

/** What was open when the watch changed, computed from the read models at that moment and kept as handed over. */
export interface HandoverSummary {
  computedAt: string;
  openIncidents: {
    id: string;
    title: string;
    jurisdiction: string;
    grade: string;
    responseLevel: string | null;
    drillId: string | null;
  }[];
  pendingDeadlines: {
    incidentId: string;
    title: string;
    jurisdiction: string;
    obligationId: string;
    level: string;
    dueAt: string;
    overdue: boolean;
  }[];
}

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
  };
}

export type DutyWatchEvent = ShiftScheduled | ShiftHandedOver;

/** Every DutyWatchEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const dutyWatchEvents = EventRegistry.of<DutyWatchEvent>({
  ShiftScheduled: {},
  ShiftHandedOver: {},
});
