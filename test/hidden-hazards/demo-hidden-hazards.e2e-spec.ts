import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoEnterprises } from '../../apps/command-api/src/demo/seed-demo-enterprises';
import { seedDemoHazardSources } from '../../apps/command-api/src/demo/seed-demo-hazard-sources';
import { seedDemoHiddenHazards } from '../../apps/command-api/src/demo/seed-demo-hidden-hazards';
import { HiddenHazardOverdueWatch } from '../../libs/hidden-hazards/src';
import type { AlarmView } from '../../libs/alarms/src/contract';
import type { HiddenHazardView } from '../../libs/hidden-hazards/src/contract';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The demo's hidden hazards land on their demo enterprises once, each at its step of the lifecycle: one major hazard
 * the city supervises, one overdue (its alarm raised by the watch), one closed, one awaiting 验收, one sent back.
 */
describe('demo hidden hazards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HIDDEN_HAZARD_TICK_MS: '3600000' });
  });
  afterAll(() => t?.close());

  it('records each on its enterprise at its step, only once, and the overdue one raises its alarm', async () => {
    await seedDemoEnterprises(t.app, join(mkdtempSync(join(tmpdir(), 'demo-keys-')), 'keys.json'));
    await seedDemoHazardSources(t.app);
    expect(await seedDemoHiddenHazards(t.app)).toBe(5);
    expect(await seedDemoHiddenHazards(t.app)).toBe(0);
    const demo = async () =>
      ((await t.get('/api/v1/hidden-hazards').expect(200)).body as HiddenHazardView[]).filter((h) =>
        h.title.startsWith('【演示】'),
      );
    // Every step applied: the closed one is the last to arrive in the register.
    const all = await eventually(async () => {
      const list = await demo();
      return list.length === 5 &&
        list.some((h) => h.status === 'closed') &&
        list.some((h) => h.verifications.length > 0 && h.status === 'rectifying')
        ? list
        : undefined;
    });
    const byTitle = (part: string) => all.find((h) => h.title.includes(part))!;
    const lines = all.map(
      (h) => `${h.status} ${h.overdue ? '逾期' : '-'} ${h.supervision?.level ?? '-'} ${h.enterpriseName}`,
    );
    expect(lines.sort()).toEqual(
      [
        'closed - - 【演示】中卫某氯碱化工有限公司',
        'rectified - - 【演示】中宁某煤矿',
        'rectifying - - 【演示】海兴某液化气储配站',
        'rectifying - city 【演示】海兴某煤化工有限公司',
        'rectifying 逾期 - 【演示】中卫某精细化工有限公司',
      ].sort(),
    );
    const supervised = byTitle('紧急切断阀');
    expect(supervised).toMatchObject({
      grade: 'major',
      hazardSourceName: '【演示】液氨储罐区',
      supervision: { level: 'city', jurisdiction: '640500', jurisdictionName: '中卫市' },
    });
    expect(supervised.standard).toContain('判定标准');
    const steps = await t.app.get(HiddenHazardOverdueWatch).tick();
    const overdue = byTitle('可燃气体检测报警器');
    expect(steps).toEqual([{ sourceKey: `hidden_hazard:${overdue.id}:1`, action: 'raised' }]);
    const alarms = (await t.get('/api/v1/alarms?kind=hidden_hazard').expect(200)).body as AlarmView[];
    expect(alarms.filter((a) => a.subject.id === overdue.id)).toHaveLength(1);
  });
});
