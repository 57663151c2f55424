import { seedDemoHazardSources } from '../../apps/command-api/src/demo/seed-demo-hazard-sources';
import { registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { eventually } from '../support/eventually';
import { givenSignedIn } from '../support/signed-in';
import type { TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/** The demo's major hazard sources land on the demo enterprises of their industry, graded, once. */
describe('demo hazard sources', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  it('places each unit on an enterprise of its industry with the grade its figures give, and only once', async () => {
    const chemicals = await registerEnterprise(t, admin.token, { name: '中卫某化工有限公司（测试）' });
    const gas = await registerEnterprise(t, admin.token, { name: '中卫某燃气有限公司（测试）', industry: 'gas' });
    expect(await seedDemoHazardSources(t.app)).toBe(5);
    expect(await seedDemoHazardSources(t.app)).toBe(0);
    type Unit = { name: string; grade: number | null; enterpriseId: string };
    const units = async (enterpriseId: string) =>
      ((await t.get('/api/v1/hazard-sources').query({ enterpriseId }).expect(200)).body as Unit[]).map(
        (u) => `${u.grade}:${u.name}`,
      );
    await eventually(async () => ((await units(chemicals)).length === 4 ? true : undefined));
    expect(await units(chemicals)).toEqual([
      '1:【演示】液氨储罐区',
      '2:【演示】液氯钢瓶库',
      '4:【演示】合成氨装置',
      '4:【演示】甲醇罐区',
    ]);
    await eventually(async () => ((await units(gas)).length === 1 ? true : undefined));
    expect(await units(gas)).toEqual(['3:【演示】液化石油气储罐区']);
    const enterprise = (await t.get(`/api/v1/enterprises/${chemicals}`).expect(200)).body;
    expect(enterprise).toMatchObject({ hazardSourceCount: 4, highestHazardGrade: 1 });
  });
});
