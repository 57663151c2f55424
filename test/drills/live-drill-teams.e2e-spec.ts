import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src';
import { CommandExecutor } from '../../libs/event-sourcing/src';
import { CLOCK, type Clock } from '../../libs/shared/src';
import { DrillTeamsProcessManager } from '../../libs/drills/src';
import { TeamAvailabilityQueries, teamAggregate } from '../../libs/teams/src';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { registerTeam } from '../support/resource-fixtures';
import { incidentBody } from '../support/incident-fixtures';
import { drillBody } from './drill-fixtures';
import { eventually } from '../support/eventually';

describe('live drills take real teams out of service (in_drill)', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.user(['admin']);
    coordinator = await t.user(['drill_coordinator']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const newTeam = (): Promise<string> => registerTeam(t, admin.token);
  const runningDrill = async (form: 'live' | 'tabletop'): Promise<string> => {
    const id = (await t.post('/api/v1/drills', coordinator.token).send(drillBody({ form })).expect(201)).body.id;
    await t.post(`/api/v1/drills/${id}/start`, coordinator.token).send({}).expect(200);
    return id;
  };
  const team = async (id: string) => (await t.get(`/api/v1/teams/${id}`).expect(200)).body;
  const drillEvents = (drillId: string) =>
    t.sql<{ event_type: string; data: Record<string, unknown> }>(
      `select event_type, data from es_events where stream_name = $1 order by stream_revision`,
      [`drill-${drillId}`],
    );

  it('takes a team in, refuses its real dispatch, and gives it back when recalled', async () => {
    const drillId = await runningDrill('live');
    const teamId = await newTeam();
    const joined = await t.post(`/api/v1/drills/${drillId}/teams`, coordinator.token).send({ teamId }).expect(201);
    expect(joined.body.team).toMatchObject({
      id: teamId,
      status: 'in_drill',
      statusLabel: '参加演练',
      drillId,
      nextStatuses: [],
    });
    expect(await team(teamId)).toMatchObject({
      status: 'in_drill',
      statusLabel: '参加演练',
      drillId,
      incidentId: null,
    });
    expect((await drillEvents(drillId)).find((e) => e.event_type === 'TeamJoinedDrill')?.data).toMatchObject({
      drillId,
      teamId,
      at: expect.any(String),
    });

    // Not available: a real dispatch is refused, a status report cannot move it, recommendations skip it.
    const incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id;
    const refused = await t.post(`/api/v1/teams/${teamId}/dispatch`).send({ incidentId }).expect(409);
    expect(refused.body).toMatchObject({ code: 'TEAM_NOT_AVAILABLE', detail: expect.stringContaining('参加演练') });
    await t.post(`/api/v1/teams/${teamId}/status`).send({ status: 'available' }).expect(409);
    await t.post(`/api/v1/teams/${teamId}/status`).send({ status: 'in_drill' }).expect(400);
    const available = await t.get('/api/v1/teams').query({ status: 'available' }).expect(200);
    expect(available.body.map((x: { id: string }) => x.id)).not.toContain(teamId);
    const inDrill = await t.get('/api/v1/teams').query({ status: 'in_drill' }).expect(200);
    expect(inDrill.body.map((x: { id: string }) => x.id)).toContain(teamId);

    // Joining again changes nothing; another live drill cannot take it.
    await t.post(`/api/v1/drills/${drillId}/teams`, coordinator.token).send({ teamId }).expect(201);
    expect((await drillEvents(drillId)).filter((e) => e.event_type === 'TeamJoinedDrill')).toHaveLength(1);
    const other = await runningDrill('live');
    expect(
      (await t.post(`/api/v1/drills/${other}/teams`, coordinator.token).send({ teamId }).expect(409)).body.code,
    ).toBe('TEAM_NOT_AVAILABLE');

    // A commander recalls it for a real emergency: available again, and dispatchable.
    const recalled = await t.post(`/api/v1/drills/${drillId}/teams/${teamId}/recall`).send({}).expect(200);
    expect(recalled.body.team).toMatchObject({ status: 'available', drillId: null });
    expect((await drillEvents(drillId)).find((e) => e.event_type === 'TeamRecalledFromDrill')?.data).toMatchObject({
      drillId,
      teamId,
    });
    const released = await t.sql<{ data: { reason: string } }>(
      `select data from es_events where stream_name = $1 and event_type = 'TeamReleasedFromDrill'`,
      [`team-${teamId}`],
    );
    expect(released.map((e) => e.data.reason)).toEqual(['recalled']);
    expect((await t.post(`/api/v1/drills/${drillId}/teams/${teamId}/recall`).send({}).expect(409)).body.code).toBe(
      'TEAM_NOT_IN_DRILL',
    );
    await t.post(`/api/v1/teams/${teamId}/dispatch`).send({ incidentId }).expect(201);
  });

  it('releases every team still in the drill when it ends (process manager), once', async () => {
    const drillId = await runningDrill('live');
    const [a, b] = [await newTeam(), await newTeam()];
    await t.post(`/api/v1/drills/${drillId}/teams`, coordinator.token).send({ teamId: a }).expect(201);
    await t.post(`/api/v1/drills/${drillId}/teams`, coordinator.token).send({ teamId: b }).expect(201);
    await t.post(`/api/v1/drills/${drillId}/teams/${a}/recall`, coordinator.token).send({}).expect(200);
    await t.post(`/api/v1/drills/${drillId}/end`, coordinator.token).send({}).expect(200);
    await eventually(async () => (await team(b)).status === 'available');
    expect(await team(b)).toMatchObject({ status: 'available', drillId: null });
    const reasons = async (id: string) =>
      (
        await t.sql<{ data: { reason: string } }>(
          `select data from es_events where stream_name = $1 and event_type = 'TeamReleasedFromDrill' order by stream_revision`,
          [`team-${id}`],
        )
      ).map((e) => e.data.reason);
    expect(await reasons(b)).toEqual(['drill_ended']);
    expect(await reasons(a)).toEqual(['recalled']);
    // An ended drill takes no more teams and recalls none.
    expect(
      (
        await t
          .post(`/api/v1/drills/${drillId}/teams`, coordinator.token)
          .send({ teamId: await newTeam() })
          .expect(409)
      ).body.code,
    ).toBe('DRILL_NOT_RUNNING');
  });

  it('is idempotent under redelivery of DrillEnded, and releases a team whose join raced the end', async () => {
    const drillId = await runningDrill('live');
    const teamId = await newTeam();
    await t.post(`/api/v1/drills/${drillId}/teams`, coordinator.token).send({ teamId }).expect(201);
    await t.post(`/api/v1/drills/${drillId}/end`, coordinator.token).send({}).expect(200);
    await eventually(async () => (await team(teamId)).status === 'available');
    const store = t.app.get<EventStore>(EVENT_STORE);
    const clock = t.app.get<Clock>(CLOCK);
    const teamEvents = async () =>
      (
        await t.sql<{ n: number }>(`select count(*)::int as n from es_events where stream_name = $1`, [
          `team-${teamId}`,
        ])
      )[0]!.n;
    const before = await teamEvents();
    // Redeliver DrillEnded to a fresh process manager (as after a crash before its checkpoint): nothing new is appended.
    const ended = (await store.readStream(`drill-${drillId}`)).filter((e) => e.type === 'DrillEnded');
    const redelivered = new DrillTeamsProcessManager(
      new CommandExecutor({ store, clock }),
      t.app.get(TeamAvailabilityQueries),
    );
    await t.app.get(DataSource).transaction((manager) => redelivered.apply(redelivered.events.readAll(ended), manager));
    expect(await teamEvents()).toBe(before);
    // The team step of a join that landed after the drill ended (its drill record then refused): released anyway.
    await t.app.get(CommandExecutor).execute(
      teamAggregate,
      teamId,
      { type: 'TakeTeamIntoDrill', drillId, now: clock.now() },
      {
        correlationId: randomUUID(),
        causationId: randomUUID(),
        actorId: 'test',
      },
    );
    // Wait for the read model to have applied both new events (its revision), not just for the events to exist:
    // between the two it briefly shows the team in the drill.
    await eventually(async () => (await teamEvents()) === before + 2 && (await team(teamId)).revision === before + 1);
    expect(await team(teamId)).toMatchObject({ status: 'available', drillId: null });
  });

  it('refuses a tabletop drill (422 NOT_A_LIVE_DRILL), a drill not running (409) and a team outside the jurisdictions', async () => {
    const teamId = await newTeam();
    const tabletop = await runningDrill('tabletop');
    expect(
      (await t.post(`/api/v1/drills/${tabletop}/teams`, coordinator.token).send({ teamId }).expect(422)).body.code,
    ).toBe('NOT_A_LIVE_DRILL');
    const planned = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ form: 'live' }))
        .expect(201)
    ).body.id;
    expect(
      (await t.post(`/api/v1/drills/${planned}/teams`, coordinator.token).send({ teamId }).expect(409)).body.code,
    ).toBe('DRILL_NOT_RUNNING');
    const county = await t.user(['drill_coordinator'], '640521');
    const countyDrill = (
      await t
        .post('/api/v1/drills', county.token)
        .send(drillBody({ form: 'live', jurisdiction: '640521' }))
        .expect(201)
    ).body.id;
    await t.post(`/api/v1/drills/${countyDrill}/start`, county.token).send({}).expect(200);
    expect(
      (await t.post(`/api/v1/drills/${countyDrill}/teams`, county.token).send({ teamId }).expect(404)).body.code,
    ).toBe('TEAM_NOT_FOUND');
    expect(await team(teamId)).toMatchObject({ status: 'available', drillId: null });
  });
});
