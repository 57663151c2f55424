import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

interface AuditEntry {
  stream: string;
  type: string;
  recordedAt: string;
  actorId: string;
  actorName: string | null;
  actorRoles: string[];
  jurisdiction: string | null;
}

/** Who did what is answered from the stored events themselves, and those cannot be rewritten afterwards. */
describe('audit trail and immutable events', () => {
  let t: TestApp;
  let admin: TestUser; // of the city: sees the whole trail
  let duty: TestUser;
  let incidentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    duty = await t.user(['duty_officer'], '640521');
    incidentId = (
      await t
        .post('/api/v1/incidents', duty.token)
        .send(incidentBody({ jurisdiction: '640521' }))
        .expect(201)
    ).body.id;
    await t.post(`/api/v1/incidents/${incidentId}/updates`, duty.token).send({ measures: '疏散周边群众' }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const audit = async (query: Record<string, string>, token = admin.token): Promise<AuditEntry[]> =>
    (await t.get(`/api/v1/audit?${new URLSearchParams(query).toString()}`, token).expect(200)).body;

  it('every stored event of a signed-in user names the actor, its name and roles', async () => {
    const closer = await t.user(['commander'], '640521');
    await t.post(`/api/v1/incidents/${incidentId}/close`, closer.token).send({ summary: '处置完毕' }).expect(200);
    const { body: events } = await t.get(`/api/v1/incidents/${incidentId}/events`).expect(200);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'IncidentReported',
      'SituationUpdated',
      'IncidentClosed',
    ]);
    const actors = events.map((e: { metadata: Record<string, unknown> }) => ({
      id: e.metadata.actorId,
      name: e.metadata.actorName,
      roles: e.metadata.actorRoles,
    }));
    expect(actors).toEqual([
      { id: duty.id, name: duty.username, roles: ['duty_officer'] },
      { id: duty.id, name: duty.username, roles: ['duty_officer'] },
      { id: closer.id, name: closer.username, roles: ['commander'] },
    ]);
  });

  it('GET /audit?actor= finds what a user did, by name or by id', async () => {
    const byName = await audit({ actor: duty.username });
    expect(byName.map((e) => [e.type, e.stream])).toEqual([
      ['IncidentReported', `incident-${incidentId}`],
      ['SituationUpdated', `incident-${incidentId}`],
    ]);
    expect(byName[0]).toMatchObject({
      actorId: duty.id,
      actorName: duty.username,
      actorRoles: ['duty_officer'],
      jurisdiction: '640521',
    });
    expect(await audit({ actor: duty.id })).toEqual(byName);
    expect(await audit({ actor: `nobody-${randomUUID()}` })).toEqual([]);
  });

  it('user administration is in the trail too: UserCreated and UserDisabled, without passwords', async () => {
    const password = `pw-${randomUUID()}`;
    const created = await t
      .post('/api/v1/users', admin.token)
      .send({
        username: `a${randomUUID().slice(0, 8)}`,
        password,
        displayName: '审计对象',
        roles: ['viewer'],
        jurisdiction: '640502',
      })
      .expect(201);
    await t.post(`/api/v1/users/${created.body.id}/disable`, admin.token).expect(200);
    const entries = (await audit({ actor: admin.username })).filter((e) => e.stream === `user-${created.body.id}`);
    expect(entries.map((e) => e.type)).toEqual(['UserCreated', 'UserDisabled']);
    expect(entries.every((e) => e.actorId === admin.id && e.jurisdiction === '640502')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(password);
  });

  it('from (inclusive) and to (exclusive) narrow the trail by time', async () => {
    const [reported, updated] = await audit({ actor: duty.username });
    expect(Date.parse(updated!.recordedAt)).toBeGreaterThan(Date.parse(reported!.recordedAt));
    expect((await audit({ actor: duty.username, to: updated!.recordedAt })).map((e) => e.type)).toEqual([
      'IncidentReported',
    ]);
    expect((await audit({ actor: duty.username, from: updated!.recordedAt })).map((e) => e.type)).toEqual([
      'SituationUpdated',
    ]);
    expect(await audit({ actor: duty.username, from: reported!.recordedAt, to: reported!.recordedAt })).toEqual([]);
    expect(await audit({ actor: duty.username, from: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);
    await t.get('/api/v1/audit?from=yesterday', admin.token).expect(400);
  });

  it("a county administrator's trail stops at its county", async () => {
    const neighbourAdmin = await t.user(['admin'], '640522');
    expect(await audit({ actor: duty.username }, neighbourAdmin.token)).toEqual([]);
    const ownAdmin = await t.user(['admin'], '640521');
    expect((await audit({ actor: duty.username }, ownAdmin.token)).length).toBeGreaterThanOrEqual(2);
  });

  describe('the database refuses to rewrite history', () => {
    const stream = () => `incident-${incidentId}`;
    const rows = () =>
      t.sql<{ data: unknown }>(`select data from es_events where stream_name = $1 order by stream_revision`, [
        stream(),
      ]);

    test.each([
      ['UPDATE', `update es_events set data = '{"title":"篡改"}'::jsonb where stream_name = $1`],
      [
        'UPDATE of the metadata',
        `update es_events set metadata = metadata || '{"actorId":"someone-else"}'::jsonb where stream_name = $1`,
      ],
      ['DELETE', `delete from es_events where stream_name = $1`],
    ])('%s on es_events is refused', async (_, statement) => {
      const before = await rows();
      expect(before.length).toBeGreaterThan(0);
      await expect(t.sql(statement, [stream()])).rejects.toThrow(/immutable/);
      expect(await rows()).toEqual(before);
    });

    it('TRUNCATE on es_events is refused', async () => {
      await expect(t.sql(`truncate es_events cascade`)).rejects.toThrow(/immutable/);
      expect((await rows()).length).toBeGreaterThan(0);
    });
  });
});
