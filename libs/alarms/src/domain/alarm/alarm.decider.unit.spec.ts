import { decideAlarm } from './alarm.decider';
import type { AlarmCommand } from './alarm.commands';
import type { AlarmEvent } from './alarm.events';
import { evolveAlarm, initialAlarmState, type AlarmState } from './alarm.state';
import { escalationLevelAt, escalationProfileOf, urgencyOf, DEFAULT_ESCALATION_PROFILE } from './escalation';

const t0 = new Date('2026-03-01T18:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const raise = (now = t0): AlarmCommand => ({
  type: 'RaiseAlarm',
  alarm: {
    alarmId: 'a1',
    sourceKey: 'deadline:i1:o1:overdue',
    kind: 'deadline',
    severity: 'critical',
    jurisdiction: '640521',
    title: '向设区的市级上报已逾期',
    message: '「某化工厂泄漏」向设区的市级上报已超过时限',
    subject: { type: 'incident', id: 'i1' },
    dueAt: t0.toISOString(),
  },
  now,
});
const duty = { id: 'u1', name: '张值班' };

function run(commands: AlarmCommand[]): { state: AlarmState; events: AlarmEvent[][] } {
  let state: AlarmState = initialAlarmState;
  const events: AlarmEvent[][] = [];
  for (const command of commands) {
    const decided = decideAlarm(command, state);
    events.push(decided);
    state = decided.reduce(evolveAlarm, state);
  }
  return { state, events };
}

describe('the alarm decider', () => {
  it('raises once: the same cause raised again (a restart, a second replica) decides nothing', () => {
    const { state, events } = run([raise(), raise(at(1))]);
    expect(events.map((e) => e.map((x) => x.type))).toEqual([['AlarmRaised'], []]);
    expect(state).toMatchObject({ status: 'raised', raisedAt: t0.toISOString(), escalationLevel: 0 });
  });

  it('records who acknowledged, when, with the note; a second acknowledgement appends nothing', () => {
    const second = { type: 'AcknowledgeAlarm', by: { id: 'u2', name: '李指挥' }, note: null, now: at(3) } as const;
    const { state, events } = run([
      raise(),
      { type: 'AcknowledgeAlarm', by: duty, note: '已电话催报', now: at(2) },
      second,
    ]);
    expect(events[1]).toEqual([
      {
        type: 'AlarmAcknowledged',
        data: { alarmId: 'a1', by: duty, note: '已电话催报', acknowledgedAt: at(2).toISOString() },
      },
    ]);
    expect(events[2]).toEqual([]);
    expect(state).toMatchObject({ status: 'acknowledged', acknowledgedAt: at(2).toISOString() });
  });

  it('refuses to acknowledge a resolved alarm and an alarm that was never raised', () => {
    const { state } = run([raise(), { type: 'ResolveAlarm', reason: 'obligation_met', now: at(1) }]);
    expect(() => decideAlarm({ type: 'AcknowledgeAlarm', by: duty, note: null, now: at(2) }, state)).toThrow(
      expect.objectContaining({ code: 'ALARM_RESOLVED', kind: 'conflict' }),
    );
    expect(() =>
      decideAlarm({ type: 'AcknowledgeAlarm', by: duty, note: null, now: at(2) }, initialAlarmState),
    ).toThrow(expect.objectContaining({ code: 'ALARM_NOT_FOUND' }));
  });

  it('escalates only upwards and only while nobody has acknowledged', () => {
    const { events } = run([
      raise(),
      { type: 'EscalateAlarm', level: 1, now: at(5) },
      { type: 'EscalateAlarm', level: 1, now: at(6) },
      { type: 'EscalateAlarm', level: 2, now: at(15) },
      { type: 'AcknowledgeAlarm', by: duty, note: null, now: at(16) },
      { type: 'EscalateAlarm', level: 2, now: at(30) },
    ]);
    expect(events.map((e) => e.map((x) => (x.type === 'AlarmEscalated' ? x.data.level : x.type)))).toEqual([
      ['AlarmRaised'],
      [1],
      [],
      [2],
      ['AlarmAcknowledged'],
      [],
    ]);
    const acknowledged = run([
      raise(),
      { type: 'AcknowledgeAlarm', by: duty, note: null, now: at(1) },
      { type: 'EscalateAlarm', level: 1, now: at(5) },
    ]);
    expect(acknowledged.events[2]).toEqual([]);
  });

  it('resolves once with the reason; a cause that comes back raises the alarm anew', () => {
    const { state, events } = run([
      raise(),
      { type: 'ResolveAlarm', reason: 'stock_restored', now: at(1) },
      { type: 'ResolveAlarm', reason: 'stock_restored', now: at(2) },
      raise(at(3)),
    ]);
    expect(events[1]).toEqual([
      { type: 'AlarmResolved', data: { alarmId: 'a1', reason: 'stock_restored', resolvedAt: at(1).toISOString() } },
    ]);
    expect(events[2]).toEqual([]);
    expect(events[3].map((e) => e.type)).toEqual(['AlarmRaised']);
    expect(state).toMatchObject({ status: 'raised', raisedAt: at(3).toISOString(), resolvedAt: null });
  });
});

describe('escalation profile and urgency', () => {
  it('reaches the shift leader at 5 minutes and the commander at 15 by default', () => {
    const profile = escalationProfileOf(['640521', '640500', '640000']);
    expect(profile).toBe(DEFAULT_ESCALATION_PROFILE);
    expect([0, 4.9, 5, 14.9, 15, 240].map((m) => escalationLevelAt(profile, t0, at(m)))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('orders an overdue deadline before a due one, before a roll call, before stock and warnings; then by due time', () => {
    const raised = t0.toISOString();
    const sorted = [
      ['stock', 'minor', null],
      ['warning', 'major', at(-60).toISOString()],
      ['roll_call', 'major', at(30).toISOString()],
      ['deadline', 'major', at(8).toISOString()],
      ['deadline', 'critical', at(-5).toISOString()],
      ['deadline', 'critical', at(-50).toISOString()],
    ]
      .map(([kind, severity, due]) => ({
        name: `${kind}/${severity}/${due ?? '-'}`,
        urgency: urgencyOf(kind as 'deadline', severity as 'critical', due, raised),
      }))
      .sort((a, b) => a.urgency - b.urgency)
      .map((x) => x.name);
    expect(sorted).toEqual([
      `deadline/critical/${at(-50).toISOString()}`,
      `deadline/critical/${at(-5).toISOString()}`,
      `deadline/major/${at(8).toISOString()}`,
      `roll_call/major/${at(30).toISOString()}`,
      `warning/major/${at(-60).toISOString()}`,
      'stock/minor/-',
    ]);
  });
});
