import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { auditQuery } from '../../libs/identity/src/audit/audit-trail.queries';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

/**
 * Leaving no trace: sign-ins, failures, delays, renewals, sign-outs, refused writes, exports and replays must be in a
 * durable log nobody can rewrite; a client's correlation id must not be stored as it came; the audit trail must not
 * walk the whole event log.
 */
describe('attack: security events', () => {
  let t: TestApp;
  let cityAdmin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    cityAdmin = await t.user(['admin'], '640500');
  });
  afterAll(async () => {
    await t?.close();
  });

  type View = {
    kind: string;
    userId: string | null;
    jurisdiction: string | null;
    path: string | null;
    status: number | null;
    details: Record<string, unknown>;
  };
  const securityLog = async (query: string, token = cityAdmin.token): Promise<View[]> =>
    (await t.get(`/api/v1/audit/security?${query}`, token).expect(200)).body;

  it('records sign-ins, failures, delays, renewals, sign-outs, refused writes, exports and replays; an administrator reads them by user and kind', async () => {
    const duty = await t.user(['duty_officer'], '640521');
    await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: duty.username, password: 'wrong-password' })
      .expect(401);
    const signed = (
      await request(t.baseUrl)
        .post('/api/v1/auth/login')
        .send({ username: duty.username, password: duty.password })
        .expect(200)
    ).body;
    const renewed = (
      await request(t.baseUrl).post('/api/v1/auth/refresh').send({ refreshToken: signed.refreshToken }).expect(200)
    ).body;
    // A write the duty officer may not make (closing is a commander's), and one on an incident it cannot see.
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    await t.post(`/api/v1/incidents/${incident}/close`, renewed.accessToken).send({ summary: '越权结案' }).expect(403);
    await t
      .post(`/api/v1/incidents/${randomUUID()}/updates`, renewed.accessToken)
      .send({ measures: '不存在的事故' })
      .expect(404);
    await t.get('/api/v1/statistics?format=csv', renewed.accessToken).expect(200);
    await t.post('/api/v1/auth/logout', renewed.accessToken).send({}).expect(204);
    await t.post('/api/v1/replays').send({ incidentId: incident, speed: 1 }).expect(201);

    const mine = await securityLog(`userId=${duty.id}`);
    const kinds = mine.map((e) => e.kind);
    for (const kind of ['sign_in', 'sign_in_failed', 'refresh', 'request_refused', 'export', 'sign_out'])
      expect(kinds).toContain(kind);
    expect(
      mine
        .filter((e) => e.kind === 'request_refused')
        .map((e) => e.status)
        .sort(),
    ).toEqual([403, 404]);
    expect(mine.find((e) => e.kind === 'export')).toMatchObject({
      jurisdiction: '640521',
      details: { export: 'statistics_csv' },
    });
    const refused = await securityLog(`userId=${duty.id}&kind=request_refused`);
    expect(refused.every((e) => e.kind === 'request_refused')).toBe(true);
    expect(refused).toHaveLength(2);
    const replays = await securityLog(`userId=${t.commander.id}&kind=replay_started`);
    expect(replays).toHaveLength(1);
    // Newest first, and bounded by time.
    const future = await securityLog(
      `userId=${duty.id}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(future).toEqual([]);
    // Bursts of failures show as delays.
    for (let i = 0; i < 6; i++)
      await request(t.baseUrl)
        .post('/api/v1/auth/login')
        .send({ username: duty.username, password: `wrong-${i}` });
    expect((await securityLog(`kind=sign_in_delayed`)).some((e) => e.userId === null)).toBe(true);
  });

  it("an administrator sees only its jurisdictions' events (and those that have none)", async () => {
    const neighbour = await t.user(['viewer'], '640522');
    await t
      .post('/api/v1/incidents', neighbour.token)
      .send(incidentBody({ jurisdiction: '640522' }))
      .expect(403);
    const countyAdmin = await t.user(['admin'], '640521');
    const seen = await securityLog(`userId=${neighbour.id}`, countyAdmin.token);
    expect(seen).toEqual([]);
    const city = await securityLog(`userId=${neighbour.id}`);
    expect(city.map((e) => e.kind)).toEqual(expect.arrayContaining(['sign_in', 'request_refused']));
    // Not an administrator: refused, and the refusal itself is recorded.
    await t.get('/api/v1/audit/security', neighbour.token).expect(403);
  });

  test.each([
    ['an unknown kind', 'kind=drop_table'],
    ['a malformed user id', 'userId=1%20or%201=1'],
    ['a malformed time', 'from=yesterday'],
    ['a huge limit', 'limit=100000'],
  ])('GET /audit/security with %s → 400 problem+json', async (_, query) => {
    const response = await t.get(`/api/v1/audit/security?${query}`, cityAdmin.token);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('the log cannot be rewritten: no UPDATE, no DELETE of rows younger than 180 days, no TRUNCATE', async () => {
    const [row] = await t.sql<{ id: string }>(`select id::text from security_events order by id desc limit 1`);
    await expect(t.sql(`update security_events set kind = 'sign_in' where id = $1`, [row!.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql(`delete from security_events where id = $1`, [row!.id])).rejects.toThrow(/append-only/);
    await expect(t.sql(`truncate security_events`)).rejects.toThrow(/append-only/);
    expect(await t.sql(`select 1 from security_events where id = $1`, [row!.id])).toHaveLength(1);
    // Retention may remove what is older than 180 days, and only that.
    const [old] = await t.sql<{ id: string }>(
      `insert into security_events (at, kind) values (now() - interval '181 days', 'sign_in') returning id::text`,
    );
    await t.sql(`delete from security_events where id = $1`, [old!.id]);
    expect(await t.sql(`select 1 from security_events where id = $1`, [old!.id])).toEqual([]);
  });

  test.each([
    ['markup', '<script>alert(1)</script>'],
    ['a log-line forgery', 'abc\tlevel=error msg=forged'],
    ['a path', '../../../../etc/passwd'],
    ['too long', 'a'.repeat(65)],
    ['too short', 'abc'],
  ])('a client correlation id that is %s is replaced by a fresh UUID, also in the stored event', async (_, given) => {
    const response = await t.post('/api/v1/incidents').set('X-Correlation-Id', given).send(incidentBody());
    expect(response.status).toBe(201);
    const id = String(response.headers['x-correlation-id']);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const stored = await t.sql<{ c: string }>(
      `select metadata ->> 'correlationId' as c from es_events where stream_name = $1`,
      [`incident-${response.body.id}`],
    );
    expect(stored.map((s) => s.c)).toEqual([id]);
  });

  it('a well-formed correlation id (a UUID or a short safe token) is kept', async () => {
    for (const given of [randomUUID(), 'console-7f3a9b21']) {
      const response = await t
        .post('/api/v1/incidents')
        .set('X-Correlation-Id', given)
        .send(incidentBody())
        .expect(201);
      expect(response.headers['x-correlation-id']).toBe(given);
    }
  });

  it('GET /audit filters in the database from indexes, not by walking the whole log', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const id = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id;
    const entries: Array<{ stream: string; actorId: string }> = (
      await t
        .get(`/api/v1/audit?actor=${t.commander.username}&from=${encodeURIComponent(from)}`, cityAdmin.token)
        .expect(200)
    ).body;
    expect(entries.map((e) => e.stream)).toContain(`incident-${id}`);
    expect(entries.every((e) => e.actorId === t.commander.id)).toBe(true);
    // The plan, with sequential scans priced out: it must find an index for each filter.
    for (const filters of [{ actor: t.commander.id }, { from }, { actor: t.commander.username, from }]) {
      const { text, params } = auditQuery({ ...filters, scope: ['640500'], limit: 200 });
      await t.sql('set enable_seqscan = off');
      try {
        const [plan] = await t.sql<{ 'QUERY PLAN': unknown }>(`explain (format json) ${text}`, params);
        const json = JSON.stringify(plan!['QUERY PLAN']);
        expect(json).toMatch(/es_events_by_(recorded_at|actor|actor_name)/);
        expect(json).not.toMatch(/"Seq Scan"/);
      } finally {
        await t.sql('reset enable_seqscan');
      }
    }
  });
});
