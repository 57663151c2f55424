import { seedDemoData } from '../../apps/command-api/src/demo/seed-demo-data';
import { seedDemoPlansAndWatch } from '../../apps/command-api/src/demo/seed-demo-plans';
import { seedDemoResources } from '../../apps/command-api/src/demo/seed-demo-resources';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { UserSeeding } from '../../libs/identity/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';

/** The demo data the start command seeds: there, usable, and seeded only once however often the server starts. */
describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('seeds incidents, resources, plans and today’s watch once', async () => {
    // The start command seeds the demo users first: the watch names two of them.
    const credentials = await t.app
      .get(UserSeeding)
      .ensureDemoUsers(join(mkdtempSync(join(tmpdir(), 'demo-users-')), 'demo-users.json'));
    const keysFile = join(mkdtempSync(join(tmpdir(), 'demo-device-keys-')), 'demo-device-keys.json');
    const first = {
      incidents: await seedDemoData(t.app, keysFile),
      resources: await seedDemoResources(t.app),
      planning: await seedDemoPlansAndWatch(t.app),
    };
    expect(first).toEqual({ incidents: 3, resources: { teams: 15, warehouses: 5 }, planning: { plans: 3, shifts: 3 } });
    const again = {
      incidents: await seedDemoData(t.app, keysFile),
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

    // The demo `duty` hands today's city watch over to tomorrow's, which names `duty.next`; that one accepts.
    const signIn = async (username: string) => {
      const password = credentials.find((c) => c.username === username)!.password;
      return (await request(t.baseUrl).post('/api/v1/auth/login').send({ username, password }).expect(200)).body
        .accessToken as string;
    };
    const [duty, next] = [await signIn('duty'), await signIn('duty.next')];
    const handover = await t
      .post('/api/v1/duty/handovers', duty)
      .send({ jurisdiction: '640500', note: '【演示】交班' })
      .expect(201);
    expect(handover.body.incoming.map((a: { name: string }) => a.name)).toEqual(['【演示】中卫市接班值班员']);
    expect((await t.get('/api/v1/duty/desk', next).expect(200)).body).toMatchObject({
      pendingHandover: { id: handover.body.id },
      mayAccept: true,
    });
    expect((await t.post(`/api/v1/duty/handovers/${handover.body.id}/accept`, duty).send({})).status).toBe(403);
    await t.post(`/api/v1/duty/handovers/${handover.body.id}/accept`, next).send({}).expect(200);
  });

  it('seeds 中卫市’s 2026 targets against 2025 and their split to the counties (after the first test seeded)', async () => {
    const doc = await eventually(async () => {
      const body = (await t.get('/api/v1/targets/640500/2026').expect(200)).body as {
        revision: number;
        targets: { indicator: string; kind: string; value: number; baselineYear: number | null }[];
        split: { indicator: string; parentValue: number | null; childrenSum: number }[];
      };
      return body.revision >= 0 ? body : undefined;
    });
    expect(doc.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: 2025 }),
        expect.objectContaining({ indicator: 'major_or_above_share', kind: 'ceiling', value: 0.02 }),
        expect.objectContaining({ indicator: 'deaths_per_100m_gdp', kind: 'reduction', value: 33, baselineYear: 2025 }),
      ]),
    );
    expect(doc.split.find((s) => s.indicator === 'major_or_above_incidents')).toMatchObject({
      parentValue: 2,
      childrenSum: 2,
    });
    const progress = (await t.get('/api/v1/statistics/targets?jurisdiction=640500&year=2026').expect(200)).body;
    expect(progress.set).toBe(true);
    expect(progress.targets.find((p: { indicator: string }) => p.indicator === 'deaths_per_100m_gdp').missing).toEqual(
      [],
    );
    // The 2025 figures are entered (the demo's bureau had no incidents in the system then): the reductions take their
    // baselines from them, deaths counted with the missing as the city counts them.
    const deaths = progress.targets.find((p: { indicator: string }) => p.indicator === 'deaths');
    expect(deaths).toMatchObject({
      baselineValue: 46,
      baselineSource: 'recorded',
      limit: 39.1,
      status: 'on_track',
      unit: '人（含失踪）',
    });
    expect(
      progress.targets.find((p: { indicator: string }) => p.indicator === 'deaths_per_10k_vehicles'),
    ).toMatchObject({
      baselineSource: 'recorded',
      baselineValue: 0.9119,
    });
  });
});
