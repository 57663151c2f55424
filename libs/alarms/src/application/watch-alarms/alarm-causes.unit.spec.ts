import type { IncidentView, DeadlineView } from '@app/incidents/contract';
import type { RollCallView } from '@app/duty/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import { causesOf, endedBecause, unseenSubjects, type AlarmSourcesSnapshot } from './alarm-causes';

const now = new Date('2026-03-01T18:00:00Z');
const min = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();

const obligation = (id: string, dueAt: string, status: DeadlineView['status']): DeadlineView =>
  ({
    id,
    kind: 'initial',
    level: 'city',
    levelLabel: '设区的市级',
    party: null,
    partyLabel: null,
    dueAt,
    status,
    basis: '接报后 2 小时内',
  }) as DeadlineView;
const incident = (
  id: string,
  deadlines: DeadlineView[],
  drillId: string | null = null,
  status: IncidentView['status'] = 'open',
) => ({ id, title: '某化工厂泄漏', jurisdiction: '640521', drillId, status, deadlines }) as unknown as IncidentView;
const snapshot = (parts: Partial<AlarmSourcesSnapshot>): AlarmSourcesSnapshot => ({
  now,
  incidents: [],
  rollCalls: [],
  warehouses: [],
  warningsInForce: [],
  ...parts,
});

describe('alarm causes', () => {
  it('a deadline is due within 10 minutes and overdue after; met, far or drill deadlines raise nothing', () => {
    const causes = causesOf(
      snapshot({
        incidents: [
          incident('i1', [
            obligation('initial:city:0', min(8), 'pending'),
            obligation('initial:province:1', min(-3), 'overdue'),
            obligation('initial:county:2', min(30), 'pending'),
            obligation('initial:state:3', min(-30), 'met'),
          ]),
          incident('drill', [obligation('initial:city:0', min(-30), 'overdue')], 'd1'),
        ],
      }),
    );
    expect(causes.map((c) => [c.sourceKey, c.severity])).toEqual([
      ['deadline:i1:initial:city:0:due', 'major'],
      ['deadline:i1:initial:province:1:overdue', 'critical'],
    ]);
    expect(causes[1]!.message).toContain('「某化工厂泄漏」向设区的市级上报已超过时限');
  });

  it('tells why a deadline alarm ended: passed (due → overdue), met, or the obligation gone', () => {
    const open = snapshot({
      incidents: [
        incident('i1', [obligation('initial:city:0', min(-1), 'overdue'), obligation('initial:x:1', min(-9), 'met')]),
      ],
    });
    const status = () => undefined;
    expect(endedBecause('deadline:i1:initial:city:0:due', open, status)).toBe('deadline_passed');
    expect(endedBecause('deadline:i1:initial:city:0:overdue', open, status)).toBeUndefined();
    expect(endedBecause('deadline:i1:initial:x:1:overdue', open, status)).toBe('obligation_met');
    expect(endedBecause('deadline:gone:initial:x:1:overdue', open, status)).toBe('obligation_gone');
    expect(endedBecause('deadline:i1:initial:withdrawn:overdue', open, status)).toBe('obligation_gone');
  });

  it('after 响应终止 the owed reports still alarm: an overdue 补报 stays, the 终报 coming due raises', () => {
    const closed = incident(
      'i1',
      [
        { ...obligation('supplementary:city:1', min(-20), 'overdue'), kind: 'supplementary' } as DeadlineView,
        { ...obligation('final:city:2', min(5), 'pending'), kind: 'final' } as DeadlineView,
        obligation('initial:city:0', min(-300), 'met'),
      ],
      null,
      'closed',
    );
    const s = snapshot({ incidents: [closed] });
    expect(causesOf(s).map((c) => c.sourceKey)).toEqual([
      'deadline:i1:supplementary:city:1:overdue',
      'deadline:i1:final:city:2:due',
    ]);
    // The overdue alarm of a closed incident stays until its report is made or written off.
    expect(endedBecause('deadline:i1:supplementary:city:1:overdue', s, () => undefined)).toBeUndefined();
    const met = snapshot({
      incidents: [incident('i1', [obligation('supplementary:city:1', min(-20), 'late')], null, 'closed')],
    });
    expect(endedBecause('deadline:i1:supplementary:city:1:overdue', met, () => undefined)).toBe('obligation_met');
    const writtenOff = snapshot({
      incidents: [incident('i1', [obligation('supplementary:city:1', min(-20), 'written_off')], null, 'closed')],
    });
    expect(endedBecause('deadline:i1:supplementary:city:1:overdue', writtenOff, () => undefined)).toBe(
      'obligation_met',
    );
  });

  it('names every subject of an open alarm that the bounded lists left out, once, so the watch reads it by id', () => {
    const s = snapshot({
      incidents: [incident('seen', [])],
      rollCalls: [{ id: 'r-seen', targets: [] } as unknown as RollCallView],
      warningsInForce: [{ id: 'x-seen' } as unknown as WarningView],
    });
    expect(
      unseenSubjects(s, [
        'deadline:seen:initial:city:0:overdue',
        'deadline:old:initial:city:0:overdue',
        'deadline:old:initial:county:1:due',
        'roll_call:r-seen:640521:pending',
        'roll_call:r-old:640521:pending',
        'warning:x-seen:in_force',
        'warning:x-old:in_force',
        'stock:w1:TENT:below_minimum',
      ]),
    ).toEqual([
      { kind: 'deadline', id: 'old' },
      { kind: 'roll_call', id: 'r-old' },
      { kind: 'warning', id: 'x-old' },
    ]);
  });

  it('a roll call alarms each called watch until it answers; a miss alarms the calling jurisdiction and stays', () => {
    const call = {
      id: 'r1',
      jurisdiction: '640500',
      jurisdictionName: '中卫市',
      message: '夜间点名',
      ackWithinMinutes: 5,
      dueAt: min(4),
      open: true,
      targets: [
        { jurisdiction: '640521', jurisdictionName: '中宁县', status: 'pending' },
        { jurisdiction: '640522', jurisdictionName: '海原县', status: 'missed' },
        { jurisdiction: '640502', jurisdictionName: '沙坡头区', status: 'answered' },
      ],
    } as unknown as RollCallView;
    const causes = causesOf(snapshot({ rollCalls: [call] }));
    expect(causes.map((c) => [c.sourceKey, c.jurisdiction])).toEqual([
      ['roll_call:r1:640521:pending', '640521'],
      ['roll_call:r1:640522:missed', '640500'],
    ]);
    expect(causes[1]!.title).toBe('海原县未按时应答点名');
    const s = snapshot({ rollCalls: [call] });
    expect(endedBecause('roll_call:r1:640502:pending', s, () => undefined)).toBe('roll_call_answered');
    expect(endedBecause('roll_call:r1:640522:pending', s, () => undefined)).toBe('roll_call_closed');
    expect(endedBecause('roll_call:r1:640522:missed', s, () => undefined)).toBeUndefined();
  });

  it('stock below its minimum, near expiry and expired; warnings in force (real only)', () => {
    const warehouse = {
      id: 'w1',
      name: '中宁县应急物资储备库',
      jurisdiction: '640521',
      stock: [
        {
          materialCode: 'TENT',
          materialName: '帐篷',
          unit: '顶',
          available: 3,
          minimum: 10,
          belowMinimum: true,
          nearestExpiry: null,
          nearExpiry: false,
        },
        {
          materialCode: 'WATER',
          materialName: '饮用水',
          unit: '箱',
          available: 50,
          minimum: 10,
          belowMinimum: false,
          nearestExpiry: min(-60),
          nearExpiry: true,
        },
        {
          materialCode: 'MASK',
          materialName: '口罩',
          unit: '个',
          available: 50,
          minimum: 10,
          belowMinimum: false,
          nearestExpiry: min(60 * 24 * 20),
          nearExpiry: true,
        },
      ],
    } as unknown as WarehouseView;
    const warning = (id: string, drillId: string | null) =>
      ({
        id,
        level: 'red',
        levelLabel: '红色',
        hazard: '暴雨',
        jurisdiction: '640500',
        message: '暴雨红色预警',
        expires: min(120),
        drillId,
      }) as unknown as WarningView;
    const causes = causesOf(
      snapshot({ warehouses: [warehouse], warningsInForce: [warning('x1', null), warning('x2', 'd1')] }),
    );
    expect(causes.map((c) => [c.sourceKey, c.title])).toEqual([
      ['stock:w1:TENT:below_minimum', '帐篷低于最低储备'],
      ['stock:w1:WATER:expired', '饮用水有过期批次'],
      ['stock:w1:MASK:expiring', '口罩临近有效期'],
      ['warning:x1:in_force', '红色暴雨生效中'],
    ]);
    expect(endedBecause('warning:x1:in_force', snapshot({}), () => 'lifted')).toBe('warning_lifted');
    expect(endedBecause('warning:x1:in_force', snapshot({}), () => 'expired')).toBe('warning_expired');
    expect(endedBecause('stock:w1:TENT:below_minimum', snapshot({}), () => undefined)).toBe('stock_restored');
    // The batch went from near expiry to expired: nothing was handled, the expired alarm takes over.
    const s = snapshot({ warehouses: [warehouse] });
    expect(endedBecause('stock:w1:WATER:expiring', s, () => undefined)).toBe('superseded');
    expect(endedBecause('stock:w1:WATER:expired', snapshot({}), () => undefined)).toBe('batch_cleared');
    expect(endedBecause('stock:w1:TENT:expiring', s, () => undefined)).toBe('batch_cleared');
  });
});
