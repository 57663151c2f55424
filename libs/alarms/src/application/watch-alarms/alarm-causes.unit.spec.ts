import type { IncidentView, DeadlineView } from '@app/incidents/contract';
import type { RollCallView } from '@app/duty/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import { causesOf, endedBecause, type AlarmSourcesSnapshot } from './alarm-causes';

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
const incident = (id: string, deadlines: DeadlineView[], drillId: string | null = null) =>
  ({ id, title: '某化工厂泄漏', jurisdiction: '640521', drillId, deadlines }) as unknown as IncidentView;
const snapshot = (parts: Partial<AlarmSourcesSnapshot>): AlarmSourcesSnapshot => ({
  now,
  openIncidents: [],
  rollCalls: [],
  warehouses: [],
  warningsInForce: [],
  ...parts,
});

describe('alarm causes', () => {
  it('a deadline is due within 10 minutes and overdue after; met, far or drill deadlines raise nothing', () => {
    const causes = causesOf(
      snapshot({
        openIncidents: [
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

  it('tells why a deadline alarm ended: passed (due → overdue), met, or the incident closed', () => {
    const open = snapshot({
      openIncidents: [
        incident('i1', [obligation('initial:city:0', min(-1), 'overdue'), obligation('initial:x:1', min(-9), 'met')]),
      ],
    });
    const status = () => undefined;
    expect(endedBecause('deadline:i1:initial:city:0:due', open, status)).toBe('deadline_passed');
    expect(endedBecause('deadline:i1:initial:city:0:overdue', open, status)).toBeUndefined();
    expect(endedBecause('deadline:i1:initial:x:1:overdue', open, status)).toBe('obligation_met');
    expect(endedBecause('deadline:gone:initial:x:1:overdue', open, status)).toBe('incident_closed');
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
  });
});
