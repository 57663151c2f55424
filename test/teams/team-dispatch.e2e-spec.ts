import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { teamBody } from '../support/resource-fixtures';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';
import { until } from '../support/eventually';

interface Pushed {
  position: string;
  data: { id: string; status?: string; assignedTeams?: { teamId: string; status: string; arrivedAt: string | null }[] };
}

describe('rescue teams: registration, dispatch and the incident link', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  const registerTeam = async () => (await t.post('/api/v1/teams', admin.token).send(teamBody()).expect(201)).body;
  const reportIncident = async () => (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body;

  it('registers an available team that GET /teams lists by specialty', async () => {
    const team = await registerTeam();
    expect(team).toMatchObject({ status: 'available', statusLabel: '待命', kindLabel: '专业救援队伍', revision: 0 });
    const listed = await t
      .get('/api/v1/teams')
      .query({ specialty: 'hazardous_chemicals', status: 'available' })
      .expect(200);
    expect(listed.body.map((x: { id: string }) => x.id)).toContain(team.id);
  });

  it('dispatches over HTTP; the console gets team.changed and incident.changed in position order', async () => {
    const team = await registerTeam();
    const incident = await reportIncident();
    const socket = await t.socket();
    const seen: { name: string; position: string; data: Pushed['data'] }[] = [];
    socket.on('team.changed', (m: Pushed) => seen.push({ name: 'team.changed', ...m }));
    socket.on('incident.changed', (m: Pushed) => seen.push({ name: 'incident.changed', ...m }));
    const dispatched = await t
      .post(`/api/v1/teams/${team.id}/dispatch`)
      .send({ incidentId: incident.id, task: '堵漏' })
      .expect(201);
    expect(dispatched.body).toMatchObject({ status: 'dispatched', incidentId: incident.id });
    await until(() =>
      seen.some(
        (m) => m.name === 'incident.changed' && m.data.id === incident.id && (m.data.assignedTeams ?? []).length > 0,
      ),
    );
    const mine = seen.filter((m) => m.data.id === team.id || m.data.id === incident.id);
    expect(mine[0]?.name).toBe('team.changed');
    const positions = mine.map((m) => m.position.split('/').map(Number) as [number, number]);
    const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(positions).toEqual(sorted);
    const board = await t.get(`/api/v1/incidents/${incident.id}`).expect(200);
    expect(board.body.assignedTeams).toEqual([
      expect.objectContaining({ teamId: team.id, status: 'dispatched', task: '堵漏' }),
    ]);
  });

  it('updates a team profile (admin) but not its jurisdiction; an empty update appends nothing', async () => {
    const team = await registerTeam();
    const empty = await request(t.baseUrl)
      .patch(`/api/v1/teams/${team.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({});
    expect(empty.status).toBe(200);
    expect(empty.body.revision).toBe(0);
    const patched = await request(t.baseUrl)
      .patch(`/api/v1/teams/${team.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ headcount: 30, specialties: ['fire', 'medical'] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ headcount: 30, specialties: ['fire', 'medical'], jurisdiction: '640571' });
    const moved = await request(t.baseUrl)
      .patch(`/api/v1/teams/${team.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ jurisdiction: '640500' });
    expect(moved.status).toBe(400);
    const byCommander = await request(t.baseUrl)
      .patch(`/api/v1/teams/${team.id}`)
      .set('Authorization', `Bearer ${t.commander.token}`)
      .send({ headcount: 1 });
    expect(byCommander.status).toBe(403);
  });

  it('refuses a busy team with 409 TEAM_NOT_AVAILABLE and an unknown incident with 404', async () => {
    const team = await registerTeam();
    const first = await reportIncident();
    const second = await reportIncident();
    await t.post(`/api/v1/teams/${team.id}/dispatch`).send({ incidentId: first.id }).expect(201);
    const busy = await t.post(`/api/v1/teams/${team.id}/dispatch`).send({ incidentId: second.id });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('TEAM_NOT_AVAILABLE');
    const unknown = await t.post(`/api/v1/teams/${team.id}/dispatch`).send({ incidentId: randomUUID() });
    expect(unknown.status).toBe(404);
  });

  it('50 concurrent dispatches of one team: exactly one 201 and 49 409s', async () => {
    const team = await registerTeam();
    const incidents = await Promise.all(Array.from({ length: 5 }, reportIncident));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.post(`/api/v1/teams/${team.id}/dispatch`).send({ incidentId: incidents[i % 5]!.id }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const events = await t.sql<{ n: string }>(
      `select count(*) as n from es_events where stream_name = $1 and event_type = 'TeamDispatched'`,
      [`team-${team.id}`],
    );
    expect(Number(events[0]!.n)).toBe(1);
  });

  it('records arrival on the incident and sends the teams back when the incident closes', async () => {
    const team = await registerTeam();
    const incident = await reportIncident();
    await t.post(`/api/v1/teams/${team.id}/dispatch`).send({ incidentId: incident.id }).expect(201);
    await t
      .post(`/api/v1/teams/${team.id}/status`)
      .send({ status: 'en_route', location: { lat: 37.52, lng: 105.16 } })
      .expect(200);
    await t.post(`/api/v1/teams/${team.id}/status`).send({ status: 'on_scene' }).expect(200);
    const illegal = await t.post(`/api/v1/teams/${team.id}/status`).send({ status: 'available' });
    expect(illegal.status).toBe(409);
    await until(
      async () => (await t.get(`/api/v1/incidents/${incident.id}`)).body.assignedTeams?.[0]?.arrivedAt !== null,
    );
    await t.post(`/api/v1/incidents/${incident.id}/close`).send({ summary: '处置完毕' }).expect(200);
    await until(async () => (await t.get(`/api/v1/teams/${team.id}`)).body.status === 'returning');
    const timeline = await t.get(`/api/v1/incidents/${incident.id}/timeline`).expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['TeamAssigned', 'AssignedTeamStatusChanged', 'IncidentClosed']),
    );
  });

  it('a county duty officer cannot see or dispatch another county’s team', async () => {
    const team = (
      await t
        .post('/api/v1/teams', admin.token)
        .send(teamBody({ jurisdiction: '640522' }))
        .expect(201)
    ).body;
    const county = await t.user(['commander'], '640521');
    expect((await t.get(`/api/v1/teams/${team.id}`, county.token)).status).toBe(404);
    const incident = (
      await t
        .post('/api/v1/incidents', county.token)
        .send(incidentBody({ jurisdiction: '640521' }))
        .expect(201)
    ).body;
    const dispatch = await t.post(`/api/v1/teams/${team.id}/dispatch`, county.token).send({ incidentId: incident.id });
    expect(dispatch.status).toBe(404);
    const socket = await t.socket(county.token);
    const changed = waitForMessage(socket, 'team.changed', 600).then(
      () => 'received',
      () => 'none',
    );
    await t.post(`/api/v1/teams/${team.id}/status`).send({ status: 'out_of_service' }).expect(200);
    expect(await changed).toBe('none');
  });
});
