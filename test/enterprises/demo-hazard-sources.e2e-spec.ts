import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoEnterprises } from '../../apps/command-api/src/demo/seed-demo-enterprises';
import { seedDemoHazardSources } from '../../apps/command-api/src/demo/seed-demo-hazard-sources';
import { eventually } from '../support/eventually';
import { givenSignedIn } from '../support/signed-in';
import type { TestApp } from '../support/test-app';

/** The demo's hazardous-chemical units land on their demo enterprises, identified and graded, once. */
describe('demo hazard sources', () => {
  let t: TestApp;
  beforeAll(async () => ({ t } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  it('places each unit on its enterprise with the grade its figures give, and only once', async () => {
    await seedDemoEnterprises(t.app, join(mkdtempSync(join(tmpdir(), 'demo-keys-')), 'keys.json'));
    expect(await seedDemoHazardSources(t.app)).toBe(6);
    expect(await seedDemoHazardSources(t.app)).toBe(0);
    type Unit = { name: string; grade: number | null; enterpriseName: string; jurisdiction: string };
    const units = async () =>
      ((await t.get('/api/v1/hazard-sources').expect(200)).body as Unit[])
        .filter((u) => u.name.startsWith('【演示】'))
        .map((u) => `${u.grade ?? '-'} ${u.enterpriseName} ${u.name}`);
    await eventually(async () => ((await units()).length === 6 ? true : undefined));
    expect(await units()).toEqual([
      '1 【演示】海兴某煤化工有限公司 【演示】液氨储罐区',
      '2 【演示】中卫某氯碱化工有限公司 【演示】液氯钢瓶库',
      '3 【演示】海兴某液化气储配站 【演示】液化石油气储罐区',
      '4 【演示】海兴某煤化工有限公司 【演示】合成氨装置',
      '4 【演示】海兴某煤化工有限公司 【演示】甲醇罐区',
      '- 【演示】中卫某精细化工有限公司 【演示】甲苯中间罐区',
    ]);
    type Enterprise = { name: string; hazardSourceCount: number; highestHazardGrade: number | null };
    const enterprise = async (name: string) =>
      ((await t.get('/api/v1/enterprises').query({ q: name }).expect(200)).body as Enterprise[]).find(
        (e) => e.name === name,
      );
    // The enterprise register is a projection of its own: it may list the enterprises after the hazard sources.
    const coal = await eventually(() => enterprise('【演示】海兴某煤化工有限公司'));
    expect(coal).toMatchObject({ hazardSourceCount: 3, highestHazardGrade: 1 });
    const fine = await eventually(() => enterprise('【演示】中卫某精细化工有限公司'));
    expect(fine).toMatchObject({ hazardSourceCount: 0, highestHazardGrade: null });
  });
});
