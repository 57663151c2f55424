import type { DutyActor, DutyPerson } from '../duty.types';
import type { ShiftScheduled } from './duty-watch.events';

/** The people of a county watch in the duty specs (shared test data). */
export const WATCH_ACTOR: DutyActor = { userId: 'u1', name: '王值班' };
export const WATCH_LEADER: DutyPerson = { name: '李带班', phone: null };
export const WATCH_OFFICERS: DutyPerson[] = [{ name: '王值班', phone: '0955-1' }];

/** A shift of county 640521 as the stream records it, scheduled the day before. */
export function shiftScheduled(shiftId: string, startsAt: string, endsAt: string): ShiftScheduled {
  return {
    type: 'ShiftScheduled',
    data: {
      jurisdiction: '640521',
      shiftId,
      leader: WATCH_LEADER,
      officers: WATCH_OFFICERS,
      startsAt,
      endsAt,
      scheduledBy: WATCH_ACTOR,
      scheduledAt: '2026-11-21T08:00:00.000Z',
    },
  };
}
