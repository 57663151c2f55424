import request from 'supertest';
import { ManualClock } from '../../libs/shared/src';
import type { TargetsProgressView } from '../../libs/targets/src/contract';
import { freshCreditCode, registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { expertBody, registerExpert } from '../support/experts/expert-fixtures';
import {
  hiddenHazardBody,
  majorHiddenHazardBody,
  recordHiddenHazard,
} from '../support/hidden-hazards/hidden-hazard-fixtures';
import { incidentBody, NO_CASUALTIES } from '../support/incident-fixtures';
import { registerShelter, shelterBody } from '../support/shelters/shelter-fixtures';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * Reviewer's attacks on hidden hazards, experts, shelters and targets: hostile input never a 500 and never stored,
 * ids of the wrong kind answered 404, expected-revision races, and the local-year boundary of the targets' progress.
 * The clock stands just after the new year 2027 in Beijing so both sides of the boundary are in the past.
 */
describe('outside review: hidden hazards, experts, shelters and targets under attack', () => {
  const clock = new ManualClock(new Date('2027-01-02T04:00:00.000Z'));
  let t: TestApp;
  let admin: TestUser;
  let countyDuty: TestUser;
  let otherCounty: TestUser;
  let enterpriseId: string;
  let incidentId: string;

  beforeAll(async () => {
    t = await startTestApp({ HIDDEN_HAZARD_TICK_MS: '3600000' }, { clock });
    admin = await t.user(['admin']);
    countyDuty = await t.user(['duty_officer'], '640521');
    otherCounty = await t.user(['commander'], '640522');
    enterpriseId = await registerEnterprise(t, admin.token, {
      name: '中宁某评审化工有限公司（测试）',
      jurisdiction: '640521',
      creditCode: freshCreditCode('640521'),
    });
    incidentId = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: '2027-01-01T10:00:00+08:00' }))
        .expect(201)
    ).body.id as string;
  });
  afterAll(() => t?.close());

  const problem = (res: { status: number; headers: Record<string, string>; body: { code?: string } }) => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(typeof res.body.code).toBe('string');
  };

  it.each([
    ['capacity 0', { capacity: 0 }],
    ['negative capacity', { capacity: -5 }],
    ['float capacity', { capacity: 10.5 }],
    ['capacity 1e308', { capacity: 1e308 }],
    ['capacity as string', { capacity: '100' }],
    ['NaN string capacity', { capacity: 'NaN' }],
    ['huge name', { name: '场'.repeat(100_000) }],
    ['blank name', { name: '   ' }],
    ['lat 1e308', { location: { lat: 1e308, lng: 105 } }],
  ])('shelter registration refuses %s with a problem 4xx and stores nothing', async (_what, override) => {
    const before = ((await t.get('/api/v1/shelters', admin.token).expect(200)).body as unknown[]).length;
    problem(await t.post('/api/v1/shelters', admin.token).send(shelterBody(override)));
    expect(((await t.get('/api/v1/shelters', admin.token).expect(200)).body as unknown[]).length).toBe(before);
  });

  it.each([
    ['float occupants', 1.5],
    ['negative occupants', -1],
    ['string occupants', '12'],
    ['-0 as a string', '-0'],
    ['occupants 1e308', 1e308],
  ])('occupancy refuses %s', async (_what, occupants) => {
    const shelterId = await registerShelter(t, admin.token, { capacity: 50 });
    problem(await t.post(`/api/v1/shelters/${shelterId}/occupancy`).send({ occupants }));
    const view = (await t.get(`/api/v1/shelters/${shelterId}`, admin.token).expect(200)).body as { occupants: number };
    expect(view.occupants).toBe(0);
  });

  it('ids of the wrong kind are answered 404, never acted on', async () => {
    const expertId = await registerExpert(t, admin.token);
    const shelterId = await registerShelter(t, admin.token);
    // An expert id where an incident id is expected.
    expect((await t.post(`/api/v1/incidents/${expertId}/experts`).send({ expertId, topic: '会商' })).status).toBe(404);
    // An incident id where an expert id is expected.
    const wrongExpert = await t
      .post(`/api/v1/incidents/${incidentId}/experts`)
      .send({ expertId: incidentId, topic: '会商' });
    expect(wrongExpert.status).toBe(404);
    // An incident id as a shelter, a shelter id as an incident.
    expect((await t.post(`/api/v1/shelters/${incidentId}/occupancy`).send({ occupants: 1 })).status).toBe(404);
    expect(
      (await t.post(`/api/v1/shelters/${shelterId}/occupancy`).send({ occupants: 1, incidentId: shelterId })).status,
    ).toBe(404);
    // A shelter id as a hidden hazard.
    expect(
      (await t.post(`/api/v1/hidden-hazards/${shelterId}/rectify`, countyDuty.token).send({ note: 'x' })).status,
    ).toBe(404);
    // Accepting for an expert never invited.
    expect((await t.post(`/api/v1/incidents/${incidentId}/experts/${expertId}/accept`).send({})).status).toBe(404);
  });

  it('another county cannot consult on, or name in occupancy, this county’s incident', async () => {
    const expertId = await registerExpert(t, admin.token, { jurisdiction: '640522' });
    expect(
      (await t.post(`/api/v1/incidents/${incidentId}/experts`, otherCounty.token).send({ expertId, topic: '会商' }))
        .status,
    ).toBe(404);
    const shelterId = await registerShelter(t, admin.token, { jurisdiction: '640522', capacity: 30 });
    expect(
      (await t.post(`/api/v1/shelters/${shelterId}/occupancy`, otherCounty.token).send({ occupants: 3, incidentId }))
        .status,
    ).toBe(404);
  });

  it('hidden hazard text: control and bidi characters and huge text never 500, markup comes back as text', async () => {
    const huge = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(hiddenHazardBody(enterpriseId, clock.now(), { title: '隐'.repeat(200_000) }));
    problem(huge);
    const nul = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(hiddenHazardBody(enterpriseId, clock.now(), { title: '储罐\u0000泄漏' }));
    expect(nul.status).toBeLessThan(500);
    const script = '<script>alert(1)</script>\u202E储罐';
    const res = await t
      .post('/api/v1/hidden-hazards', countyDuty.token)
      .send(hiddenHazardBody(enterpriseId, clock.now(), { title: script }));
    expect(res.status).toBeLessThan(500);
    if (res.status === 201) expect(res.body.title).toBe(script);
  });

  it('hidden hazard: a forged If-Match is refused (412), not a way around the revision', async () => {
    const hazard = await recordHiddenHazard(t, countyDuty.token, hiddenHazardBody(enterpriseId, clock.now()));
    const forged = await t
      .post(`/api/v1/hidden-hazards/${hazard.id}/rectify`, countyDuty.token)
      .set('If-Match', '99')
      .send({ note: '已整改' });
    expect([forged.status, forged.body.code]).toEqual([412, 'STALE_REVISION']);
    problem(forged);
  });

  it.each([
    ['year 1999', '1999', { targets: [] }],
    ['year 2101', '2101', { targets: [] }],
    ['year 0202', '0202', { targets: [] }],
    [
      'share 1.0000001',
      '2026',
      { targets: [{ indicator: 'major_or_above_share', kind: 'ceiling', value: 1.0000001 }] },
    ],
    [
      'reduction 100',
      '2026',
      { targets: [{ indicator: 'deaths', kind: 'reduction', value: 100, baselineYear: 2025 }] },
    ],
    [
      'baseline = year',
      '2026',
      { targets: [{ indicator: 'deaths', kind: 'reduction', value: 10, baselineYear: 2026 }] },
    ],
    ['denominator 0', '2026', { targets: [], denominators: { gdp100mYuan: 0 } }],
    ['denominator negative', '2026', { targets: [], denominators: { vehicles10k: -3 } }],
    ['value as NaN string', '2026', { targets: [{ indicator: 'deaths', kind: 'ceiling', value: 'NaN' }] }],
    ['value 1e309 (Infinity)', '2026', '{"targets":[{"indicator":"deaths","kind":"ceiling","value":1e309}]}'],
    ['category mining', '2026', { targets: [{ indicator: 'deaths', kind: 'ceiling', value: 3, category: 'mining' }] }],
    ['a fractional count ceiling', '2026', { targets: [{ indicator: 'deaths', kind: 'ceiling', value: 2.5 }] }],
  ])('targets refuse %s and store nothing', async (_what, year, body) => {
    const req = t.put(`/api/v1/targets/640521/${year}`, admin.token);
    const res =
      typeof body === 'string' ? await req.set('Content-Type', 'application/json').send(body) : await req.send(body);
    problem(res);
    if (/^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100) {
      expect((await t.get(`/api/v1/targets/640521/${year}`, admin.token)).body.setAt ?? null).toBeNull();
    }
  });

  it('two target PUTs with the same If-Match: one wins, the other fails its precondition', async () => {
    const first = await t.put('/api/v1/targets/640522/2027', otherCounty.token).send({ targets: [] }).expect(200);
    const revision = String(first.body.revision);
    const [a, b] = await Promise.all(
      [3, 4].map((value) =>
        t
          .put('/api/v1/targets/640522/2027', otherCounty.token)
          .set('If-Match', revision)
          .send({ targets: [{ indicator: 'deaths', kind: 'ceiling', value }] }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 412]);
  });

  it('two occupancy records with the same If-Match: one wins, the other fails its precondition', async () => {
    const shelterId = await registerShelter(t, admin.token, { capacity: 100 });
    const view = (await t.get(`/api/v1/shelters/${shelterId}`, admin.token).expect(200)).body as { revision: number };
    const [a, b] = await Promise.all(
      [10, 20].map((occupants) =>
        t.post(`/api/v1/shelters/${shelterId}/occupancy`).set('If-Match', String(view.revision)).send({ occupants }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 412]);
  });

  it('the local year boundary: 23:30 on 31 December counts in 2026, 00:10 on 1 January in 2027', async () => {
    for (const year of [2026, 2027])
      await t.put(`/api/v1/targets/640522/${year === 2027 ? 2026 : 2025}`, otherCounty.token).send({ targets: [] });
    await t
      .put('/api/v1/targets/640522/2026', otherCounty.token)
      .send({ targets: [{ indicator: 'incidents', kind: 'ceiling', value: 1, category: 'fire' }] })
      .expect(200);
    await t
      .put('/api/v1/targets/640522/2027', otherCounty.token)
      .send({ targets: [{ indicator: 'incidents', kind: 'ceiling', value: 1, category: 'fire' }] })
      .expect(200);
    await t
      .post('/api/v1/incidents')
      .send(
        incidentBody({
          jurisdiction: '640522',
          category: 'fire',
          occurredAt: '2026-12-31T23:30:00+08:00',
          casualties: NO_CASUALTIES,
        }),
      )
      .expect(201);
    await t
      .post('/api/v1/incidents')
      .send(
        incidentBody({
          jurisdiction: '640522',
          category: 'fire',
          occurredAt: '2027-01-01T00:10:00+08:00',
          casualties: NO_CASUALTIES,
        }),
      )
      .expect(201);
    const of = async (year: number) =>
      (
        (await t.get(`/api/v1/statistics/targets?jurisdiction=640522&year=${year}`, otherCounty.token).expect(200))
          .body as TargetsProgressView
      ).targets[0]!.actual;
    expect(await of(2026)).toBe(1);
    expect(await of(2027)).toBe(1);
  });

  it('a county admin cannot register or edit experts and shelters of a sibling county or of the city', async () => {
    const countyAdmin = await t.user(['admin'], '640521');
    const sibling = await t.post('/api/v1/experts', countyAdmin.token).send({
      name: '越权专家',
      specialties: ['hazardous_chemicals'],
      title: '工程师',
      organization: '某院（测试）',
      phone: '13995500002',
      jurisdiction: '640522',
    });
    expect([403, 404, 422]).toContain(sibling.status);
    const shelter = await t.post('/api/v1/shelters', countyAdmin.token).send(shelterBody({ jurisdiction: '640522' }));
    expect([403, 404, 422]).toContain(shelter.status);
    const cityExpert = await registerExpert(t, admin.token, { jurisdiction: '640500' });
    // The county reads the city's experts; it must not rewrite or withdraw them.
    const patch = await request(t.baseUrl)
      .patch(`/api/v1/experts/${cityExpert}`)
      .set('Authorization', `Bearer ${countyAdmin.token}`)
      .send({ phone: '13995500099' });
    expect([403, 404]).toContain(patch.status);
    const cityView = (await t.get(`/api/v1/experts/${cityExpert}`, admin.token).expect(200)).body as { phone: string };
    expect(cityView.phone).toBe('13995500001');
    const cityShelter = await registerShelter(t, admin.token, { jurisdiction: '640500' });
    const sp = await request(t.baseUrl)
      .patch(`/api/v1/shelters/${cityShelter}`)
      .set('Authorization', `Bearer ${countyAdmin.token}`)
      .send({ capacity: 1 });
    expect([403, 404]).toContain(sp.status);
  });

  it('another county’s account lists nothing of this county’s hidden hazards through ?jurisdiction=', async () => {
    await recordHiddenHazard(t, countyDuty.token, hiddenHazardBody(enterpriseId, clock.now()));
    const list = await t.get('/api/v1/hidden-hazards?jurisdiction=640521', otherCounty.token);
    if (list.status === 200) expect(list.body).toEqual([]);
    else expect([403, 404]).toContain(list.status);
    const summary = await t.get('/api/v1/hidden-hazards/summary?jurisdiction=640521', otherCounty.token);
    if (summary.status === 200) expect(JSON.stringify(summary.body)).not.toContain('中宁某评审化工');
    else expect([403, 404]).toContain(summary.status);
    if (summary.status === 200) expect(summary.body.total ?? summary.body.totals?.total ?? 0).toBe(0);
    const shelters = await t.get('/api/v1/shelters?jurisdiction=640521', otherCounty.token);
    expect(shelters.status).toBeLessThan(500);
    const progress = await t.get('/api/v1/statistics/targets?jurisdiction=640521&year=2026', otherCounty.token);
    expect(progress.status).toBe(404);
    const doc = await t.get('/api/v1/targets/640521/2026', otherCounty.token);
    expect([403, 404]).toContain(doc.status);
  });

  it.each([
    ['POST', '/api/v1/incidents/INCIDENT/experts/not-a-uuid/accept', {}],
    ['POST', '/api/v1/incidents/INCIDENT/experts/00000000-0000-4000-8000-000000000000/decline', {}],
    ['POST', '/api/v1/incidents/not-a-uuid/experts', { expertId: '00000000-0000-4000-8000-000000000000', topic: 'x' }],
    ['POST', '/api/v1/hidden-hazards/not-a-uuid/rectify', { note: 'x' }],
    ['POST', '/api/v1/hidden-hazards/00000000-0000-4000-8000-000000000000/supervise', { level: 'county' }],
    ['POST', '/api/v1/shelters/not-a-uuid/occupancy', { occupants: 1 }],
    ['PUT', '/api/v1/targets/64052a/2026', { targets: [] }],
    ['PUT', '/api/v1/targets/999999/2026', { targets: [] }],
    ['GET', '/api/v1/statistics/targets?year=abc', null],
    ['GET', '/api/v1/statistics/targets?year=1e3', null],
    ['GET', '/api/v1/statistics/targets?year=2026.5', null],
    ['GET', '/api/v1/statistics/targets?jurisdiction=%3Cscript%3E', null],
    ['GET', '/api/v1/incidents/INCIDENT/shelter-recommendations?x=1', null],
    ['GET', '/api/v1/shelters/00000000-0000-4000-8000-000000000000/occupancy', null],
    ['GET', '/api/v1/hidden-hazards/summary?from=2026-13-01T00:00:00%2B08:00', null],
    ['GET', '/api/v1/hidden-hazards?jurisdiction=%E2%80%AE640521', null],
  ])('%s %s is never a 500', async (method, path, body) => {
    const url = path.replace('INCIDENT', incidentId);
    const req = method === 'GET' ? t.get(url) : method === 'PUT' ? t.put(url).send(body!) : t.post(url).send(body!);
    const res = await req;
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('who recorded an occupancy count and who set targets is named as colleagues know them, not by login name', async () => {
    const duty = await t.user(['duty_officer'], '640521');
    const shelterId = await registerShelter(t, admin.token, { jurisdiction: '640521', capacity: 40 });
    await t.post(`/api/v1/shelters/${shelterId}/occupancy`, duty.token).send({ occupants: 5 }).expect(200);
    const history = (await t.get(`/api/v1/shelters/${shelterId}/occupancy`, duty.token).expect(200)).body as {
      by: string;
    }[];
    // Hidden hazards name people by their display name (测试用户 …); the shelter history should too.
    expect(history[0]!.by).toBe(`测试用户 ${duty.username}`);
    const commander = await t.user(['commander'], '640521');
    const doc = await t.put('/api/v1/targets/640521/2030', commander.token).send({ targets: [] }).expect(200);
    expect(doc.body.setBy).toBe(`测试用户 ${commander.username}`);
  });

  it('two supervisors racing on the same revision: one wins, the other fails its precondition; a county cannot then verify', async () => {
    const countyCommander = await t.user(['commander'], '640521');
    const cityCommander = await t.user(['commander'], '640500');
    const hazard = await recordHiddenHazard(t, countyDuty.token, majorHiddenHazardBody(enterpriseId, clock.now()));
    const [county, city] = await Promise.all([
      t
        .post(`/api/v1/hidden-hazards/${hazard.id}/supervise`, countyCommander.token)
        .set('If-Match', '0')
        .send({ level: 'county' }),
      t
        .post(`/api/v1/hidden-hazards/${hazard.id}/supervise`, cityCommander.token)
        .set('If-Match', '0')
        .send({ level: 'city' }),
    ]);
    expect([county.status, city.status].sort()).toEqual([200, 412]);
    // Without If-Match the county's lower supervision after the city's is refused, never a downgrade.
    await t.post(`/api/v1/hidden-hazards/${hazard.id}/supervise`, cityCommander.token).send({ level: 'city' });
    const down = await t
      .post(`/api/v1/hidden-hazards/${hazard.id}/supervise`, countyCommander.token)
      .send({ level: 'county' });
    expect(down.status).toBe(409);
    await t.post(`/api/v1/hidden-hazards/${hazard.id}/rectify`, countyDuty.token).send({ note: '已整改' }).expect(200);
    const view = (await t.get(`/api/v1/hidden-hazards/${hazard.id}`, cityCommander.token).expect(200)).body as {
      revision: number;
    };
    // A forged If-Match naming the current revision does not lift the supervision either.
    const verify = await t
      .post(`/api/v1/hidden-hazards/${hazard.id}/verify`, countyCommander.token)
      .set('If-Match', String(view.revision))
      .send({ passed: true, note: '县级验收' });
    expect(verify.status).toBe(403);
    // Two city verifications racing: one result, the other a conflict.
    const [a, b] = await Promise.all(
      [true, false].map((passed) =>
        t
          .post(`/api/v1/hidden-hazards/${hazard.id}/verify`, cityCommander.token)
          .set('If-Match', String(view.revision))
          .send({ passed, note: '市级验收' }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 412]);
    const after = (await t.get(`/api/v1/hidden-hazards/${hazard.id}`, cityCommander.token).expect(200)).body as {
      verifications: unknown[];
    };
    expect(after.verifications).toHaveLength(1);
  });

  it('a sibling county neither reads nor acts on this county’s experts, shelters, consultations and recommendations', async () => {
    const expertId = await registerExpert(t, admin.token, { jurisdiction: '640521' });
    const shelterId = await registerShelter(t, admin.token, { jurisdiction: '640521', capacity: 20 });
    await t.post(`/api/v1/incidents/${incidentId}/experts`).send({ expertId, topic: '会商' }).expect(201);
    const answers = await Promise.all([
      t.get(`/api/v1/experts/${expertId}`, otherCounty.token),
      t.get(`/api/v1/shelters/${shelterId}`, otherCounty.token),
      t.get(`/api/v1/shelters/${shelterId}/occupancy`, otherCounty.token),
      t.post(`/api/v1/shelters/${shelterId}/occupancy`, otherCounty.token).send({ occupants: 2 }),
      t.get(`/api/v1/incidents/${incidentId}/experts`, otherCounty.token),
      t.get(`/api/v1/incidents/${incidentId}/expert-recommendations`, otherCounty.token),
      t.get(`/api/v1/incidents/${incidentId}/shelter-recommendations`, otherCounty.token),
      t.post(`/api/v1/incidents/${incidentId}/experts/${expertId}/accept`, otherCounty.token).send({}),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    const listed = (await t.get('/api/v1/experts', otherCounty.token).expect(200)).body as { id: string }[];
    expect(listed.map((e) => e.id)).not.toContain(expertId);
    const shelters = (await t.get('/api/v1/shelters', otherCounty.token).expect(200)).body as { id: string }[];
    expect(shelters.map((e) => e.id)).not.toContain(shelterId);
  });

  it.each([
    ['hidden hazard title', 'POST', '/api/v1/hidden-hazards', 'HH', { title: '储罐\u202E泄漏' }],
    ['hidden hazard title of a zero-width space only', 'POST', '/api/v1/hidden-hazards', 'HH', { title: '\u200B' }],
    ['major hazard standard of a bidi mark only', 'POST', '/api/v1/hidden-hazards', 'HHM', { standard: '\u202E' }],
    ['expert name', 'POST', '/api/v1/experts', 'EX', { name: '张\u202E伟' }],
    ['shelter name', 'POST', '/api/v1/shelters', 'SH', { name: '公园\u2066避难' }],
  ])('%s with a control character is a 400 and stores nothing', async (_what, _method, path, kind, override) => {
    const body =
      kind === 'HH'
        ? hiddenHazardBody(enterpriseId, clock.now(), override)
        : kind === 'HHM'
          ? majorHiddenHazardBody(enterpriseId, clock.now(), override)
          : kind === 'EX'
            ? expertBody(override)
            : shelterBody(override);
    const token = kind.startsWith('HH') ? countyDuty.token : admin.token;
    const res = await t.post(path, token).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a drill incident: no consultation once its drill has ended, never a shelter count, never engaging the expert', async () => {
    const drillId = await runningDrill(t, '640521');
    const drillIncident = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: '2027-01-01T11:00:00+08:00', drillId }))
        .expect(201)
    ).body.id as string;
    const expertId = await registerExpert(t, admin.token, { jurisdiction: '640521' });
    await t.post(`/api/v1/incidents/${drillIncident}/experts`).send({ expertId, topic: '演练会商' }).expect(201);
    await t.post(`/api/v1/incidents/${drillIncident}/experts/${expertId}/accept`).send({}).expect(200);
    const expert = (await t.get(`/api/v1/experts/${expertId}`).expect(200)).body as Record<string, unknown>;
    expect(JSON.stringify(expert)).not.toContain(drillIncident);
    const shelterId = await registerShelter(t, admin.token, { jurisdiction: '640521', capacity: 20 });
    const occupancy = await t
      .post(`/api/v1/shelters/${shelterId}/occupancy`)
      .send({ occupants: 5, incidentId: drillIncident });
    expect(occupancy.status).toBe(422);
    const coordinator = await t.user(['drill_coordinator'], '640521');
    await t.post(`/api/v1/drills/${drillId}/end`, coordinator.token).send({}).expect(200);
    const second = await registerExpert(t, admin.token, { jurisdiction: '640521' });
    const late = await t
      .post(`/api/v1/incidents/${drillIncident}/experts`)
      .send({ expertId: second, topic: '演练后会商' });
    // The house rule for drill data (test/security/attack-drill-flags): after the drill ends, 409 DRILL_NOT_RUNNING.
    expect([late.status, late.body.code]).toEqual([409, 'DRILL_NOT_RUNNING']);
  });
});
