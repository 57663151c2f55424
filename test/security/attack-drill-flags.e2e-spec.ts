// Over 300 lines on purpose: one attack surface (forged drill data) per suite, its cases sharing one started app.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LIVE_DELTA_BUS } from '../../libs/event-sourcing/src/projections';
import { CommandExecutor } from '../../libs/event-sourcing/src';
import { DeadlineAlarmScheduler, incidentAggregate } from '../../libs/incidents/src';
import { DrillScheduler } from '../../libs/drills/src';
import { CLOCK, JURISDICTIONS } from '../../libs/shared/src';
import { incidentBody } from '../support/incident-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * Attack: a county duty officer (中宁县 640521, under the city 640500) hides a real accident by flagging it as drill
 * data (瞒报 with one field), writes into the city's drill and its evaluation, and issues warnings for drills that do
 * not exist. Each attempt must fail with nothing stored; the legitimate drill paths keep working.
 */
describe('attack: forged drill flags', () => {
  let t: TestApp;
  let attacker: TestUser;
  let countyCoordinator: TestUser;
  let cityCoordinator: TestUser;
  const drills: Record<'city' | 'county' | 'sibling' | 'planned' | 'ended', string> = {
    city: '',
    county: '',
    sibling: '',
    planned: '',
    ended: '',
  };

  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const plan = async (coordinator: TestUser, jurisdiction: string, extra: Record<string, unknown> = {}) =>
    (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send({ title: `演练 ${randomUUID().slice(0, 6)}`, form: 'tabletop', scope: 'single', jurisdiction, ...extra })
        .expect(201)
    ).body.id as string;
  const start = (id: string, coordinator: TestUser) =>
    t.post(`/api/v1/drills/${id}/start`, coordinator.token).send({}).expect(200);
  /** Every stored event that mentions the drill, in data or metadata. */
  const eventsOfDrill = async (drillId: string) =>
    (
      await t.sql<{ n: number }>(
        `select count(*)::int as n from es_events where data->>'drillId' = $1 or metadata->>'drillId' = $1`,
        [drillId],
      )
    )[0]!.n;
  const eventsTitled = async (title: string) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where data->>'title' = $1`, [title]))[0]!.n;
  const streamLength = async (stream: string) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where stream_name = $1`, [stream]))[0]!.n;
  /** What a freshly started deadline scheduler would announce now (a new instance remembers nothing). */
  const alarmedIncidents = async () => {
    const scheduler = new DeadlineAlarmScheduler(
      t.app.get(DataSource),
      t.app.get(LIVE_DELTA_BUS),
      t.app.get(CLOCK),
      t.app.get(JURISDICTIONS),
      { tickMs: 600_000 },
    );
    return (await scheduler.tick()).map((d) => (d.data as { incidentId: string }).incidentId);
  };
  const cityView = async () => ({
    board: ((await t.get('/api/v1/incidents').expect(200)).body as { id: string; title: string }[])
      .map((i) => i.title)
      .sort(),
    statistics: (await t.get('/api/v1/statistics?groupBy=total').expect(200)).body.totals,
    compliance: (await t.get('/api/v1/compliance').expect(200)).body.summary,
  });
  const evaluationIncidents = async (drillId: string, coordinator: TestUser) =>
    ((await t.get(`/api/v1/drills/${drillId}/evaluation`, coordinator.token).expect(200)).body.incidents as unknown[])
      .length;
  const accident = (overrides: Record<string, unknown> = {}) =>
    incidentBody({
      title: `石空镇化工厂爆炸 ${randomUUID().slice(0, 6)}`,
      jurisdiction: '640521',
      occurredAt: minutesAgo(70),
      casualties: { deaths: 12, missing: 0, seriousInjuries: 5, minorInjuries: 9, trapped: 0 },
      ...overrides,
    });

  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '600000', DEADLINE_TICK_MS: '600000' });
    attacker = await t.user(['duty_officer'], '640521');
    countyCoordinator = await t.user(['drill_coordinator'], '640521');
    cityCoordinator = await t.user(['drill_coordinator'], '640500');
    const siblingCoordinator = await t.user(['drill_coordinator'], '640522');
    drills.city = await plan(cityCoordinator, '640500');
    await start(drills.city, cityCoordinator);
    drills.county = await plan(countyCoordinator, '640521');
    await start(drills.county, countyCoordinator);
    drills.sibling = await plan(siblingCoordinator, '640522');
    await start(drills.sibling, siblingCoordinator);
    drills.planned = await plan(countyCoordinator, '640521');
    drills.ended = await plan(countyCoordinator, '640521');
    await start(drills.ended, countyCoordinator);
    await t.post(`/api/v1/drills/${drills.ended}/end`, countyCoordinator.token).send({}).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a 12-death accident flagged with a made-up drillId is refused (404 DRILL_NOT_FOUND) and stored nowhere', async () => {
    const before = await cityView();
    const forged = randomUUID();
    const body = accident({ drillId: forged });
    const refused = await t.post('/api/v1/incidents', attacker.token).send(body).expect(404);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'DRILL_NOT_FOUND' });
    expect(await eventsOfDrill(forged)).toBe(0);
    expect(await eventsTitled(body.title as string)).toBe(0);
    expect(await cityView()).toEqual(before);
  });

  it("a real drill the officer does not take part in is not found: the city's (parent) and a sibling county's", async () => {
    const cityEvents = await eventsOfDrill(drills.city);
    const siblingEvents = await eventsOfDrill(drills.sibling);
    for (const drillId of [drills.city, drills.sibling]) {
      const body = accident({ drillId });
      expect((await t.post('/api/v1/incidents', attacker.token).send(body).expect(404)).body).toMatchObject({
        code: 'DRILL_NOT_FOUND',
      });
      expect(await eventsTitled(body.title as string)).toBe(0);
    }
    // The city drill and its evaluation are untouched (the evaluation reads the drill's incidents by drill id).
    expect(await eventsOfDrill(drills.city)).toBe(cityEvents);
    expect(await eventsOfDrill(drills.sibling)).toBe(siblingEvents);
    expect(await evaluationIncidents(drills.city, cityCoordinator)).toBe(0);
    // The officer cannot read that drill either: the same 404 whether it exists or not.
    await t.get(`/api/v1/drills/${drills.city}`, attacker.token).expect(404);
  });

  it('a drill that is planned but not started, or already ended, takes no data (409 DRILL_NOT_RUNNING)', async () => {
    for (const drillId of [drills.planned, drills.ended]) {
      const before = await eventsOfDrill(drillId);
      const body = accident({ drillId });
      const refused = await t.post('/api/v1/incidents', attacker.token).send(body).expect(409);
      expect(refused.body).toMatchObject({ code: 'DRILL_NOT_RUNNING' });
      expect(await eventsTitled(body.title as string)).toBe(0);
      expect(await eventsOfDrill(drillId)).toBe(before);
    }
  });

  it("drill data lies inside the drill's jurisdiction: a city officer cannot file a 海原县 incident under 中宁县's drill (422)", async () => {
    const cityOfficer = await t.user(['duty_officer'], '640500');
    const body = accident({ jurisdiction: '640522', drillId: drills.county });
    expect((await t.post('/api/v1/incidents', cityOfficer.token).send(body).expect(422)).body).toMatchObject({
      code: 'DRILL_JURISDICTION_MISMATCH',
    });
    expect(await eventsTitled(body.title as string)).toBe(0);
  });

  it("the real report stays on the city commander's board, in statistics and in deadline alarms", async () => {
    const before = await cityView();
    const real = (await t.post('/api/v1/incidents', attacker.token).send(accident()).expect(201)).body;
    expect(real).toMatchObject({ drillId: null, grade: 'serious' });
    const after = await cityView();
    expect(after.board).toContain(real.title);
    expect(after.statistics.incidents).toBe(before.statistics.incidents + 1);
    expect(after.statistics.deaths).toBe(before.statistics.deaths + 12);
    expect(after.compliance.total).toBeGreaterThan(before.compliance.total);
    expect(await alarmedIncidents()).toContain(real.id);
  });

  it("a duty officer of the drill's own jurisdiction still takes part: drill incident, follow-up, drill warning", async () => {
    const body = accident({ title: `演练：储罐泄漏 ${randomUUID().slice(0, 6)}`, drillId: drills.county });
    const drillIncident = (await t.post('/api/v1/incidents', attacker.token).send(body).expect(201)).body;
    expect(drillIncident).toMatchObject({ drillId: drills.county });
    await t
      .post(`/api/v1/incidents/${drillIncident.id}/updates`, attacker.token)
      .send({ casualties: { deaths: 13 } })
      .expect(200);
    expect(await evaluationIncidents(drills.county, countyCoordinator)).toBe(1);
    // Drill data never reaches the real board, statistics or alarms.
    expect((await cityView()).board).not.toContain(body.title);
    expect(await alarmedIncidents()).not.toContain(drillIncident.id);
    const warning = await t
      .post('/api/v1/warnings', attacker.token)
      .send(warningBody({ drillId: drills.county }))
      .expect(201);
    expect(warning.body).toMatchObject({ drillId: drills.county });
  });

  it('a county officer cannot change the city drill through follow-ups on its incidents in the county (404)', async () => {
    // The city drill's own inject puts an incident into the county; the county watch sees it, but the drill is not its.
    const injected = (
      await t
        .post(`/api/v1/drills/${drills.city}/injects`, cityCoordinator.token)
        .send({
          kind: 'report_incident',
          payload: incidentBody({ title: `市级演练：县内泄漏 ${randomUUID().slice(0, 6)}`, jurisdiction: '640521' }),
        })
        .expect(201)
    ).body;
    const incidentId = (injected.injects as { incidentId: string | null }[]).at(-1)!.incidentId!;
    const length = await streamLength(`incident-${incidentId}`);
    const evaluation = (await t.get(`/api/v1/drills/${drills.city}/evaluation`, cityCoordinator.token).expect(200))
      .body;
    expect(
      (
        await t
          .post(`/api/v1/incidents/${incidentId}/updates`, attacker.token)
          .send({ casualties: { deaths: 30 } })
          .expect(404)
      ).body,
    ).toMatchObject({ code: 'DRILL_NOT_FOUND' });
    expect(
      (
        await t
          .post(`/api/v1/incidents/${incidentId}/reports`, attacker.token)
          .send({ toLevel: 'county', channel: '电话' })
          .expect(404)
      ).body,
    ).toMatchObject({ code: 'DRILL_NOT_FOUND' });
    expect(await streamLength(`incident-${incidentId}`)).toBe(length);
    expect((await t.get(`/api/v1/drills/${drills.city}/evaluation`, cityCoordinator.token).expect(200)).body).toEqual(
      evaluation,
    );
  });

  it('after a drill ends its incidents take no more follow-ups (409), and nothing is appended', async () => {
    const drillId = await plan(countyCoordinator, '640521');
    await start(drillId, countyCoordinator);
    const incident = (await t.post('/api/v1/incidents', attacker.token).send(accident({ drillId })).expect(201)).body;
    await t.post(`/api/v1/drills/${drillId}/end`, countyCoordinator.token).send({}).expect(200);
    const length = await streamLength(`incident-${incident.id}`);
    expect(
      (
        await t
          .post(`/api/v1/incidents/${incident.id}/updates`, attacker.token)
          .send({ casualties: { deaths: 0 } })
          .expect(409)
      ).body,
    ).toMatchObject({ code: 'DRILL_NOT_RUNNING' });
    expect(await streamLength(`incident-${incident.id}`)).toBe(length);
  });

  it('warnings: a made-up, out-of-scope, planned or ended drill is refused and no warning is stored', async () => {
    const cases: [string, number, string][] = [
      [randomUUID(), 404, 'DRILL_NOT_FOUND'],
      [drills.city, 404, 'DRILL_NOT_FOUND'],
      [drills.sibling, 404, 'DRILL_NOT_FOUND'],
      [drills.planned, 409, 'DRILL_NOT_RUNNING'],
      [drills.ended, 409, 'DRILL_NOT_RUNNING'],
    ];
    for (const [drillId, status, code] of cases) {
      const body = warningBody({ drillId });
      expect((await t.post('/api/v1/warnings', attacker.token).send(body).expect(status)).body).toMatchObject({ code });
      const stored = await t.sql<{ n: number }>(
        `select count(*)::int as n from es_events where category = 'warning' and data->>'message' = $1`,
        [body.message],
      );
      expect(stored[0]!.n).toBe(0);
    }
    // A drill coordinator (who may issue drill warnings only) gets the same answers.
    expect(
      (
        await t
          .post('/api/v1/warnings', countyCoordinator.token)
          .send(warningBody({ drillId: randomUUID() }))
          .expect(404)
      ).body,
    ).toMatchObject({ code: 'DRILL_NOT_FOUND' });
  });

  it('nothing real moves into a drill: simulated dispatch or allocation and injects refuse a real incident', async () => {
    const real = (await t.post('/api/v1/incidents', attacker.token).send(accident()).expect(201)).body;
    const length = await streamLength(`incident-${real.id}`);
    const admin = await t.user(['admin'], '640521');
    const teamId = await registerTeam(t, admin.token, {
      base: { address: '中宁县', lat: 37.48, lng: 105.68 },
      jurisdiction: '640521',
    });
    const dispatch = await t
      .post(`/api/v1/drills/${drills.county}/dispatches`, countyCoordinator.token)
      .send({ incidentId: real.id, teamId })
      .expect(422);
    expect(dispatch.body).toMatchObject({ code: 'NOT_A_DRILL_INCIDENT' });
    const store = await registerWarehouse(t, admin.token, {
      level: 'county',
      location: { address: '中宁县', lat: 37.48, lng: 105.68 },
      jurisdiction: '640521',
    });
    const allocation = await t
      .post(`/api/v1/drills/${drills.county}/allocations`, countyCoordinator.token)
      .send({ incidentId: real.id, warehouseId: store, items: [{ materialCode: '1010101', quantity: 1 }] })
      .expect(422);
    expect(allocation.body).toMatchObject({ code: 'NOT_A_DRILL_INCIDENT' });
    const inject = await t
      .post(`/api/v1/drills/${drills.county}/injects`, countyCoordinator.token)
      .send({ kind: 'update_situation', payload: { incidentId: real.id, casualties: { deaths: 0 } } })
      .expect(422);
    expect(inject.body).toMatchObject({ code: 'NOT_A_DRILL_INCIDENT' });
    expect(await streamLength(`incident-${real.id}`)).toBe(length);
    expect((await t.get(`/api/v1/incidents/${real.id}`).expect(200)).body).toMatchObject({
      drillId: null,
      casualties: { deaths: 12 },
    });
  });

  it("even a system command on a drill's behalf cannot touch a real incident: the incident's stream decides", async () => {
    const real = (await t.post('/api/v1/incidents', attacker.token).send(accident()).expect(201)).body;
    const length = await streamLength(`incident-${real.id}`);
    const executor = t.app.get(CommandExecutor);
    const correlationId = randomUUID();
    await expect(
      executor.execute(
        incidentAggregate,
        real.id,
        {
          type: 'RecordDrillAllocation',
          allocationId: randomUUID(),
          warehouseId: randomUUID(),
          items: [{ materialCode: '1010101', quantity: 1 }],
          now: new Date(),
        },
        {
          correlationId,
          causationId: correlationId,
          actorId: 'system:test',
          drillId: drills.county,
        },
      ),
    ).rejects.toMatchObject({ code: 'NOT_A_DRILL_INCIDENT' });
    expect(await streamLength(`incident-${real.id}`)).toBe(length);
  });

  it("drill warnings: a county officer cannot adjust or lift the city drill's warning in the county (404); none after the drill ends (409)", async () => {
    const cityOfficer = await t.user(['duty_officer'], '640500');
    const cityWarning = (
      await t
        .post('/api/v1/warnings', cityOfficer.token)
        .send(warningBody({ drillId: drills.city }))
        .expect(201)
    ).body.id as string;
    const length = await streamLength(`warning-${cityWarning}`);
    expect(
      (await t.post(`/api/v1/warnings/${cityWarning}/lift`, attacker.token).send({ reason: '解除' }).expect(404)).body,
    ).toMatchObject({ code: 'DRILL_NOT_FOUND' });
    expect(
      (await t.post(`/api/v1/warnings/${cityWarning}/updates`, attacker.token).send({ level: 'blue' }).expect(404))
        .body,
    ).toMatchObject({ code: 'DRILL_NOT_FOUND' });
    expect(await streamLength(`warning-${cityWarning}`)).toBe(length);

    const drillId = await plan(countyCoordinator, '640521');
    await start(drillId, countyCoordinator);
    const warning = (await t.post('/api/v1/warnings', attacker.token).send(warningBody({ drillId })).expect(201)).body
      .id as string;
    await t.post(`/api/v1/warnings/${warning}/updates`, attacker.token).send({ level: 'red' }).expect(200);
    await t.post(`/api/v1/drills/${drillId}/end`, countyCoordinator.token).send({}).expect(200);
    const ended = await streamLength(`warning-${warning}`);
    expect(
      (await t.post(`/api/v1/warnings/${warning}/updates`, attacker.token).send({ level: 'blue' }).expect(409)).body,
    ).toMatchObject({ code: 'DRILL_NOT_RUNNING' });
    expect(await streamLength(`warning-${warning}`)).toBe(ended);
  });

  it('coordinators still create drill data: a scriptless inject and a scripted one run by the scheduler', async () => {
    const manual = (
      await t
        .post(`/api/v1/drills/${drills.county}/injects`, countyCoordinator.token)
        .send({
          kind: 'report_incident',
          payload: incidentBody({ title: `演练：县级注入 ${randomUUID().slice(0, 6)}`, jurisdiction: '640521100' }),
        })
        .expect(201)
    ).body;
    const manualId = (manual.injects as { incidentId: string | null }[]).at(-1)!.incidentId!;
    expect((await t.get(`/api/v1/incidents/${manualId}`, countyCoordinator.token).expect(200)).body).toMatchObject({
      drillId: drills.county,
      jurisdiction: '640521100',
    });

    const scripted = await plan(countyCoordinator, '640521', {
      scenario: {
        injects: [
          {
            atSecond: 0,
            kind: 'report_incident',
            payload: incidentBody({ title: `演练：脚本注入 ${randomUUID().slice(0, 6)}`, jurisdiction: '640521' }),
          },
        ],
      },
    });
    await start(scripted, countyCoordinator);
    expect(await t.app.get(DrillScheduler).tick()).toContainEqual({ drillId: scripted, index: 0 });
    const incidentId = (await t.get(`/api/v1/drills/${scripted}`, countyCoordinator.token).expect(200)).body.injects[0]
      .incidentId as string;
    expect((await t.get(`/api/v1/incidents/${incidentId}`, countyCoordinator.token).expect(200)).body).toMatchObject({
      drillId: scripted,
    });
  });

  it("a drill script whose incident lies outside the drill's jurisdiction is refused when planned (422), nothing stored", async () => {
    const title = `越界脚本演练 ${randomUUID().slice(0, 6)}`;
    const refused = await t
      .post('/api/v1/drills', cityCoordinator.token)
      .send({
        title,
        form: 'tabletop',
        scope: 'single',
        jurisdiction: '640521',
        scenario: {
          injects: [{ atSecond: 0, kind: 'report_incident', payload: incidentBody({ jurisdiction: '640522' }) }],
        },
      })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'DRILL_JURISDICTION_MISMATCH' });
    expect(await eventsTitled(title)).toBe(0);
  });
});

function warningBody(overrides: Record<string, unknown> = {}) {
  return {
    level: 'orange',
    hazard: '危险化学品泄漏',
    jurisdiction: '640521',
    area: { description: '中宁县石空工业园区周边 2 公里' },
    message: `演练预警 ${randomUUID().slice(0, 8)}`,
    effective: new Date().toISOString(),
    expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    ...overrides,
  };
}
