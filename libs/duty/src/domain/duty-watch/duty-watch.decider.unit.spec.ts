import { fold } from '@app/event-sourcing';
import type { DutyWatchCommand } from './duty-watch.commands';
import { decideDutyWatch, dutyWatchDecider } from './duty-watch.decider';
import type { DutyWatchEvent, HandoverSummary } from './duty-watch.events';

const by = { userId: 'u1', name: '王值班' };
const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-22T10:00:00Z');
const summary: HandoverSummary = { computedAt: NOW.toISOString(), openIncidents: [], pendingDeadlines: [] };
const schedule = (shiftId: string, startsAt: string, endsAt: string, now = NOW): DutyWatchCommand => ({
  type: 'ScheduleShift', jurisdiction: '640521', shiftId, leader: { name: '李带班', phone: null }, officers: [{ name: '王值班', phone: '0955-1' }],
  startsAt: at(startsAt), endsAt: at(endsAt), by, now,
});
const handOver = (now: Date, toShiftId?: string): DutyWatchCommand => ({
  type: 'HandOverShift', jurisdiction: '640521', handoverId: 'h1', note: '园区泄漏事故仍在处置', summary, by, now, ...(toShiftId ? { toShiftId } : {}),
});
const given = (...commands: DutyWatchCommand[]) =>
  commands.reduce<DutyWatchEvent[]>((events, c) => [...events, ...decideDutyWatch(c, fold(dutyWatchDecider, events))], []);
const when = (history: DutyWatchEvent[], command: DutyWatchCommand) => () => decideDutyWatch(command, fold(dutyWatchDecider, history));

const DAY = schedule('day', '2026-11-22T00:00:00Z', '2026-11-22T12:00:00Z');
const NIGHT = schedule('night', '2026-11-22T12:00:00Z', '2026-11-23T00:00:00Z');

describe('duty watch: scheduling shifts', () => {
  it('schedules a shift with its leader and officers', () => {
    const [event] = given(DAY);
    expect(event).toMatchObject({ type: 'ShiftScheduled', data: { shiftId: 'day', jurisdiction: '640521', startsAt: '2026-11-22T00:00:00.000Z', leader: { name: '李带班' } } });
  });

  it('refuses an overlapping shift with SHIFT_OVERLAP, and accepts one that starts when the other ends', () => {
    const history = given(DAY);
    expect(when(history, schedule('x', '2026-11-22T11:00:00Z', '2026-11-22T20:00:00Z'))).toThrow(expect.objectContaining({ code: 'SHIFT_OVERLAP' }));
    expect(when(history, schedule('y', '2026-11-21T23:00:00Z', '2026-11-23T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'SHIFT_OVERLAP' }));
    expect(when(history, NIGHT)()).toHaveLength(1);
  });

  it('refuses empty, inverted, over-48-hour and already ended periods', () => {
    expect(when([], schedule('a', '2026-11-22T12:00:00Z', '2026-11-22T12:00:00Z'))).toThrow(expect.objectContaining({ code: 'INVALID_SHIFT_PERIOD' }));
    expect(when([], schedule('a', '2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z'))).toThrow(expect.objectContaining({ code: 'INVALID_SHIFT_PERIOD' }));
    expect(when([], schedule('a', '2026-11-22T00:00:00Z', '2026-11-24T00:00:01Z'))).toThrow(expect.objectContaining({ code: 'INVALID_SHIFT_PERIOD' }));
    expect(when([], schedule('a', '2026-11-21T00:00:00Z', '2026-11-21T12:00:00Z'))).toThrow(expect.objectContaining({ code: 'INVALID_SHIFT_PERIOD' }));
    expect(when([], schedule('a', '2026-11-22T00:00:00Z', '2026-11-24T00:00:00Z'))()).toHaveLength(1);
  });
});

describe('duty watch: handing over', () => {
  it('hands the shift on duty to the next one, with note and summary', () => {
    const [event] = when(given(DAY, NIGHT), handOver(at('2026-11-22T11:50:00Z')))();
    expect(event).toMatchObject({ type: 'ShiftHandedOver', data: { fromShiftId: 'day', toShiftId: 'night', note: '园区泄漏事故仍在处置', summary, handedOverBy: by } });
  });

  it('a shift that just ended still hands over (grace period), and only once', () => {
    const history = given(DAY, NIGHT);
    const [event] = when(history, handOver(at('2026-11-22T12:10:00Z')))();
    expect(event!.data).toMatchObject({ fromShiftId: 'day', toShiftId: 'night' });
    expect(when([...history, event!], handOver(at('2026-11-22T11:59:00Z')))).toThrow(expect.objectContaining({ code: 'SHIFT_ALREADY_HANDED_OVER' }));
  });

  it('needs a shift on duty and a next shift', () => {
    expect(when(given(NIGHT), handOver(NOW))).toThrow(expect.objectContaining({ code: 'NO_SHIFT_ON_DUTY' }));
    expect(when(given(DAY), handOver(NOW))).toThrow(expect.objectContaining({ code: 'NO_NEXT_SHIFT' }));
  });

  it('an explicit taking-over shift must come after the handing-over one', () => {
    const later = schedule('later', '2026-11-23T00:00:00Z', '2026-11-23T12:00:00Z');
    const history = given(DAY, NIGHT, later);
    expect(when(history, handOver(NOW, 'later'))()[0]!.data).toMatchObject({ fromShiftId: 'day', toShiftId: 'later' });
    expect(when(history, handOver(NOW, 'day'))).toThrow(expect.objectContaining({ code: 'INVALID_HANDOVER_TARGET' }));
    expect(when(history, handOver(NOW, 'nope'))).toThrow(expect.objectContaining({ code: 'INVALID_HANDOVER_TARGET' }));
  });
});
