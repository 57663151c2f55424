import { seedDemoData } from '../../apps/command-api/src/demo/seed-demo-data';
import { seedDemoPlansAndWatch } from '../../apps/command-api/src/demo/seed-demo-plans';
import { seedDemoResources } from '../../apps/command-api/src/demo/seed-demo-resources';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

/** The demo data the start command seeds: there, usable, and seeded only once however often the server starts. */
describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('seeds incidents, resources, plans and today’s watch once', async () => {
    const first = {
      incidents: await seedDemoData(t.app),
      resources: await seedDemoResources(t.app),
      planning: await seedDemoPlansAndWatch(t.app),
    };
    expect(first).toEqual({ incidents: 3, resources: { teams: 15, warehouses: 5 }, planning: { plans: 3, shifts: 2 } });
    const again = {
      incidents: await seedDemoData(t.app),
      resources: await seedDemoResources(t.app),
      planning: await seedDemoPlansAndWatch(t.app),
    };
    expect(again).toEqual({ incidents: 0, resources: { teams: 0, warehouses: 0 }, planning: { plans: 0, shifts: 0 } });

    // A fresh start shows live countdowns from each receipt, and exactly one case overdue on purpose: the mine,
    // whose receipt was back-dated 3 hours (the bureau's 2 hours of 条例493 第十一条 have passed).
    type Demo = { title: string; deadlines: { status: string; responsible?: string }[] };
    const demos = async () =>
      ((await t.get('/api/v1/incidents').expect(200)).body as Demo[]).filter((i) => i.title.startsWith('【演示】'));
    await eventually(async () => ((await demos()).length === 3 ? true : undefined));
    const overdue = (await demos()).filter((i) =>
      i.deadlines.some((d) => d.status === 'overdue' && d.responsible !== 'unit'),
    );
    expect(overdue.map((i) => i.title)).toEqual(['【演示】海原县某煤矿井下透水']);
    for (const other of (await demos()).filter((i) => i !== overdue[0] && i.title !== overdue[0]?.title)) {
      expect(other.deadlines.some((d) => d.status === 'pending')).toBe(true);
    }

    // The seeds append through the deciders; the read models follow asynchronously.
    const expected = [
      'draft:【演示】中宁县非煤矿山事故应急预案（修订草案）',
      'filed:【演示】中卫市生产安全事故综合应急预案',
      'published:【演示】中卫市危险化学品事故专项应急预案',
    ];
    const shown = async () =>
      ((await t.get('/api/v1/plans').expect(200)).body as { title: string; status: string }[])
        .map((p) => `${p.status}:${p.title}`)
        .sort();
    await eventually(async () => (JSON.stringify(await shown()) === JSON.stringify(expected) ? true : undefined)).catch(
      () => undefined,
    );
    expect(await shown()).toEqual(expected);
    const leader = await eventually(async () => {
      const current = (await t.get('/api/v1/duty/current').expect(200)).body as {
        jurisdiction: string;
        shift: { leader: { name: string } } | null;
      }[];
      return current.find((c) => c.jurisdiction === '640500')?.shift?.leader.name;
    });
    expect(leader).toBe('张建国（演示）');
  });
});
