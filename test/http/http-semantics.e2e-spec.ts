import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { teamBody } from '../support/resource-fixtures';

/**
 * HTTP's own words for what the API does (docs/api.md, "Location, ETag and If-Match"): a 201 says where its created
 * thing is read, a read of one record answers its revision as ETag, and a change on a revision the client no longer
 * has fails its precondition (412), distinct from a conflict with the record's state (409). Every 201 route and every
 * If-Match route is walked in test/security/role-matrix; this suite checks the forms one by one.
 */
describe('Location, ETag and If-Match', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    ({ t, user: admin } = await givenSignedIn(['admin']));
  });
  afterAll(async () => {
    await t?.close();
  });

  const eventsOf = async (stream: string) =>
    (await t.sql<{ n: number }>('select count(*)::int as n from es_events where stream_name = $1', [stream]))[0]!.n;
  const newTeam = async () => {
    const created = await t.post('/api/v1/teams', admin.token).send(teamBody()).expect(201);
    return created.body.id as string;
  };
  const setStatus = (id: string, status: string, ifMatch?: string) => {
    const call = t.post(`/api/v1/teams/${id}/status`);
    return (ifMatch === undefined ? call : call.set('If-Match', ifMatch)).send({ status });
  };

  it('a 201 names where the created record is read, and reading it there answers its revision as a strong ETag', async () => {
    const created = await t.post('/api/v1/teams', admin.token).send(teamBody()).expect(201);
    expect(created.headers['location']).toBe(`/api/v1/teams/${created.body.id}`);
    const read = await t.get(created.headers['location'] as string).expect(200);
    expect(read.body.id).toBe(created.body.id);
    expect(read.headers['etag']).toBe(`"${read.body.revision}"`);
  });

  it('a replayed 201 (same Idempotency-Key) names the same Location as the first answer', async () => {
    const key = randomUUID();
    const body = incidentBody();
    const first = await t.post('/api/v1/incidents').set('Idempotency-Key', key).send(body).expect(201);
    const again = await t.post('/api/v1/incidents').set('Idempotency-Key', key).send(body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['location']).toBe(`/api/v1/incidents/${first.body.id}`);
    expect(again.headers['location']).toBe(first.headers['location']);
  });

  it('a 201 below a record names the record it added to', async () => {
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    const team = await newTeam();
    const dispatched = await t.post(`/api/v1/teams/${team}/dispatch`).send({ incidentId: incident }).expect(201);
    expect(dispatched.headers['location']).toBe(`/api/v1/teams/${team}`);
  });

  it('If-None-Match is not answered 304: a read carries facts that change while the revision does not', async () => {
    const id = await newTeam();
    const read = await t.get(`/api/v1/teams/${id}`).expect(200);
    const again = await t.get(`/api/v1/teams/${id}`).set('If-None-Match', read.headers['etag'] as string);
    expect([again.status, again.body.id, again.headers['etag']]).toEqual([200, id, read.headers['etag']]);
  });

  it('If-Match takes the quoted ETag and the bare revision alike', async () => {
    const id = await newTeam();
    const etag = (await t.get(`/api/v1/teams/${id}`).expect(200)).headers['etag'] as string;
    const first = await setStatus(id, 'out_of_service', etag).expect(200);
    await setStatus(id, 'available', String(first.body.revision)).expect(200);
    expect(await eventsOf(`team-${id}`)).toBe(3);
  });

  it('a stale If-Match is 412 STALE_REVISION with both revisions, and changes nothing', async () => {
    const id = await newTeam();
    await setStatus(id, 'out_of_service', '"0"').expect(200);
    const before = await eventsOf(`team-${id}`);
    const stale = await setStatus(id, 'available', '"0"');
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({
      status: 412,
      code: 'STALE_REVISION',
      details: { expectedRevision: '0', currentRevision: '1' },
    });
    expect(stale.body.detail).toContain('数据已被他人更新');
    expect(await eventsOf(`team-${id}`)).toBe(before);
  });

  it('a keyed request refused for its If-Match is refused the same way when retried', async () => {
    const id = await newTeam();
    await setStatus(id, 'out_of_service').expect(200);
    const key = randomUUID();
    const send = () =>
      t
        .post(`/api/v1/teams/${id}/status`)
        .set('Idempotency-Key', key)
        .set('If-Match', '0')
        .send({ status: 'available' });
    expect((await send()).status).toBe(412);
    const again = await send();
    expect([again.status, again.body.code, again.headers['idempotent-replayed']]).toEqual([
      412,
      'STALE_REVISION',
      'true',
    ]);
  });

  it('a weak tag, a list or garbage in If-Match is 400 INVALID_IF_MATCH', async () => {
    const id = await newTeam();
    for (const text of ['W/"0"', '"0", "1"', '*', 'latest']) {
      const refused = await setStatus(id, 'out_of_service', text);
      expect([text, refused.status, refused.body.code]).toEqual([text, 400, 'INVALID_IF_MATCH']);
    }
    expect(await eventsOf(`team-${id}`)).toBe(1);
  });

  it('a conflict with the record’s state, without If-Match, stays 409', async () => {
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    const id = await newTeam();
    await setStatus(id, 'out_of_service').expect(200);
    const busy = await t.post(`/api/v1/teams/${id}/dispatch`).send({ incidentId: incident });
    expect(busy.status).toBe(409);
    expect(busy.body.code).not.toBe('STALE_REVISION');
  });
});
