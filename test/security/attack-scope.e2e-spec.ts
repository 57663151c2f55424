// Over 300 lines on purpose: one attack surface (jurisdiction scope) per suite, its cases sharing one started app.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { incidentBody } from '../support/incident-fixtures';
import { freshCreditCode, registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import { registerExpert } from '../support/experts/expert-fixtures';
import {
  hiddenHazardBody,
  majorHiddenHazardBody,
  recordHiddenHazard,
} from '../support/hidden-hazards/hidden-hazard-fixtures';
import { registerWarehouse } from '../support/resource-fixtures';
import { publishedPlan } from '../support/plan-fixtures';
import { runningDrill } from '../support/running-drill';
import { registerShelter } from '../support/shelters/shelter-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

const TENT = '1010101';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Attack: scope leaks across jurisdictions. Every mutation checks the scope of every aggregate it touches (the
 * warehouse and the incident of an allocation; the warehouse of a drill allocation; the plan a finding is written
 * onto), and one user cannot take every replay slot. Each refused attempt stores nothing.
 */
describe('attack: scope leaks', () => {
  let t: TestApp;
  let admin: TestUser;
  const streamLength = async (stream: string) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where stream_name = $1`, [stream]))[0]!.n;
  // TestApp has no PATCH helper; the same bearer request by hand.
  const patch = (path: string, token: string) => request(t.baseUrl).patch(path).set('Authorization', `Bearer ${token}`);
  const warehouse = (jurisdiction: string, level: 'city' | 'county') =>
    registerWarehouse(t, admin.token, { level, jurisdiction }, [{ materialCode: TENT, quantity: 100 }]);
  const report = async (jurisdiction: string, extra: Record<string, unknown> = {}, token = t.commander.token) =>
    (
      await t
        .post('/api/v1/incidents', token)
        .send(incidentBody({ jurisdiction, ...extra }))
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '600000', REPLAYS_PER_USER: '2' });
    admin = await t.user(['admin'], '640500');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('allocations touch the warehouse and the incident', () => {
    it('a county commander cannot ship, deliver or cancel what the city sent from its warehouse to another county (404, no incident id)', async () => {
      const zhongning = await t.user(['commander'], '640521');
      const store = await warehouse('640521', 'county');
      const haiyuanIncident = await report('640522');
      const allocation = (
        await t
          .post(`/api/v1/warehouses/${store}/allocations`)
          .send({ incidentId: haiyuanIncident, items: [{ materialCode: TENT, quantity: 10 }] })
          .expect(201)
      ).body;
      const length = await streamLength(`warehouse-${store}`);
      for (const move of ['cancel', 'ship', 'deliver']) {
        const refused = await t
          .post(`/api/v1/warehouses/${store}/allocations/${allocation.allocationId}/${move}`, zhongning.token)
          .send({ reason: '县里另有安排' })
          .expect(404);
        expect(refused.body).toMatchObject({ code: 'ALLOCATION_NOT_FOUND' });
        expect(JSON.stringify(refused.body)).not.toContain(haiyuanIncident);
      }
      expect(await streamLength(`warehouse-${store}`)).toBe(length);
      const stock = (await t.get(`/api/v1/warehouses/${store}`).expect(200)).body.stock.find(
        (l: { materialCode: string }) => l.materialCode === TENT,
      );
      expect(stock).toMatchObject({ onHand: 100, reserved: 10 });
      // The city, which sees both, still moves it.
      await t.post(`/api/v1/warehouses/${store}/allocations/${allocation.allocationId}/ship`).send({}).expect(200);
    });

    it('the county still moves an allocation from its warehouse to its own incident; the city warehouse stays out of its reach', async () => {
      const zhongning = await t.user(['commander'], '640521');
      const store = await warehouse('640521', 'county');
      const own = await report('640521');
      const allocation = (
        await t
          .post(`/api/v1/warehouses/${store}/allocations`, zhongning.token)
          .send({ incidentId: own, items: [{ materialCode: TENT, quantity: 5 }] })
          .expect(201)
      ).body;
      await t
        .post(`/api/v1/warehouses/${store}/allocations/${allocation.allocationId}/ship`, zhongning.token)
        .send({})
        .expect(200);
      const city = await warehouse('640500', 'city');
      const cityAllocation = (
        await t
          .post(`/api/v1/warehouses/${city}/allocations`)
          .send({ incidentId: own, items: [{ materialCode: TENT, quantity: 5 }] })
          .expect(201)
      ).body;
      const length = await streamLength(`warehouse-${city}`);
      expect(
        (
          await t
            .post(`/api/v1/warehouses/${city}/allocations/${cityAllocation.allocationId}/cancel`, zhongning.token)
            .send({})
            .expect(404)
        ).body,
      ).toMatchObject({ code: 'WAREHOUSE_NOT_FOUND' });
      expect(await streamLength(`warehouse-${city}`)).toBe(length);
    });
  });

  describe('drill simulated allocations', () => {
    it("take a warehouse of the actor's jurisdictions or above, never another county's (404), and store nothing then", async () => {
      const coordinator = await t.user(['drill_coordinator'], '640521');
      const commander = await t.user(['commander'], '640521');
      const drill = (
        await t
          .post('/api/v1/drills', coordinator.token)
          .send({
            title: `县级演练 ${randomUUID().slice(0, 4)}`,
            form: 'tabletop',
            scope: 'single',
            jurisdiction: '640521',
          })
          .expect(201)
      ).body.id as string;
      await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
      const injected = (
        await t
          .post(`/api/v1/drills/${drill}/injects`, coordinator.token)
          .send({ kind: 'report_incident', payload: incidentBody({ jurisdiction: '640521' }) })
          .expect(201)
      ).body;
      const incidentId = (injected.injects as { incidentId: string }[]).at(-1)!.incidentId;
      const [sibling, city, own] = [
        await warehouse('640522', 'county'),
        await warehouse('640500', 'city'),
        await warehouse('640521', 'county'),
      ];
      const length = await streamLength(`incident-${incidentId}`);
      const refused = await t
        .post(`/api/v1/drills/${drill}/allocations`, commander.token)
        .send({ incidentId, warehouseId: sibling, items: [{ materialCode: TENT, quantity: 3 }] })
        .expect(404);
      expect(refused.body).toMatchObject({ code: 'WAREHOUSE_NOT_FOUND' });
      expect(await streamLength(`incident-${incidentId}`)).toBe(length);
      expect(
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from es_events where event_type = 'DrillAllocationRecorded' and data->>'warehouseId' = $1`,
            [sibling],
          )
        )[0]!.n,
      ).toBe(0);
      // The county's own reserve and the city's (above it) may be drawn on in the drill.
      await t
        .post(`/api/v1/drills/${drill}/allocations`, commander.token)
        .send({ incidentId, warehouseId: own, items: [{ materialCode: TENT, quantity: 3 }] })
        .expect(201);
      await t
        .post(`/api/v1/drills/${drill}/allocations`, coordinator.token)
        .send({ incidentId, warehouseId: city, items: [{ materialCode: TENT, quantity: 3 }] })
        .expect(201);
      // Real stock is never touched by a drill.
      expect((await t.get(`/api/v1/warehouses/${city}`).expect(200)).body.stock[0]).toMatchObject({
        onHand: 100,
        reserved: 0,
      });
    });
  });

  describe('evaluation findings', () => {
    const plan = (jurisdiction: string) => publishedPlan(t, admin.token, { jurisdiction });

    it("a county coordinator may drill the city's plan but not write a finding onto it (403 OUTSIDE_JURISDICTION), nothing stored", async () => {
      const coordinator = await t.user(['drill_coordinator'], '640521');
      const cityPlan = await plan('640500');
      const countyPlan = await plan('640521');
      const drill = (
        await t
          .post('/api/v1/drills', coordinator.token)
          .send({
            title: '县级演练检验市级预案',
            form: 'tabletop',
            scope: 'single',
            jurisdiction: '640521',
            planId: cityPlan,
          })
          .expect(201)
      ).body.id as string;
      const planLength = await streamLength(`plan-${cityPlan}`);
      const text = `越权记入市级预案 ${randomUUID().slice(0, 6)}`;
      const refused = await t
        .post(`/api/v1/drills/${drill}/evaluation/findings`, coordinator.token)
        .send({ text, planId: cityPlan })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
      expect(await streamLength(`plan-${cityPlan}`)).toBe(planLength);
      expect(
        (
          await t.sql<{ n: number }>(`select count(*)::int as n from es_events where data::text like $1`, [`%${text}%`])
        )[0]!.n,
      ).toBe(0);
      // Its own plan and a finding without a plan are fine.
      const countyLength = await streamLength(`plan-${countyPlan}`);
      await t
        .post(`/api/v1/drills/${drill}/evaluation/findings`, coordinator.token)
        .send({ text: '县级预案未明确警戒责任人', planId: countyPlan })
        .expect(201);
      await t
        .post(`/api/v1/drills/${drill}/evaluation/findings`, coordinator.token)
        .send({ text: '通信联络不畅' })
        .expect(201);
      expect(await streamLength(`plan-${countyPlan}`)).toBe(countyLength + 1);
      expect(
        (await t.get(`/api/v1/drills/${drill}/evaluation`, coordinator.token).expect(200)).body.findings,
      ).toHaveLength(2);
    });

    it("nor onto another county's drill (404 DRILL_NOT_FOUND)", async () => {
      const cityCoordinator = await t.user(['drill_coordinator'], '640500');
      const countyCoordinator = await t.user(['drill_coordinator'], '640521');
      const drill = (
        await t
          .post('/api/v1/drills', cityCoordinator.token)
          .send({ title: '市级演练', form: 'tabletop', scope: 'single', jurisdiction: '640500' })
          .expect(201)
      ).body.id as string;
      for (const path of ['findings', 'scores', 'rubric']) {
        const body =
          path === 'findings'
            ? { text: '越权' }
            : path === 'scores'
              ? { scores: [{ aspect: 'plan_fitness', score: 1 }] }
              : { aspects: [{ key: 'x', label: 'x', weight: 1, maxScore: 10 }] };
        expect(
          (await t.post(`/api/v1/drills/${drill}/evaluation/${path}`, countyCoordinator.token).send(body).expect(404))
            .body,
        ).toMatchObject({ code: 'DRILL_NOT_FOUND' });
      }
      expect(await streamLength(`evaluation-${drill}`)).toBe(0);
    });
  });

  describe('live feed of drills', () => {
    it("a county officer cannot subscribe to the city's drill (ack DRILL_NOT_FOUND, as for an unknown id) nor receive its incidents in the county", async () => {
      const cityDrill = await runningDrill(t, '640500');
      const countyDrill = await runningDrill(t, '640522');
      const officer = await t.user(['duty_officer'], '640522');
      expect((await t.get(`/api/v1/drills/${cityDrill}`, officer.token)).status).toBe(404);
      const county = await t.socket(officer.token);
      expect(await county.emitWithAck('subscribe', { drillId: cityDrill })).toEqual({
        ok: false,
        code: 'DRILL_NOT_FOUND',
        error: '演练不存在',
      });
      expect(await county.emitWithAck('subscribe', { drillId: randomUUID() })).toEqual({
        ok: false,
        code: 'DRILL_NOT_FOUND',
        error: '演练不存在',
      });
      const countySeen: string[] = [];
      county.on('incident.changed', (m: { data: { id: string } }) => countySeen.push(m.data.id));
      const city = await t.socket();
      expect(await city.emitWithAck('subscribe', { drillId: cityDrill })).toMatchObject({ ok: true });
      const citySeen: string[] = [];
      city.on('incident.changed', (m: { data: { id: string } }) => citySeen.push(m.data.id));
      const inCounty = await report('640522', { drillId: cityDrill });
      for (let i = 0; i < 100 && !citySeen.includes(inCounty); i++) await sleep(50);
      expect(citySeen).toContain(inCounty);
      await sleep(300);
      expect(countySeen).toEqual([]);
      // The officer's own county's drill is followed as before.
      const own = await t.socket(officer.token);
      expect(await own.emitWithAck('subscribe', { drillId: countyDrill })).toMatchObject({ ok: true });
    });
  });

  describe('replays', () => {
    it('one user holds at most REPLAYS_PER_USER running replays (409 REPLAY_QUOTA_EXCEEDED); others still get theirs', async () => {
      // An incident whose events lie seconds apart, so a replay at ×1 keeps running while the test goes on.
      const incidentId = await report('640500');
      await sleep(4000);
      await t.post(`/api/v1/incidents/${incidentId}/updates`).send({ measures: '设置警戒区' }).expect(200);
      const start = (token = t.commander.token) => t.post('/api/v1/replays', token).send({ incidentId, speed: 1 });
      const first = (await start().expect(201)).body.replayId as string;
      await start().expect(201);
      const refused = await start().expect(409);
      expect(refused.body).toMatchObject({ code: 'REPLAY_QUOTA_EXCEEDED' });
      // Another commander is not crowded out.
      const other = await t.user(['commander'], '640500');
      await start(other.token).expect(201);
      // Pausing makes room, but resuming is held to the same quota.
      await t.post(`/api/v1/replays/${first}/pause`).send({}).expect(200);
      await start().expect(201);
      expect((await t.post(`/api/v1/replays/${first}/resume`).send({}).expect(409)).body).toMatchObject({
        code: 'REPLAY_QUOTA_EXCEEDED',
      });
      expect((await t.get(`/api/v1/replays/${first}`).expect(200)).body).toMatchObject({ status: 'paused' });
    });

    it('only the user who started a replay may pause, resume or seek it; others who can see it only watch (403 REPLAY_NOT_OWNER), the rest get 404', async () => {
      const incidentId = await report('640522');
      await sleep(3000);
      await t.post(`/api/v1/incidents/${incidentId}/updates`).send({ measures: '设置警戒区' }).expect(200);
      const starter = await t.user(['commander'], '640500');
      const haiyuan = await t.user(['commander'], '640522');
      const zhongning = await t.user(['commander'], '640521');
      const replayId = (await t.post('/api/v1/replays', starter.token).send({ incidentId, speed: 1 }).expect(201)).body
        .replayId as string;
      const before = (await t.get(`/api/v1/replays/${replayId}`, starter.token).expect(200)).body as {
        status: string;
        speed: number;
      };
      expect(before.status).toBe('running');
      // Any instant: whether the caller may steer is decided before the instant is looked at.
      const reportedAt = new Date().toISOString();
      const steer = (token: string) => [
        t.post(`/api/v1/replays/${replayId}/pause`, token).send({}),
        t.post(`/api/v1/replays/${replayId}/resume`, token).send({}),
        t.post(`/api/v1/replays/${replayId}/seek`, token).send({ at: reportedAt }),
      ];
      for (const attempt of steer(haiyuan.token)) {
        const refused = await attempt;
        expect(refused.status).toBe(403);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'REPLAY_NOT_OWNER' });
      }
      for (const attempt of steer(zhongning.token))
        expect((await attempt).body).toMatchObject({ status: 404, code: 'REPLAY_NOT_FOUND' });
      // The county commander still watches it, and it runs on untouched.
      expect((await t.get(`/api/v1/replays/${replayId}`, haiyuan.token).expect(200)).body).toMatchObject({
        status: 'running',
      });
      const socket = await t.socket(haiyuan.token);
      const ack = (await socket.emitWithAck('subscribe', { replayId })) as { ok: boolean };
      expect(ack.ok).toBe(true);
      // The refusals are in the security log under the county commander's name.
      const logged = () =>
        t.sql<{ status: number; n: number }>(
          `select status, count(*)::int as n from security_events where kind = 'request_refused' and user_id = $1 group by status`,
          [haiyuan.id],
        );
      for (let i = 0; i < 40 && (await logged())[0]?.n !== 3; i++) await sleep(50);
      expect(await logged()).toEqual([{ status: 403, n: 3 }]);
      // The starter steers it.
      expect(
        (await t.post(`/api/v1/replays/${replayId}/pause`, starter.token).send({}).expect(200)).body,
      ).toMatchObject({ status: 'paused' });
    });
  });

  describe('hidden hazards', () => {
    it("another county can neither see nor touch a county's hidden hazard (404) nor record on its enterprise; nothing stored", async () => {
      const zhongning = await t.user(['commander'], '640521');
      const haiyuan = await t.user(['commander'], '640522');
      const enterpriseId = await registerEnterprise(t, admin.token, {
        jurisdiction: '640521',
        creditCode: freshCreditCode('640521'),
      });
      const hazard = await recordHiddenHazard(t, zhongning.token, majorHiddenHazardBody(enterpriseId, new Date()));
      const stream = `hiddenhazard-${hazard.id}`;
      const before = await streamLength(stream);
      const attempts = [
        t.get(`/api/v1/hidden-hazards/${hazard.id}`, haiyuan.token),
        t.post(`/api/v1/hidden-hazards/${hazard.id}/supervise`, haiyuan.token).send({ level: 'county' }),
        t.post(`/api/v1/hidden-hazards/${hazard.id}/rectify`, haiyuan.token).send({ note: '越权整改' }),
        t.post(`/api/v1/hidden-hazards/${hazard.id}/verify`, haiyuan.token).send({ passed: true, note: '越权' }),
        t.post(`/api/v1/hidden-hazards/${hazard.id}/close`, haiyuan.token).send({}),
      ];
      for (const attempt of attempts) {
        const refused = await attempt;
        expect(refused.status).toBe(404);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'HIDDEN_HAZARD_NOT_FOUND' });
      }
      // Not in its register, nor counted in its figures; the enterprise is as unknown to it as a forged one.
      const listed = (await t.get(`/api/v1/hidden-hazards?enterpriseId=${enterpriseId}`, haiyuan.token).expect(200))
        .body as { id: string }[];
      expect(listed).toEqual([]);
      await t.get('/api/v1/hidden-hazards/summary?jurisdiction=640521', haiyuan.token).expect(403);
      const recorded = await t
        .post('/api/v1/hidden-hazards', haiyuan.token)
        .send(hiddenHazardBody(enterpriseId, new Date()))
        .expect(422);
      expect(recorded.body.code).toBe('HIDDEN_HAZARD_ENTERPRISE_UNKNOWN');
      expect(await streamLength(stream)).toBe(before);
      // The county itself still acts on it.
      await t
        .post(`/api/v1/hidden-hazards/${hazard.id}/rectify`, zhongning.token)
        .send({ note: '整改完成' })
        .expect(200);
    });
  });

  describe('experts and consultations', () => {
    it("another county neither reads nor changes a county's expert, nor sees or answers its consultations; nothing stored", async () => {
      const zhongning = await t.user(['commander'], '640521');
      const haiyuan = await t.user(['commander'], '640522');
      const haiyuanAdmin = await t.user(['admin'], '640522');
      const expertId = await registerExpert(t, admin.token, { jurisdiction: '640521' });
      const incidentId = await report('640521', {}, zhongning.token);
      await t
        .post(`/api/v1/incidents/${incidentId}/experts`, zhongning.token)
        .send({ expertId, topic: '会商' })
        .expect(201);
      const stored = async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from es_events where stream_name like 'expert-%' or stream_name like 'consultation-%'`,
          )
        )[0]!.n;
      const before = await stored();
      const expertAttempts = [
        t.get(`/api/v1/experts/${expertId}`, haiyuan.token),
        patch(`/api/v1/experts/${expertId}`, haiyuanAdmin.token).send({ title: '越权修改' }),
        t.post(`/api/v1/experts/${expertId}/withdraw`, haiyuanAdmin.token).send({}),
      ];
      for (const attempt of expertAttempts) {
        const refused = await attempt;
        expect(refused.status).toBe(404);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'EXPERT_NOT_FOUND' });
      }
      const listed = (await t.get('/api/v1/experts', haiyuan.token).expect(200)).body as { id: string }[];
      expect(listed.map((e) => e.id)).not.toContain(expertId);
      // The incident's consultations are as unknown to it as the incident itself.
      const consultationAttempts = [
        t.get(`/api/v1/incidents/${incidentId}/experts`, haiyuan.token),
        t.get(`/api/v1/incidents/${incidentId}/expert-recommendations`, haiyuan.token),
        t.post(`/api/v1/incidents/${incidentId}/experts/${expertId}/accept`, haiyuan.token).send({}),
        t.post(`/api/v1/incidents/${incidentId}/experts/${expertId}/decline`, haiyuan.token).send({ note: '越权' }),
      ];
      for (const attempt of consultationAttempts) {
        const refused = await attempt;
        expect(refused.status).toBe(404);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(await stored()).toBe(before);
      // The county itself still answers the invitation.
      await t.post(`/api/v1/incidents/${incidentId}/experts/${expertId}/accept`, zhongning.token).send({}).expect(200);
    });
  });

  describe('shelters', () => {
    it("another county neither reads nor changes a county's shelter nor records its occupancy; nothing stored", async () => {
      const zhongning = await t.user(['commander'], '640521');
      const haiyuan = await t.user(['commander'], '640522');
      const haiyuanAdmin = await t.user(['admin'], '640522');
      const shelterId = await registerShelter(t, admin.token, { jurisdiction: '640521', capacity: 80 });
      const stream = `shelter-${shelterId}`;
      const before = await streamLength(stream);
      expect(before).toBeGreaterThan(0);
      const attempts = [
        t.get(`/api/v1/shelters/${shelterId}`, haiyuan.token),
        t.get(`/api/v1/shelters/${shelterId}/occupancy`, haiyuan.token),
        t.post(`/api/v1/shelters/${shelterId}/occupancy`, haiyuan.token).send({ occupants: 7 }),
        patch(`/api/v1/shelters/${shelterId}`, haiyuanAdmin.token).send({ capacity: 9000 }),
      ];
      for (const attempt of attempts) {
        const refused = await attempt;
        expect(refused.status).toBe(404);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'SHELTER_NOT_FOUND' });
      }
      const listed = (await t.get('/api/v1/shelters', haiyuan.token).expect(200)).body as { id: string }[];
      expect(listed.map((s) => s.id)).not.toContain(shelterId);
      // Nor can it name the county's incident on a shelter of its own.
      const own = await registerShelter(t, admin.token, { jurisdiction: '640522', capacity: 30 });
      const incidentId = await report('640521', {}, zhongning.token);
      const named = await t
        .post(`/api/v1/shelters/${own}/occupancy`, haiyuan.token)
        .send({ occupants: 3, incidentId })
        .expect(404);
      expect(named.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await streamLength(stream)).toBe(before);
      expect(await streamLength(`shelter-${own}`)).toBe(1);
      // The county itself still records the count.
      await t.post(`/api/v1/shelters/${shelterId}/occupancy`, zhongning.token).send({ occupants: 7 }).expect(200);
      expect(await streamLength(stream)).toBe(before + 1);
    });
  });

  describe('assessment targets', () => {
    it("another county neither reads nor sets a county's targets, and its own progress counts only itself; nothing stored", async () => {
      const zhongning = await t.user(['commander'], '640521');
      const haiyuan = await t.user(['commander'], '640522');
      await t
        .put('/api/v1/targets/640521/2026', zhongning.token)
        .send({ targets: [{ indicator: 'deaths', kind: 'ceiling', value: 4 }] })
        .expect(200);
      await report('640521', { occurredAt: '2026-06-01T10:00:00+08:00' });
      const before = await streamLength('targets-640521-2026');
      expect((await t.get('/api/v1/targets/640521/2026', haiyuan.token).expect(404)).body.code).toBe(
        'TARGETS_NOT_FOUND',
      );
      expect((await t.get('/api/v1/statistics/targets?jurisdiction=640521', haiyuan.token).expect(404)).body.code).toBe(
        'TARGETS_NOT_FOUND',
      );
      const put = await t
        .put('/api/v1/targets/640521/2026', haiyuan.token)
        .send({ targets: [{ indicator: 'deaths', kind: 'ceiling', value: 400 }] })
        .expect(403);
      expect(put.body.code).toBe('OUTSIDE_JURISDICTION');
      // Not even the city's own document: a level below may not set the level above.
      await t.put('/api/v1/targets/640500/2026', haiyuan.token).send({ targets: [] }).expect(403);
      expect(await streamLength('targets-640521-2026')).toBe(before);
      expect(await streamLength('targets-640500-2026')).toBe(0);
      // Haiyuan's own progress sees none of Zhongning's incidents, and its split shows no neighbour.
      await t
        .put('/api/v1/targets/640522/2026', haiyuan.token)
        .send({ targets: [{ indicator: 'incidents', kind: 'ceiling', value: 9 }] })
        .expect(200);
      // (Other cases of this suite report in Haiyuan too: compare before and after another Zhongning incident.)
      const own = async () =>
        (await t.get('/api/v1/statistics/targets?year=2026', haiyuan.token).expect(200)).body.targets[0].actual;
      const haiyuanBefore = await own();
      await report('640521', { occurredAt: '2026-06-02T10:00:00+08:00' });
      expect(await own()).toBe(haiyuanBefore);
      const doc = (await t.get('/api/v1/targets/640522/2026', haiyuan.token).expect(200)).body;
      expect(JSON.stringify(doc.split)).not.toContain('640521');
    });
  });
});
