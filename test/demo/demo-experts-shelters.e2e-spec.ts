import { DEMO_EXPERTS, seedDemoExperts } from '../../apps/command-api/src/demo/seed-demo-experts';
import { DEMO_SHELTERS, seedDemoShelters } from '../../apps/command-api/src/demo/seed-demo-shelters';
import { startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';
import { incidentBody } from '../support/incident-fixtures';

/** The demo experts and shelters: seeded once however often the server starts, and usable at once. */
describe('demo experts and shelters', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('are seeded once, listed, and recommended for an incident', async () => {
    expect(await seedDemoExperts(t.app)).toBe(DEMO_EXPERTS.length);
    expect(await seedDemoShelters(t.app)).toBe(DEMO_SHELTERS.length);
    expect(await seedDemoExperts(t.app)).toBe(0);
    expect(await seedDemoShelters(t.app)).toBe(0);
    expect(DEMO_EXPERTS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(DEMO_SHELTERS.map((s) => s.kind)).size).toBeGreaterThanOrEqual(4);

    // The seeds append without waiting; the read models follow.
    const experts = await eventually(async () => {
      const body = (await t.get('/api/v1/experts').expect(200)).body as { name: string; organization: string }[];
      return body.length === DEMO_EXPERTS.length ? body : undefined;
    });
    expect(experts.every((e) => e.organization.includes('演示数据'))).toBe(true);
    await eventually(async () =>
      ((await t.get('/api/v1/shelters').expect(200)).body as unknown[]).length === DEMO_SHELTERS.length
        ? true
        : undefined,
    );

    // A coal-mine incident in 海原: the demo's coal-mine expert is recommended (not the non-coal one), and 海原's
    // stadium is the nearest shelter.
    const mine = (
      await t
        .post('/api/v1/incidents')
        .send(
          incidentBody({
            category: 'coal_mine',
            jurisdiction: '640522',
            location: { address: '海原县（测试）', lat: 36.565, lng: 105.647 },
          }),
        )
        .expect(201)
    ).body as { id: string };
    const recommended = await t.get(`/api/v1/incidents/${mine.id}/expert-recommendations`).expect(200);
    expect(recommended.body.experts.map((e: { name: string }) => e.name).sort()).toEqual(['马建国']);
    const shelters = await t.get(`/api/v1/incidents/${mine.id}/shelter-recommendations`).expect(200);
    expect(shelters.body.shelters[0].name).toBe('海原县体育场应急避难场所（演示数据）');
  });
});
