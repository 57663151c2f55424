import { spec } from '@app/event-sourcing/testing';
import type { DutyWatchCommand } from './duty-watch.commands';
import { dutyWatchDecider } from './duty-watch.decider';
import {
  shiftScheduled as scheduled,
  WATCH_ACTOR as by,
  WATCH_LEADER as leader,
  WATCH_OFFICERS as officers,
} from './duty-watch-fixtures';
import type { DutyWatchEvent, HandoverSummary } from './duty-watch.events';
import {
  InvalidHandoverTargetError,
  InvalidShiftPeriodError,
  NoNextShiftError,
  NoShiftOnDutyError,
  ShiftAlreadyHandedOverError,
  ShiftOverlapError,
} from '../duty.errors';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-22T10:00:00Z');
const summary: HandoverSummary = { computedAt: NOW.toISOString(), openIncidents: [], pendingDeadlines: [] };
const schedule = (shiftId: string, startsAt: string, endsAt: string, now = NOW): DutyWatchCommand => ({
  type: 'ScheduleShift',
  jurisdiction: '640521',
  shiftId,
  leader,
  officers,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  by,
  now,
});
const handOver = (now: Date, toShiftId?: string): DutyWatchCommand => ({
  type: 'HandOverShift',
  jurisdiction: '640521',
  handoverId: 'h1',
  note: '园区泄漏事故仍在处置',
  summary,
  by,
  now,
  ...(toShiftId ? { toShiftId } : {}),
});

// The history, as the stream would hold it.
const DAY = scheduled('day', '2026-11-22T00:00:00.000Z', '2026-11-22T12:00:00.000Z');
const NIGHT = scheduled('night', '2026-11-22T12:00:00.000Z', '2026-11-23T00:00:00.000Z');
const LATER = scheduled('later', '2026-11-23T00:00:00.000Z', '2026-11-23T12:00:00.000Z');
const handedOver = (fromShiftId: string, toShiftId: string, handedOverAt: string): DutyWatchEvent => ({
  type: 'ShiftHandedOver',
  data: {
    jurisdiction: '640521',
    handoverId: 'h1',
    fromShiftId,
    toShiftId,
    note: '园区泄漏事故仍在处置',
    summary,
    handedOverBy: by,
    handedOverAt,
  },
});

const watch = spec(dutyWatchDecider);

describe('duty watch: scheduling shifts', () => {
  it('schedules a shift with its leader and officers', () => {
    watch.when(schedule('day', '2026-11-22T00:00:00Z', '2026-11-22T12:00:00Z')).then([
      {
        type: 'ShiftScheduled',
        data: expect.objectContaining({
          shiftId: 'day',
          jurisdiction: '640521',
          startsAt: '2026-11-22T00:00:00.000Z',
          leader,
          scheduledAt: NOW.toISOString(),
        }),
      },
    ]);
  });

  it('refuses an overlapping shift with SHIFT_OVERLAP, and accepts one that starts when the other ends', () => {
    const dayScheduled = watch.given([DAY]);
    dayScheduled
      .when(schedule('x', '2026-11-22T11:00:00Z', '2026-11-22T20:00:00Z'))
      .thenThrows(ShiftOverlapError, 'SHIFT_OVERLAP');
    dayScheduled
      .when(schedule('y', '2026-11-21T23:00:00Z', '2026-11-23T00:00:00Z'))
      .thenThrows(ShiftOverlapError, 'SHIFT_OVERLAP');
    dayScheduled
      .when(schedule('night', '2026-11-22T12:00:00Z', '2026-11-23T00:00:00Z'))
      .then([expect.objectContaining({ type: 'ShiftScheduled' })]);
  });

  it.each([
    ['an empty', '2026-11-22T12:00:00Z', '2026-11-22T12:00:00Z'],
    ['an inverted', '2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z'],
    ['an over-48-hour', '2026-11-22T00:00:00Z', '2026-11-24T00:00:01Z'],
    ['an already ended', '2026-11-21T00:00:00Z', '2026-11-21T12:00:00Z'],
  ])('refuses %s period with INVALID_SHIFT_PERIOD', (_, startsAt, endsAt) => {
    watch.when(schedule('a', startsAt, endsAt)).thenThrows(InvalidShiftPeriodError, 'INVALID_SHIFT_PERIOD');
  });

  it('accepts a period of exactly 48 hours', () => {
    watch
      .when(schedule('a', '2026-11-22T00:00:00Z', '2026-11-24T00:00:00Z'))
      .then([expect.objectContaining({ type: 'ShiftScheduled' })]);
  });
});

describe('duty watch: handing over', () => {
  const twoShifts = watch.given([DAY, NIGHT]);
  it('hands the shift on duty to the next one, with note and summary', () => {
    twoShifts.when(handOver(at('2026-11-22T11:50:00Z'))).then([handedOver('day', 'night', '2026-11-22T11:50:00.000Z')]);
  });

  it('a shift that just ended still hands over (grace period), and only once', () => {
    twoShifts.when(handOver(at('2026-11-22T12:10:00Z'))).then([handedOver('day', 'night', '2026-11-22T12:10:00.000Z')]);
    watch
      .given([DAY, NIGHT, handedOver('day', 'night', '2026-11-22T12:10:00.000Z')])
      .when(handOver(at('2026-11-22T11:59:00Z')))
      .thenThrows(ShiftAlreadyHandedOverError, 'SHIFT_ALREADY_HANDED_OVER');
  });

  it('needs a shift on duty and a next shift', () => {
    watch.given([NIGHT]).when(handOver(NOW)).thenThrows(NoShiftOnDutyError, 'NO_SHIFT_ON_DUTY');
    watch.given([DAY]).when(handOver(NOW)).thenThrows(NoNextShiftError, 'NO_NEXT_SHIFT');
  });

  it('an explicit taking-over shift must come after the handing-over one', () => {
    const threeShifts = watch.given([DAY, NIGHT, LATER]);
    threeShifts.when(handOver(NOW, 'later')).then([handedOver('day', 'later', NOW.toISOString())]);
    threeShifts.when(handOver(NOW, 'day')).thenThrows(InvalidHandoverTargetError, 'INVALID_HANDOVER_TARGET');
    threeShifts.when(handOver(NOW, 'nope')).thenThrows(InvalidHandoverTargetError, 'INVALID_HANDOVER_TARGET');
  });
});
