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
  HandoverAlreadyAcceptedError,
  HandoverNotAcceptedError,
  HandoverNotFoundError,
  NotIncomingOfficerError,
  NotShiftLeaderError,
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
  authority: 'role',
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
    incoming: [],
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

// The taking-over shift names two accounts (its leader and an officer); the handing-over one names its leader.
const INCOMING = { userId: 'u2', name: '张接班' };
const INCOMING_LEADER = { userId: 'u3', name: '赵带班' };
const namedShift = (shiftId: string, startsAt: string, endsAt: string, leaderUserId: string | null): DutyWatchEvent => {
  const event = scheduled(shiftId, startsAt, endsAt);
  return {
    ...event,
    data: {
      ...event.data,
      leader: { ...leader, ...(leaderUserId ? { userId: leaderUserId } : {}) },
      officers: shiftId === 'night' ? [{ name: INCOMING.name, phone: null, userId: INCOMING.userId }] : officers,
    },
  } as DutyWatchEvent;
};
const NAMED_DAY = namedShift('day', '2026-11-22T00:00:00.000Z', '2026-11-22T12:00:00.000Z', by.userId);
const NAMED_NIGHT = namedShift('night', '2026-11-22T12:00:00.000Z', '2026-11-23T00:00:00.000Z', INCOMING_LEADER.userId);
const accept = (userId: string, handoverId = 'h1', now = at('2026-11-22T12:05:00Z')): DutyWatchCommand => ({
  type: 'AcceptHandover',
  jurisdiction: '640521',
  handoverId,
  by: { userId, name: userId },
  now,
});
const namedHandover: DutyWatchEvent = {
  ...handedOver('day', 'night', '2026-11-22T11:50:00.000Z'),
  data: {
    ...(handedOver('day', 'night', '2026-11-22T11:50:00.000Z').data as object),
    incoming: [
      { userId: INCOMING_LEADER.userId, name: '李带班' },
      { userId: INCOMING.userId, name: INCOMING.name },
    ],
  },
} as DutyWatchEvent;

describe('duty watch: accepting a handover (接班确认)', () => {
  it('a handover names the accounts of the taking-over shift, leader first', () => {
    watch
      .given([NAMED_DAY, NAMED_NIGHT])
      .when(handOver(at('2026-11-22T11:50:00Z')))
      .then([namedHandover]);
  });

  it('only a named incoming officer accepts; the outgoing officer and strangers are refused', () => {
    const pending = watch.given([NAMED_DAY, NAMED_NIGHT, namedHandover]);
    pending.when(accept(INCOMING.userId)).then([
      {
        type: 'HandoverAccepted',
        data: {
          jurisdiction: '640521',
          handoverId: 'h1',
          fromShiftId: 'day',
          toShiftId: 'night',
          acceptedBy: { userId: INCOMING.userId, name: INCOMING.userId },
          acceptedAt: '2026-11-22T12:05:00.000Z',
        },
      },
    ]);
    pending.when(accept(INCOMING_LEADER.userId)).then([expect.objectContaining({ type: 'HandoverAccepted' })]);
    pending.when(accept(by.userId)).thenThrows(NotIncomingOfficerError, 'NOT_INCOMING_OFFICER');
    pending.when(accept('stranger')).thenThrows(NotIncomingOfficerError, 'NOT_INCOMING_OFFICER');
  });

  it('when the taking-over shift names no account, anyone of the watch but the outgoing officer accepts', () => {
    const pending = watch.given([DAY, NIGHT, handedOver('day', 'night', '2026-11-22T11:50:00.000Z')]);
    pending.when(accept('someone')).then([expect.objectContaining({ type: 'HandoverAccepted' })]);
    pending.when(accept(by.userId)).thenThrows(NotIncomingOfficerError, 'NOT_INCOMING_OFFICER');
  });

  it('is accepted once, and an unknown handover is not found', () => {
    const accepted: DutyWatchEvent = {
      type: 'HandoverAccepted',
      data: {
        jurisdiction: '640521',
        handoverId: 'h1',
        fromShiftId: 'day',
        toShiftId: 'night',
        acceptedBy: { userId: INCOMING.userId, name: INCOMING.name },
        acceptedAt: '2026-11-22T12:05:00.000Z',
      },
    };
    watch
      .given([NAMED_DAY, NAMED_NIGHT, namedHandover, accepted])
      .when(accept(INCOMING_LEADER.userId))
      .thenThrows(HandoverAlreadyAcceptedError, 'HANDOVER_ALREADY_ACCEPTED');
    watch
      .given([NAMED_DAY, NAMED_NIGHT, namedHandover])
      .when(accept(INCOMING.userId, 'h-forged'))
      .thenThrows(HandoverNotFoundError, 'HANDOVER_NOT_FOUND');
  });

  it('a shift hands over only after it accepted the watch itself', () => {
    const later = scheduled('later', '2026-11-23T00:00:00.000Z', '2026-11-23T12:00:00.000Z');
    const nightHandsOver = (now: string) => ({ ...handOver(at(now)), handoverId: 'h2' }) as DutyWatchCommand;
    watch
      .given([NAMED_DAY, NAMED_NIGHT, later, namedHandover])
      .when(nightHandsOver('2026-11-22T23:50:00Z'))
      .thenThrows(HandoverNotAcceptedError, 'HANDOVER_NOT_ACCEPTED');
    watch
      .given([
        NAMED_DAY,
        NAMED_NIGHT,
        later,
        namedHandover,
        {
          type: 'HandoverAccepted',
          data: {
            jurisdiction: '640521',
            handoverId: 'h1',
            fromShiftId: 'day',
            toShiftId: 'night',
            acceptedBy: INCOMING,
            acceptedAt: '2026-11-22T12:05:00.000Z',
          },
        },
      ])
      .when(nightHandsOver('2026-11-22T23:50:00Z'))
      .then([
        expect.objectContaining({ type: 'ShiftHandedOver', data: expect.objectContaining({ fromShiftId: 'night' }) }),
      ]);
  });
});

describe('duty watch: who schedules', () => {
  const asLeader = (userId: string, now = NOW): DutyWatchCommand =>
    ({
      ...schedule('next', '2026-11-23T00:00:00Z', '2026-11-23T12:00:00Z', now),
      by: { userId, name: userId },
      authority: 'shift_leader',
    }) as DutyWatchCommand;

  it('the named leader of the shift on duty schedules; an officer who does not lead it is refused', () => {
    const led = watch.given([NAMED_DAY]);
    led.when(asLeader(by.userId)).then([expect.objectContaining({ type: 'ShiftScheduled' })]);
    led.when(asLeader('u9')).thenThrows(NotShiftLeaderError, 'NOT_SHIFT_LEADER');
  });

  it('leading a shift that is not on duty (or none on duty) gives no right to schedule', () => {
    watch
      .given([NAMED_NIGHT])
      .when(asLeader(INCOMING_LEADER.userId))
      .thenThrows(NotShiftLeaderError, 'NOT_SHIFT_LEADER');
    watch.when(asLeader(by.userId)).thenThrows(NotShiftLeaderError, 'NOT_SHIFT_LEADER');
  });
});
