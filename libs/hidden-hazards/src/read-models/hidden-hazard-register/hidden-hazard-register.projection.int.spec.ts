import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry, ManualClock } from '@app/shared';
import type { HiddenHazardEvent } from '../../domain/hidden-hazard/hidden-hazard.events';
import { HiddenHazardRow } from './hidden-hazard-register.entity';
import { HiddenHazardRegisterProjection } from './hidden-hazard-register.projection';

const at = (minute: number) => `2026-12-01T02:${String(minute).padStart(2, '0')}:00.000Z`;
const by = { id: 'u-1', name: '王指挥' };
const recorded = (id: string, deadline: string): HiddenHazardEvent => ({
  type: 'HiddenHazardRecorded',
  data: {
    hiddenHazardId: id,
    enterpriseId: randomUUID(),
    enterpriseName: '中宁示范化工有限公司（虚构）',
    jurisdiction: '640521',
    hazardSourceId: null,
    hazardSourceName: null,
    title: '紧急切断阀未联锁',
    description: '现场检查发现',
    grade: 'major',
    standard: '判定标准（试行）第十一条',
    source: 'inspection',
    foundAt: at(0),
    foundBy: '李检查',
    rectification: { measures: '加装联锁', deadline, responsible: { name: '张明', phone: null } },
    recordedAt: at(1),
    by,
  },
});

describe('hidden hazard register projection', () => {
  const clock = new ManualClock(new Date(at(10)));
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new HiddenHazardRegisterProjection(new JurisdictionRegistry(), clock)],
      entities: [HiddenHazardRow],
    });
  }, 60_000);
  afterAll(() => spec?.stop());

  it('keeps supervision, every 验收 and the round; a redelivered event changes nothing; pushes the view', async () => {
    const id = randomUUID();
    const stream = `hiddenhazard-${id}`;
    await spec.given(stream, [
      recorded(id, at(30)),
      {
        type: 'HiddenHazardSupervised',
        data: { hiddenHazardId: id, level: 'city', jurisdiction: '640500', previousLevel: null, at: at(2), by },
      },
      { type: 'HiddenHazardRectified', data: { hiddenHazardId: id, note: '已加装', at: at(3), by } },
    ]);
    const sentBack = await spec.given(stream, [
      { type: 'HiddenHazardVerified', data: { hiddenHazardId: id, passed: false, note: '未联锁', at: at(4), by } },
    ]);
    // Delivered again (a crash between the write and the checkpoint): still one 验收, still round 2.
    await spec.reapply('hidden-hazard-register', sentBack);
    const [row] = await spec.rows(HiddenHazardRow, { id });
    expect(row).toMatchObject({
      status: 'rectifying',
      round: 2,
      supervisionLevel: 'city',
      supervisionJurisdiction: '640500',
      supervisedBy: '王指挥',
      rectificationNote: '已加装',
      revision: 3,
    });
    expect(row!.verifications).toEqual([{ at: at(4), passed: false, note: '未联锁', by: '王指挥' }]);
    const pushed = spec.deltas.flatMap((d) =>
      d.name === 'hidden_hazard.changed' && d.data.id === id ? [{ scope: d.scope, data: d.data }] : [],
    );
    expect(pushed.at(-1)).toMatchObject({
      scope: { jurisdiction: '640521' },
      data: {
        status: 'rectifying',
        overdue: false,
        supervision: { level: 'city', levelLabel: '市级挂牌督办', jurisdictionName: '中卫市', by: '王指挥' },
        verifications: [{ passed: false, note: '未联锁', by: '王指挥' }],
      },
    });
  });
});
