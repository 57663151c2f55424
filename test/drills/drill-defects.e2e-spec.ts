import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { registerTeam } from '../support/resource-fixtures';
import { incidentBody } from '../support/incident-fixtures';
import { eventually } from '../support/eventually';
import type { DrillView } from '../../libs/drills/src/contract';
import { drillBody, drillIncidentPayload } from './drill-fixtures';

/**
 * Three drill defects, over HTTP with the real scheduler: a scripted inject that keeps failing is retried a bounded
 * number of times, reported and skipped while the rest of the script runs on time; a drill lists the real teams taken
 * into it; a tabletop drill records simulated arrivals, which the evaluation measures.
 */
describe('drills: failing injects, teams in the drill, simulated arrivals', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '100' });
    [admin, coordinator] = await Promise.all([t.user(['admin']), t.user(['drill_coordinator'])]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const drill = async (id: string): Promise<DrillView> =>
    (await t.get(`/api/v1/drills/${id}`, coordinator.token).expect(200)).body as DrillView;
  const start = async (body: Record<string, unknown>): Promise<string> => {
    const id = (await t.post('/api/v1/drills', coordinator.token).send(drillBody(body)).expect(201)).body.id as string;
    await t.post(`/api/v1/drills/${id}/start`, coordinator.token).send({}).expect(200);
    return id;
  };

  it('retries a failing inject three times, reports why, skips it, and runs the later ones on time', async () => {
    // Inject 1 updates an incident that is none of this drill's: it fails every time.
    const id = await start({
      scenario: {
        injects: [
          { atSecond: 600, kind: 'report_incident', payload: drillIncidentPayload() },
          { atSecond: 0, kind: 'update_situation', payload: { incidentId: randomUUID(), description: '伤亡上升' } },
          { atSecond: 1, kind: 'message', payload: { text: '风向转为东南风' } },
        ],
      },
    });
    const ran = await eventually(async () => {
      const view = await drill(id);
      return view.injects.some((i) => i.index === 2) && view.failedInjects.some((f) => f.skipped) && view;
    }, 15_000);
    expect(ran.failedInjects).toEqual([
      {
        index: 1,
        attempts: 3,
        reason: expect.stringContaining('演练'),
        code: 'NOT_A_DRILL_INCIDENT',
        lastFailedAt: expect.any(String),
        skipped: true,
      },
    ]);
    // The message due at +1 s ran within moments of its time, not after the failing one was sorted out by hand.
    const message = ran.injects.find((i) => i.index === 2)!;
    const late = Date.parse(message.executedAt) - (Date.parse(ran.startedAt!) + 1000);
    expect(late).toBeLessThan(3000);
    // Each attempt is an event naming the reason; the last one says the inject was given up.
    const failures = await t.sql<{ data: { attempt: number; skipped: boolean; reason: string } }>(
      `select data from es_events where stream_name = $1 and event_type = 'InjectFailed' order by stream_revision`,
      [`drill-${id}`],
    );
    expect(failures.map((f) => [f.data.attempt, f.data.skipped])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(ran.executed).toEqual([2]);
    // The given-up inject no longer holds the schedule: what is due next is the report at +600 s.
    expect(ran.nextDueAt).toBe(new Date(Date.parse(ran.startedAt!) + 600_000).toISOString());
    // It stays given up: no fourth attempt, however many ticks pass.
    await new Promise((r) => setTimeout(r, 500));
    expect((await drill(id)).failedInjects[0]!.attempts).toBe(3);
  }, 30_000);

  it('lists the real teams taken into a live drill, by name, with since and status', async () => {
    const id = await start({ form: 'live' });
    const [kept, recalled] = [
      await registerTeam(t, admin.token, { name: '市消防救援支队特勤站（参演）' }),
      await registerTeam(t, admin.token, { name: '园区危化品救援队（参演）' }),
    ];
    for (const teamId of [kept, recalled])
      await t.post(`/api/v1/drills/${id}/teams`, coordinator.token).send({ teamId }).expect(201);
    const listed = await eventually(async () => {
      const view = await drill(id);
      return view.teams.length === 2 && view;
    });
    expect(listed.teams).toEqual(
      expect.arrayContaining([
        {
          teamId: kept,
          name: '市消防救援支队特勤站（参演）',
          since: expect.any(String),
          status: 'in_drill',
          until: null,
        },
        {
          teamId: recalled,
          name: '园区危化品救援队（参演）',
          since: expect.any(String),
          status: 'in_drill',
          until: null,
        },
      ]),
    );
    await t.post(`/api/v1/drills/${id}/teams/${recalled}/recall`, coordinator.token).send({}).expect(200);
    await eventually(async () => (await drill(id)).teams.find((x) => x.teamId === recalled)?.status === 'recalled');
    await t.post(`/api/v1/drills/${id}/end`, coordinator.token).send({}).expect(200);
    const ended = await eventually(async () => {
      const view = await drill(id);
      return view.status === 'ended' && view;
    });
    expect(Object.fromEntries(ended.teams.map((x) => [x.teamId, x.status]))).toEqual({
      [kept]: 'released',
      [recalled]: 'recalled',
    });
    expect(ended.teams.every((x) => x.until !== null)).toBe(true);
    // The list of drills carries them too.
    const all = (await t.get('/api/v1/drills', coordinator.token).expect(200)).body as DrillView[];
    expect(all.find((d) => d.id === id)?.teams).toHaveLength(2);
  }, 30_000);

  it('records a simulated arrival on a tabletop drill incident, which the evaluation measures', async () => {
    const id = await start({});
    const incidentId = (
      await t
        .post(`/api/v1/drills/${id}/injects`, coordinator.token)
        .send({ kind: 'report_incident', payload: drillIncidentPayload() })
        .expect(201)
    ).body.injects.at(-1).incidentId as string;
    const [sent, notSent] = [await registerTeam(t, admin.token), await registerTeam(t, admin.token)];
    await t
      .post(`/api/v1/drills/${id}/dispatches`, coordinator.token)
      .send({ incidentId, teamId: sent, task: '堵漏' })
      .expect(201);
    // A team the drill did not send cannot arrive; a real incident takes no simulated arrival.
    const refused = await t
      .post(`/api/v1/drills/${id}/arrivals`, coordinator.token)
      .send({ incidentId, teamId: notSent })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'TEAM_NOT_DISPATCHED' });
    const real = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    const notDrill = await t
      .post(`/api/v1/drills/${id}/arrivals`, coordinator.token)
      .send({ incidentId: real, teamId: sent })
      .expect(422);
    expect(notDrill.body).toMatchObject({ code: 'NOT_A_DRILL_INCIDENT' });

    const arrived = await t
      .post(`/api/v1/drills/${id}/arrivals`, coordinator.token)
      .send({ incidentId, teamId: sent })
      .expect(201);
    expect(arrived.body.assignedTeams).toEqual([
      expect.objectContaining({ teamId: sent, status: 'on_scene', arrivedAt: expect.any(String), simulated: true }),
    ]);
    // The real team never moved.
    expect((await t.get(`/api/v1/teams/${sent}`).expect(200)).body).toMatchObject({ status: 'available' });
    const evaluation = await eventually(async () => {
      const body = (await t.get(`/api/v1/drills/${id}/evaluation`, coordinator.token).expect(200)).body;
      return body.incidents?.[0]?.reportToFirstArrivalSeconds !== null && body;
    });
    expect(evaluation.incidents[0]).toMatchObject({
      incidentId,
      reportToFirstDispatchSeconds: expect.any(Number),
      reportToFirstArrivalSeconds: expect.any(Number),
    });
    await t.post(`/api/v1/drills/${id}/end`, coordinator.token).send({}).expect(200);
    const after = await t
      .post(`/api/v1/drills/${id}/arrivals`, coordinator.token)
      .send({ incidentId, teamId: sent })
      .expect(409);
    expect(after.body).toMatchObject({ code: 'DRILL_NOT_RUNNING' });
  }, 30_000);
});
