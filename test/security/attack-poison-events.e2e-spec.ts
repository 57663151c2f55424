import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

/**
 * Holding every read model back with one event: an event of a type no projection knows, or one a projection cannot
 * apply, written into the `incident-` category straight through the event store (a newer release, a bad import, a
 * hand-made repair). Before, the timeline retried its batch for ever and every command waiting on it hung. Now the
 * unknown type is skipped, the bad event is parked after three attempts, later incidents apply, /health says
 * `degraded` and an administrator retries the event once its cause is fixed.
 */
describe('attack: poison and unknown events in a projection category', () => {
  let t: TestApp;
  let admin: TestUser;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    await t?.close();
  });

  const metadata = () => ({
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actorId: 'import-script',
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  });
  const parked = async () =>
    (await t.get('/api/v1/admin/projections/parked', admin.token).expect(200)).body as {
      projection: string;
      eventId: string;
      eventType: string;
      attempts: number;
      error: string;
    }[];
  const timeline = async (id: string) =>
    (await t.get(`/api/v1/incidents/${id}/timeline`).expect(200)).body as { type: string }[];
  const metric = async (projection: string) => {
    const text = (await request(t.baseUrl).get('/metrics').expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith(`projection_parked_events{projection="${projection}"} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };

  it('an unknown type is skipped and a poison event parked; a later real incident applies, its command returns, /health is degraded', async () => {
    const stray = `incident-${randomUUID()}`;
    // The shape of the original fault: an unfamiliar type with no incidentId at all.
    const unknown = {
      id: randomUUID(),
      type: 'IncidentArchived',
      data: { archivedBy: 'import-script' },
      metadata: metadata(),
    };
    // A known type whose data no read model can take (an id that is not a UUID, no location, no casualties).
    const poison = {
      id: randomUUID(),
      type: 'IncidentReported',
      data: { incidentId: 'not-a-uuid', title: '导入的残缺记录' },
      metadata: metadata(),
    };
    await store.append(stray, [unknown, poison], 'no_stream');

    const started = Date.now();
    const { body: incident } = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    const waited = Date.now() - started;
    // Read-your-writes held: the board and the timeline show the new incident as soon as its command answered.
    expect((await t.get(`/api/v1/incidents/${incident.id}`).expect(200)).body).toMatchObject({
      id: incident.id,
      status: 'open',
    });
    expect((await timeline(incident.id)).map((e) => e.type)).toEqual(['IncidentReported']);
    expect(waited).toBeLessThan(10_000);

    const list = await parked();
    const poisoned = list.filter((p) => p.eventId === poison.id);
    expect(poisoned.map((p) => p.projection)).toEqual(expect.arrayContaining(['incident-board', 'incident-timeline']));
    for (const p of poisoned) expect(p).toMatchObject({ eventType: 'IncidentReported', attempts: 3 });
    // The unknown type was skipped by every projection, not parked.
    expect(list.some((p) => p.eventId === unknown.id)).toBe(false);
    // Nothing of either event reached the read models.
    expect(
      await t.sql(
        `select 1 from incident_timeline where position in (select transaction_id::text || '/' || global_position from es_events where stream_name = $1)`,
        [stray],
      ),
    ).toEqual([]);
    expect(await t.sql(`select 1 from incident_board where title = '导入的残缺记录'`)).toEqual([]);

    const health = await request(t.baseUrl).get('/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.info.projections.parkedEvents).toMatchObject({ 'incident-timeline': 1, 'incident-board': 1 });
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, eventStore: { status: 'up' } });
    expect(await metric('incident-timeline')).toBe(1);

    // A retry while the cause remains: refused as a problem, the event stays parked, nothing is written.
    const again = await t
      .post(`/api/v1/admin/projections/incident-timeline/parked/${poison.id}/retry`, admin.token)
      .send({});
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ code: 'PARKED_EVENT_STILL_FAILS' });
    expect((await parked()).find((p) => p.projection === 'incident-timeline' && p.eventId === poison.id)).toMatchObject(
      { attempts: 4 },
    );
    expect(
      await t.sql(
        `select 1 from incident_timeline where type = 'IncidentReported' and summary like '%导入的残缺记录%'`,
      ),
    ).toEqual([]);
  });

  it('a parked event applies on retry once its cause is fixed, and /health is ok again when nothing is parked', async () => {
    const { body: incident } = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    // A stray row left by a botched hand repair takes the place of the incident's next timeline line.
    await t.sql(
      `insert into incident_timeline (incident_id, stream, revision, event_id, jurisdiction, line, at, recorded_at, type,
         summary, actor, actor_id, drill_id, position)
       values ($1::uuid, 'incident-' || $1::text, 1, gen_random_uuid()::text, '640571', 99, now(), now(), 'Manual', '手工补录（错误）',
         'dba', 'dba', null, '0/0')`,
      [incident.id],
    );
    const update = await t.post(`/api/v1/incidents/${incident.id}/updates`).send({ measures: '关闭上游阀门' });
    expect(update.status).toBe(200);
    // The board applied the follow-up; the timeline parked it rather than stopping.
    await until(
      async () =>
        (await parked()).some((p) => p.projection === 'incident-timeline' && p.eventType === 'SituationUpdated'),
      10_000,
    );
    const stuck = (await parked()).find(
      (p) => p.projection === 'incident-timeline' && p.eventType === 'SituationUpdated',
    )!;
    expect(stuck.error).toMatch(/duplicate key/);
    const later = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    expect((await timeline(later.body.id)).map((e) => e.type)).toEqual(['IncidentReported']);

    // Someone without the permission cannot retry it.
    const commander = await t.user(['commander'], '640500');
    await t
      .post(`/api/v1/admin/projections/incident-timeline/parked/${stuck.eventId}/retry`, commander.token)
      .send({})
      .expect(403);
    // The fix: the stray row goes. The retry applies the real event.
    await t.sql(`delete from incident_timeline where incident_id = $1 and type = 'Manual'`, [incident.id]);
    const retried = await t
      .post(`/api/v1/admin/projections/incident-timeline/parked/${stuck.eventId}/retry`, admin.token)
      .send({});
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ applied: true, eventId: stuck.eventId });
    expect((await timeline(incident.id)).map((e) => e.type)).toEqual(['IncidentReported', 'SituationUpdated']);
    expect((await parked()).some((p) => p.eventId === stuck.eventId)).toBe(false);
    // A second retry finds nothing parked under that id.
    const twice = await t
      .post(`/api/v1/admin/projections/incident-timeline/parked/${stuck.eventId}/retry`, admin.token)
      .send({});
    expect(twice.status).toBe(404);
    expect(twice.body.code).toBe('PARKED_EVENT_NOT_FOUND');
    const unknownProjection = await t
      .post(`/api/v1/admin/projections/no-such/parked/${stuck.eventId}/retry`, admin.token)
      .send({});
    expect(unknownProjection.status).toBe(404);
    expect(unknownProjection.body.code).toBe('PROJECTION_NOT_FOUND');

    // The poison event of the first test cannot be fixed; once an operator has dealt with it (here: marked it resolved),
    // nothing is parked and /health is ok again.
    await t.sql(`update parked_events set resolved_at = now() where resolved_at is null`);
    const health = await request(t.baseUrl).get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(await metric('incident-timeline')).toBe(0);
  });

  it("an unknown type inside an incident's own stream: commands, the board, the timeline and state-at pass over it", async () => {
    const { body: incident } = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    // Written by a newer release (or by hand) at the stream's next revision, straight through the store.
    await store.append(
      `incident-${incident.id}`,
      [
        {
          id: randomUUID(),
          type: 'IncidentArchived',
          data: { incidentId: incident.id, archivedBy: 'x' },
          metadata: metadata(),
        },
      ],
      0n,
    );
    // The aggregate's state is folded without it (it used to become the state itself), so the follow-up is decided as usual.
    const update = await t.post(`/api/v1/incidents/${incident.id}/updates`).send({ measures: '设置警戒区' });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ id: incident.id, status: 'open' });
    expect((await timeline(incident.id)).map((e) => e.type)).toEqual(['IncidentReported', 'SituationUpdated']);
    const state = await t
      .get(`/api/v1/incidents/${incident.id}/state?at=${encodeURIComponent(new Date().toISOString())}`)
      .expect(200);
    expect(state.body).toMatchObject({ id: incident.id, status: 'open' });
    expect(state.body).toEqual((await t.get(`/api/v1/incidents/${incident.id}`).expect(200)).body);
    expect((await parked()).some((p) => p.eventType === 'IncidentArchived')).toBe(false);
  });
});
