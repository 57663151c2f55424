import { unknownCase } from '@app/event-sourcing/events';
import type { DutyWatchEvent } from './duty-watch.events';

export interface ShiftRecord {
  shiftId: string;
  startsAt: number;
  endsAt: number;
  handedOver: boolean;
  /** The leader's account, when the schedule names one (a named leader on duty may schedule). */
  leaderUserId: string | null;
  /** Every account the shift names (leader and officers): who may accept a handover to it. */
  accounts: { userId: string; name: string }[];
}

export interface HandoverRecord {
  handoverId: string;
  fromShiftId: string;
  toShiftId: string;
  handedOverBy: string;
  /** The accounts allowed to accept; empty: any officer of the watch but the outgoing one. */
  incoming: { userId: string; name: string }[];
  accepted: boolean;
}

export interface DutyWatchState {
  jurisdiction: string | null;
  shifts: ShiftRecord[];
  handovers: HandoverRecord[];
}

export const initialDutyWatchState: DutyWatchState = { jurisdiction: null, shifts: [], handovers: [] };

export function evolveDutyWatch(state: DutyWatchState, event: DutyWatchEvent): DutyWatchState {
  switch (event.type) {
    case 'ShiftScheduled': {
      const people = [event.data.leader, ...event.data.officers];
      return {
        ...state,
        jurisdiction: event.data.jurisdiction,
        shifts: [
          ...state.shifts,
          {
            shiftId: event.data.shiftId,
            startsAt: Date.parse(event.data.startsAt),
            endsAt: Date.parse(event.data.endsAt),
            handedOver: false,
            leaderUserId: event.data.leader.userId ?? null,
            accounts: people.flatMap((p) => (p.userId ? [{ userId: p.userId, name: p.name }] : [])),
          },
        ],
      };
    }
    case 'ShiftHandedOver':
      return {
        ...state,
        shifts: state.shifts.map((s) => (s.shiftId === event.data.fromShiftId ? { ...s, handedOver: true } : s)),
        handovers: [
          ...state.handovers,
          {
            handoverId: event.data.handoverId,
            fromShiftId: event.data.fromShiftId,
            toShiftId: event.data.toShiftId,
            handedOverBy: event.data.handedOverBy.userId,
            incoming: event.data.incoming ?? [],
            accepted: false,
          },
        ],
      };
    case 'HandoverAccepted':
      return {
        ...state,
        handovers: state.handovers.map((h) => (h.handoverId === event.data.handoverId ? { ...h, accepted: true } : h)),
      };
    default:
      return unknownCase(event);
  }
}
