import { unknownCase } from '@app/event-sourcing/events';
import type { DutyWatchEvent } from './duty-watch.events';

export interface ShiftRecord {
  shiftId: string;
  startsAt: number;
  endsAt: number;
  handedOver: boolean;
}

export interface DutyWatchState {
  jurisdiction: string | null;
  shifts: ShiftRecord[];
}

export const initialDutyWatchState: DutyWatchState = { jurisdiction: null, shifts: [] };

export function evolveDutyWatch(state: DutyWatchState, event: DutyWatchEvent): DutyWatchState {
  switch (event.type) {
    case 'ShiftScheduled':
      return {
        jurisdiction: event.data.jurisdiction,
        shifts: [
          ...state.shifts,
          {
            shiftId: event.data.shiftId,
            startsAt: Date.parse(event.data.startsAt),
            endsAt: Date.parse(event.data.endsAt),
            handedOver: false,
          },
        ],
      };
    case 'ShiftHandedOver':
      return {
        ...state,
        shifts: state.shifts.map((s) => (s.shiftId === event.data.fromShiftId ? { ...s, handedOver: true } : s)),
      };
    default:
      return unknownCase(event);
  }
}
