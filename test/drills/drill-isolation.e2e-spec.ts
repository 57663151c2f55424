import { DataSource } from 'typeorm';
import { LIVE_DELTA_BUS } from '../../libs/event-sourcing/src/projections';
import { DeadlineAlarmScheduler } from '../../libs/incidents/src';
import { DrillScheduler } from '../../libs/drills/src';
import { CLOCK, JURISDICTIONS, ManualClock } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { drillBody, drillIncidentPayload } from './drill-fixtures';

const TENT = '1010101';

/** docs/domain.md rule 20: a whole drill with dispatches and allocations leaves real statistics, availability, stock and alarms unchanged. */
describe('drill data isolation', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  const start = new Date();
  const clock = new ManualClock(start);
  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '600000', DEADLINE_TICK_MS: '600000' }, { clock });
    coordinator = await t.user(['drill_coordinator']);
    admin = await t.user(['admin']);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Alarms a freshly started scheduler would raise now, at the given time (a new instance remembers nothing). */
  const alarmsAt = async (at: Date) => {
    clock.set(at);
    const scheduler = new DeadlineAlarmScheduler(
      t.app.get(DataSource),
      t.app.get(LIVE_DELTA_BUS),
      t.app.get(CLOCK),
      t.app.get(JURISDICTIONS),
      { tickMs: 600_000 },
    );
    return (await scheduler.tick())
      .map((d) => ({ name: d.name, scope: d.scope, data: d.data }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };
  const streamLength = async (stream: string) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where stream_name = $1`, [stream]))[0]!.n;

  it('a drill with simulated dispatches and allocations changes no real figure', async () => {
    // Real resources and a real incident whose county report is overdue.
    const teamId = await registerTeam(t, admin.token, {
      name: '中卫市危化品救援队',
      base: { address: '中卫市沙坡头区', lat: 37.5, lng: 105.2 },
      jurisdiction: '640500',
    });
    const warehouseId = await registerWarehouse(
      t,
      admin.token,
      { name: '中卫市应急物资储备库', location: { address: '中卫市', lat: 37.5, lng: 105.2 } },
      [{ materialCode: TENT, quantity: 50 }],
    );
    const real = (
      await t
        .post('/api/v1/incidents')
        .send(
          drillIncidentPayload({
            title: '真实事故',
            occurredAt: new Date(start.getTime() - 70 * 60_000).toISOString(),
          }),
        )
        .expect(201)
    ).body;
    // The team is out on the real incident: a drill that "dispatches" it and closes its drill incident must not recall it.
    await t.post(`/api/v1/teams/${teamId}/dispatch`).send({ incidentId: real.id }).expect(201);
    for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
      if ((await t.get(`/api/v1/incidents/${real.id}`).expect(200)).body.assignedTeams.length > 0) break;
    }

    // Read at the same instant before and after (default periods and alarms depend on the clock).
    const snapshot = async () => ({
      alarms: await alarmsAt(start),
      statistics: (await t.get('/api/v1/statistics?groupBy=category').expect(200)).body,
      compliance: (await t.get('/api/v1/compliance').expect(200)).body,
      availability: (await t.get('/api/v1/availability').expect(200)).body,
      warehouse: (await t.get(`/api/v1/warehouses/${warehouseId}`).expect(200)).body,
      team: (await t.get(`/api/v1/teams/${teamId}`).expect(200)).body,
      realIncident: (await t.get(`/api/v1/incidents/${real.id}`).expect(200)).body,
      teamEvents: await streamLength(`team-${teamId}`),
      warehouseEvents: await streamLength(`warehouse-${warehouseId}`),
    });
    const before = await snapshot();
    expect(before.alarms.map((a) => a.name)).toContain('deadline.overdue');

    // A whole drill: scripted report and a casualty rise (the grade rises: a new reporting obligation on the drill
    // incident), simulated dispatch and allocation of the real team and warehouse, a scriptless report, the end.
    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(
          drillBody({
            scenario: {
              injects: [
                {
                  atSecond: 0,
                  kind: 'report_incident',
                  payload: drillIncidentPayload({ occurredAt: new Date(start.getTime() - 70 * 60_000).toISOString() }),
                },
                {
                  atSecond: 60,
                  kind: 'update_situation',
                  payload: { incidentRef: 0, casualties: { deaths: 12 }, directLossYuan: 60_000_000 },
                },
              ],
            },
          }),
        )
        .expect(201)
    ).body;
    await t.post(`/api/v1/drills/${drill.id}/start`, coordinator.token).send({}).expect(200);
    const scheduler = t.app.get(DrillScheduler);
    expect(await scheduler.tick()).toEqual([{ drillId: drill.id, index: 0 }]);
    const incidentId = (await t.get(`/api/v1/drills/${drill.id}`, coordinator.token).expect(200)).body.injects[0]
      .incidentId as string;

    // Real actions on a drill incident stay refused; simulated ones are recorded on the drill incident only.
    expect((await t.post(`/api/v1/teams/${teamId}/dispatch`).send({ incidentId }).expect(422)).body.code).toBe(
      'DRILL_INCIDENT',
    );
    expect(
      (
        await t
          .post(`/api/v1/warehouses/${warehouseId}/allocations`)
          .send({ incidentId, items: [{ materialCode: TENT, quantity: 5 }] })
          .expect(422)
      ).body.code,
    ).toBe('DRILL_INCIDENT');
    const dispatched = (
      await t
        .post(`/api/v1/drills/${drill.id}/dispatches`)
        .send({ incidentId, teamId: teamId, task: '堵漏' })
        .expect(201)
    ).body;
    expect(dispatched.assignedTeams).toEqual([
      expect.objectContaining({ teamId: teamId, name: '中卫市危化品救援队', status: 'dispatched', simulated: true }),
    ]);
    const allocated = (
      await t
        .post(`/api/v1/drills/${drill.id}/allocations`, coordinator.token)
        .send({ incidentId, warehouseId: warehouseId, items: [{ materialCode: TENT, quantity: 30 }] })
        .expect(201)
    ).body;
    expect(allocated.allocations).toEqual([
      expect.objectContaining({
        warehouseId: warehouseId,
        items: [{ materialCode: TENT, quantity: 30 }],
        simulated: true,
      }),
    ]);
    // Simulated actions never land on a real incident.
    expect(
      (await t.post(`/api/v1/drills/${drill.id}/dispatches`).send({ incidentId: real.id, teamId: teamId }).expect(422))
        .body.code,
    ).toBe('NOT_A_DRILL_INCIDENT');
    expect(
      (
        await t
          .post(`/api/v1/drills/${drill.id}/allocations`)
          .send({ incidentId: real.id, warehouseId: warehouseId, items: [{ materialCode: TENT, quantity: 1 }] })
          .expect(422)
      ).body.code,
    ).toBe('NOT_A_DRILL_INCIDENT');
    // Bad input is a 400 problem.
    const bad = await t
      .post(`/api/v1/drills/${drill.id}/allocations`)
      .send({ incidentId, warehouseId: warehouseId, items: [{ materialCode: 'nope', quantity: 0 }] })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);

    clock.advance(60_000);
    expect(await scheduler.tick()).toEqual([{ drillId: drill.id, index: 1 }]);
    const drillIncident = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(drillIncident).toMatchObject({ drillId: drill.id, grade: 'serious', casualties: { deaths: 12 } });
    await t
      .post(`/api/v1/drills/${drill.id}/injects`, coordinator.token)
      .send({ kind: 'report_incident', payload: drillIncidentPayload({ title: '演练：次生事故' }) })
      .expect(201);
    await t.post(`/api/v1/incidents/${incidentId}/close`).send({ summary: '演练结束' }).expect(200);
    // The drill plays by the real rule (docs/domain.md rule 9): its closed incident takes no more simulated supplies.
    const late = await t
      .post(`/api/v1/drills/${drill.id}/allocations`, coordinator.token)
      .send({ incidentId, warehouseId, items: [{ materialCode: TENT, quantity: 1 }] })
      .expect(409);
    expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(late.body).toMatchObject({ code: 'INCIDENT_RESPONSE_ENDED', detail: expect.stringContaining('事故已结案') });
    await new Promise((r) => setTimeout(r, 500)); // the dispatch process manager reacts to closings asynchronously
    await t.post(`/api/v1/drills/${drill.id}/end`, coordinator.token).send({}).expect(200);

    const after = await snapshot();
    expect(after).toEqual(before);
    // The drill's own figures are there, under its id.
    const drillStats = (await t.get(`/api/v1/compliance?drillId=${drill.id}`).expect(200)).body;
    expect(drillStats.summary.total).toBeGreaterThan(0);
  });
});
