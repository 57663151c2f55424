import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { publishedPlan } from '../support/plan-fixtures';
import { runningDrill } from '../support/running-drill';
import { until } from '../support/eventually';

describe('emergency shelters (应急避难场所): register, occupancy and recommendations over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let otherCounty: TestUser;
  const shelters: Record<string, string> = {};

  // The incident fixture's scene is at 37.53 N, 105.14 E (中卫工业园区).
  const shelterBody = (overrides: Record<string, unknown> = {}) => ({
    name: `测试避难场所 ${randomUUID().slice(0, 6)}`,
    kind: 'park',
    capacity: 1000,
    location: { lat: 37.54, lng: 105.15 },
    jurisdiction: '640502',
    facilities: ['water', 'toilets', 'tents'],
    address: '沙坡头区某路（测试）',
    ...overrides,
  });
  const register = (overrides: Record<string, unknown> = {}, token = admin.token) =>
    t.post('/api/v1/shelters', token).send(shelterBody(overrides));
  const occupancy = (id: string, body: Record<string, unknown>, token?: string) =>
    t.post(`/api/v1/shelters/${id}/occupancy`, token).send(body);
  const newIncident = async (overrides: Record<string, unknown> = {}) =>
    (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201)).body as { id: string; title: string };

  beforeAll(async () => {
    ({ t, user: admin } = await givenSignedIn(['admin']));
    otherCounty = await t.user(['commander'], '640522');
    for (const [key, overrides] of [
      ['park', { name: '中心公园', kind: 'park', capacity: 1000, location: { lat: 37.54, lng: 105.15 } }],
      ['school', { name: '第一中学操场', kind: 'school', capacity: 500, location: { lat: 37.6, lng: 105.2 } }],
      ['stadium', { name: '体育馆', kind: 'stadium', capacity: 200, location: { lat: 37.531, lng: 105.141 } }],
      [
        'far',
        {
          name: '海原广场',
          kind: 'square',
          capacity: 3000,
          location: { lat: 36.56, lng: 105.64 },
          jurisdiction: '640522',
        },
      ],
    ] as const) {
      shelters[key] = (await register(overrides).expect(201)).body.id;
    }
  });
  afterAll(() => t?.close());

  it('registers a shelter and answers the contract view; lists by kind and room', async () => {
    const got = await t.get(`/api/v1/shelters/${shelters['park']}`).expect(200);
    expect(got.body).toMatchObject({
      id: shelters['park'],
      name: '中心公园',
      kind: 'park',
      kindLabel: '公园绿地',
      capacity: 1000,
      occupants: 0,
      freeCapacity: 1000,
      occupancyRate: 0,
      facilities: ['water', 'toilets', 'tents'],
      facilityLabels: ['应急供水', '应急厕所', '帐篷'],
      location: { lat: 37.54, lng: 105.15 },
      jurisdiction: '640502',
      jurisdictionName: '沙坡头区',
      incident: null,
      occupancyUpdatedAt: null,
      active: true,
      revision: 0,
    });
    const schools = await t.get('/api/v1/shelters').query({ kind: 'school' }).expect(200);
    expect(schools.body.map((s: { id: string }) => s.id)).toEqual([shelters['school']]);
    for (const bad of [
      { capacity: 0 },
      { capacity: 1.5 },
      { kind: 'bunker' },
      { facilities: ['spa'] },
      { location: { lat: 91, lng: 0 } },
    ]) {
      expect((await register(bad).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
    const officer = await t.user(['duty_officer'], '640500');
    await register({}, officer.token).expect(403);
  });

  it('records occupancy for an incident up to the capacity (0 allowed), keeps the history, refuses more than the capacity', async () => {
    const incident = await newIncident();
    const full = await occupancy(shelters['stadium']!, {
      occupants: 200,
      incidentId: incident.id,
      note: '第一批群众到位',
    }).expect(200);
    expect(full.body).toMatchObject({
      occupants: 200,
      freeCapacity: 0,
      occupancyRate: 1,
      incident: { id: incident.id, title: incident.title },
      revision: 1,
    });
    expect(full.body.occupancyUpdatedAt).toEqual(expect.any(String));
    const over = await occupancy(shelters['stadium']!, { occupants: 201, incidentId: incident.id }).expect(422);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(over.body).toMatchObject({ code: 'SHELTER_OVER_CAPACITY', details: { occupants: 201, capacity: 200 } });
    expect(over.body.detail).toContain('超过');
    expect((await occupancy(shelters['stadium']!, { occupants: -1 }).expect(400)).body.code).toBe('VALIDATION_FAILED');

    const lowered = await request(t.baseUrl)
      .patch(`/api/v1/shelters/${shelters['stadium']}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ capacity: 150 })
      .expect(409);
    expect(lowered.body.code).toBe('SHELTER_CAPACITY_BELOW_OCCUPANCY');
    const stale = await request(t.baseUrl)
      .patch(`/api/v1/shelters/${shelters['stadium']}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .set('If-Match', '0')
      .send({ capacity: 300 })
      .expect(412);
    expect(stale.body.code).toBe('STALE_REVISION');

    const history = await t.get(`/api/v1/shelters/${shelters['school']}/occupancy`).expect(200);
    expect(history.body).toEqual([]);
    await occupancy(shelters['school']!, { occupants: 120, incidentId: incident.id }).expect(200);
    const emptied = await occupancy(shelters['school']!, { occupants: 0, note: '群众已返家' }).expect(200);
    expect(emptied.body).toMatchObject({ occupants: 0, freeCapacity: 500, incident: null });
    const entries = (await t.get(`/api/v1/shelters/${shelters['school']}/occupancy`).expect(200)).body;
    expect(entries.map((e: { occupants: number }) => e.occupants)).toEqual([0, 120]);
    expect(entries[1]).toMatchObject({ incidentId: incident.id, incidentTitle: incident.title, note: null });
    expect(entries[0]).toMatchObject({ incidentId: null, note: '群众已返家' });
    expect(typeof entries[0].by).toBe('string');

    const withRoom = await t.get('/api/v1/shelters').query({ hasRoom: 'true' }).expect(200);
    expect(withRoom.body.map((s: { id: string }) => s.id)).not.toContain(shelters['stadium']);
    const fullOnes = await t.get('/api/v1/shelters').query({ hasRoom: 'false' }).expect(200);
    expect(fullOnes.body.map((s: { id: string }) => s.id)).toEqual([shelters['stadium']]);
  });

  it('a drill incident never changes a real shelter’s occupancy (422 SHELTER_DRILL_INCIDENT)', async () => {
    const drillId = await runningDrill(t);
    const drillIncident = (await t.post('/api/v1/incidents').send(incidentBody({ drillId })).expect(201)).body as {
      id: string;
    };
    const refused = await occupancy(shelters['park']!, { occupants: 50, incidentId: drillIncident.id }).expect(422);
    expect(refused.body.code).toBe('SHELTER_DRILL_INCIDENT');
    expect(refused.body.detail).toContain('演练');
    const park = await t.get(`/api/v1/shelters/${shelters['park']}`).expect(200);
    expect(park.body).toMatchObject({ occupants: 0, revision: 0 });
  });

  it('another county neither sees nor records; forged ids are 404', async () => {
    const incident = await newIncident();
    expect((await t.get(`/api/v1/shelters/${shelters['park']}`, otherCounty.token).expect(404)).body.code).toBe(
      'SHELTER_NOT_FOUND',
    );
    await t.get(`/api/v1/shelters/${shelters['park']}/occupancy`, otherCounty.token).expect(404);
    await occupancy(shelters['park']!, { occupants: 1 }, otherCounty.token).expect(404);
    const listed = await t.get('/api/v1/shelters', otherCounty.token).expect(200);
    expect(listed.body.map((s: { id: string }) => s.id)).toEqual([shelters['far']]);
    // Its own shelter, but an incident it does not see.
    const foreign = await occupancy(
      shelters['far']!,
      { occupants: 1, incidentId: incident.id },
      otherCounty.token,
    ).expect(404);
    expect(foreign.body.code).toBe('INCIDENT_NOT_FOUND');
    await t.get(`/api/v1/incidents/${incident.id}/shelter-recommendations`, otherCounty.token).expect(404);
    expect((await t.get(`/api/v1/shelters/${randomUUID()}`).expect(404)).body.code).toBe('SHELTER_NOT_FOUND');
    expect((await occupancy(randomUUID(), { occupants: 1 }).expect(404)).body.code).toBe('SHELTER_NOT_FOUND');
    expect((await occupancy(shelters['park']!, { occupants: 1, incidentId: randomUUID() }).expect(404)).body.code).toBe(
      'INCIDENT_NOT_FOUND',
    );
  });

  it('consoles of the shelter’s jurisdiction hear of a recorded count (shelter.changed); another county’s do not', async () => {
    const city = await t.socket();
    const county = await t.socket(otherCounty.token);
    const heard: [string, number][] = [];
    city.on('shelter.changed', (m: { data: { id: string; occupants: number } }) => {
      if (m.data.id === shelters['park']) heard.push(['city', m.data.occupants]);
    });
    county.on('shelter.changed', (m: { data: { id: string; occupants: number } }) => {
      if (m.data.id === shelters['park']) heard.push(['county', m.data.occupants]);
    });
    await occupancy(shelters['park']!, { occupants: 12 }).expect(200);
    await occupancy(shelters['park']!, { occupants: 0 }).expect(200);
    await until(() => heard.length >= 2);
    expect(heard).toEqual([
      ['city', 12],
      ['city', 0],
    ]);
    city.close();
    county.close();
  });

  it('keeps script in every text field as text', async () => {
    const script = '<img src=x onerror=alert(1)>';
    const created = await register({ name: `${script}公园`, address: `${script}地址` }).expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    await occupancy(created.body.id, { occupants: 3, note: `${script}说明` }).expect(200);
    const got = await t.get(`/api/v1/shelters/${created.body.id}`).expect(200);
    expect(got.body).toMatchObject({ name: `${script}公园`, address: `${script}地址` });
    const history = await t.get(`/api/v1/shelters/${created.body.id}/occupancy`).expect(200);
    expect(history.body[0].note).toBe(`${script}说明`);
  });

  it('recommends shelters by free room and distance; evacuation is called for when an active plan’s task says so', async () => {
    const quiet = await newIncident();
    const before = await t.get(`/api/v1/incidents/${quiet.id}/shelter-recommendations`).expect(200);
    expect(before.body).toMatchObject({
      incidentId: quiet.id,
      evacuationCalledFor: false,
      evacuationTasks: [],
      peopleToShelter: null,
    });

    const planId = await publishedPlan(t, admin.token, {
      groups: [
        {
          name: '警戒疏散组',
          leadAgency: '市公安局',
          tasks: [
            { title: '划定警戒区，疏散下风向群众', responseLevels: ['I', 'II', 'III', 'IV'] },
            { title: '疏散周边 3 公里范围群众', responseLevels: ['I', 'II'] },
          ],
        },
      ],
    });
    const incident = await newIncident({
      casualties: {
        deaths: 0,
        missing: 0,
        seriousInjuries: 0,
        minorInjuries: 0,
        trapped: 1,
        endangered: 40,
        evacuated: 350,
      },
    });
    await t
      .post(`/api/v1/incidents/${incident.id}/plan-activations`)
      .send({ planId, level: 'IV', reason: '被困 1 人' })
      .expect(201);
    const view = await t.get(`/api/v1/incidents/${incident.id}/shelter-recommendations`).expect(200);
    expect(view.body).toMatchObject({
      incidentId: incident.id,
      evacuationCalledFor: true,
      // The II-level task is not the activated level's.
      evacuationTasks: ['划定警戒区，疏散下风向群众'],
      peopleToShelter: 350,
    });
    const order = view.body.shelters.map((s: { shelterId: string }) => s.shelterId);
    // The stadium is nearest but full (the earlier test filled it): after every shelter with room.
    expect(order.indexOf(shelters['park'])).toBeLessThan(order.indexOf(shelters['school']));
    expect(order.indexOf(shelters['school'])).toBeLessThan(order.indexOf(shelters['far']));
    expect(order[order.length - 1]).toBe(shelters['stadium']);
    const park = view.body.shelters.find((s: { shelterId: string }) => s.shelterId === shelters['park']);
    expect(park).toMatchObject({
      name: '中心公园',
      kind: 'park',
      kindLabel: '公园绿地',
      capacity: 1000,
      freeCapacity: 1000,
    });
    expect(park.distanceKm).toBeGreaterThan(1);
    expect(park.distanceKm).toBeLessThan(2);
    expect(park.reason).toBe(`距事发地 ${park.distanceKm} 公里，尚可容纳 1,000 人`);
    const stadium = view.body.shelters.find((s: { shelterId: string }) => s.shelterId === shelters['stadium']);
    expect(stadium.reason).toContain('已满员');
  });
});
