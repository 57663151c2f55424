import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { teamBody, warehouseBody } from '../support/resource-fixtures';

/**
 * What a client is told is what happened (docs/api.md "Commands", ADR 0013): a keyed request's first answer —
 * success, no-op or refusal — is the answer to every retry, whatever happened since; once events are stored the
 * answer is never an error (202 with where to read the result).
 */
describe('first answers of keyed requests, and 202 once events are stored', () => {
  let t: TestApp;
  let admin: TestUser;
  let sql: Client;
  beforeAll(async () => {
    // These tests hold the read models back on purpose: the production wait before a 202, not the suites' longer one.
    ({ t, user: admin } = await givenSignedIn(['admin'], undefined, { READ_MODEL_WAIT_MS: '3000' }));
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  /** As the commander (the test app's default user) unless a token is given. */
  const keyed = (path: string, key: string, body: object, token?: string) =>
    t.post(path, token).set('Idempotency-Key', key).send(body);
  const streamTypes = async (stream: string): Promise<string[]> =>
    (
      await sql.query<{ event_type: string }>(
        'select event_type from es_events where stream_name = $1 order by stream_revision',
        [stream],
      )
    ).rows.map((r) => r.event_type);
  const team = () => teamBody({ headcount: 12 });
  const warehouse = () => warehouseBody();
  const replayedOf = (response: Response) => response.headers['idempotent-replayed'];

  it('a success is answered again, marked as a replay, and applied once', async () => {
    const key = randomUUID();
    const body = team();
    const first = await keyed('/api/v1/teams', key, body, admin.token).expect(201);
    expect(replayedOf(first)).toBeUndefined();
    const again = await keyed('/api/v1/teams', key, body, admin.token).expect(201);
    expect(replayedOf(again)).toBe('true');
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await streamTypes(`team-${first.body.id}`)).toEqual(['TeamRegistered']);
  });

  it('a no-op is answered again as it was, even after the record moved on: it is never applied later', async () => {
    const registered = await t.post('/api/v1/teams', admin.token).send(team()).expect(201);
    const id = registered.body.id as string;
    const key = randomUUID();
    const noop = await keyed(`/api/v1/teams/${id}/status`, key, { status: 'available' }).expect(200);
    expect(noop.body).toMatchObject({ revision: 0, position: null, status: 'available' });
    await t.post(`/api/v1/teams/${id}/status`).send({ status: 'out_of_service' }).expect(200);
    const retried = await keyed(`/api/v1/teams/${id}/status`, key, { status: 'available' }).expect(200);
    expect(replayedOf(retried)).toBe('true');
    expect(retried.body).toMatchObject({ revision: 0, status: 'available' });
    expect(await streamTypes(`team-${id}`)).toEqual(['TeamRegistered', 'TeamStatusReported']);
  });

  it('a refusal is remembered: the same request with the same key is refused again after the cause went away', async () => {
    const created = await t.post('/api/v1/warehouses', admin.token).send(warehouse()).expect(201);
    const id = created.body.id as string;
    const incident = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    const key = randomUUID();
    const allocation = { incidentId: incident.body.id, items: [{ materialCode: '1010101', quantity: 5 }] };
    const refused = await keyed(`/api/v1/warehouses/${id}/allocations`, key, allocation).expect(409);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await t
      .post(`/api/v1/warehouses/${id}/receipts`, admin.token)
      .send({ items: [{ materialCode: '1010101', quantity: 50 }] })
      .expect(201);
    const retried = await keyed(`/api/v1/warehouses/${id}/allocations`, key, allocation).expect(409);
    expect(replayedOf(retried)).toBe('true');
    expect(retried.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(retried.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', detail: refused.body.detail });
    expect(await streamTypes(`warehouse-${id}`)).toEqual(['WarehouseRegistered', 'StockReceived']);
    // The refusal is bound to its request: the key cannot be reused for another one.
    const other = { ...allocation, items: [{ materialCode: '1010101', quantity: 1 }] };
    const reused = await keyed(`/api/v1/warehouses/${id}/allocations`, key, other).expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a dispatch retried after its incident closed is answered as acknowledged, also when its answer was lost', async () => {
    const registered = await t.post('/api/v1/teams', admin.token).send(team()).expect(201);
    const incident = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    const key = randomUUID();
    const path = `/api/v1/teams/${registered.body.id}/dispatch`;
    const dispatch = { incidentId: incident.body.id, task: '侦检' };
    const first = await keyed(path, key, dispatch).expect(201);
    await t.post(`/api/v1/incidents/${incident.body.id}/close`).send({ summary: '处置完毕' }).expect(200);
    const stored = await keyed(path, key, dispatch).expect(201);
    expect(stored.body).toEqual({ ...first.body, replayed: true });
    // The answer lost in a crash after the append: the retry is answered from the key's stored events, not refused
    // because the incident has closed since.
    await sql.query(
      `update idempotency_keys set answer_status = null, answer_body = null, answered_at = null
        where idempotency_key = $1`,
      [key],
    );
    const recovered = await keyed(path, key, dispatch).expect(201);
    expect(replayedOf(recovered)).toBe('true');
    expect(recovered.body).toMatchObject({ id: registered.body.id, revision: first.body.revision, replayed: true });
    const dispatches = (await streamTypes(`team-${registered.body.id}`)).filter((type) => type === 'TeamDispatched');
    expect(dispatches).toHaveLength(1);
  });

  it('a command whose result cannot be read back in time is answered 202 with where to read it, then in full', async () => {
    const key = randomUUID();
    const body = team();
    // An open transaction holding an xid holds back every projection of the PostgreSQL store (ADR 0001).
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('select txid_current()');
      const accepted = await keyed('/api/v1/teams', key, body, admin.token).expect(202);
      expect(accepted.body).toMatchObject({
        id: expect.any(String),
        revision: 0,
        position: expect.stringMatching(/^\d+\/\d+$/),
        replayed: false,
        accepted: true,
      });
      expect(accepted.headers.location).toBe(`/api/v1/teams/${accepted.body.id}`);
      expect(await streamTypes(`team-${accepted.body.id}`)).toEqual(['TeamRegistered']);
      await blocker.query('rollback');
      const full = await keyed('/api/v1/teams', key, body, admin.token).expect(201);
      expect(full.body).toMatchObject({ id: accepted.body.id, name: body.name, status: 'available', replayed: true });
      expect(await streamTypes(`team-${accepted.body.id}`)).toEqual(['TeamRegistered']);
    } finally {
      await blocker.end();
    }
  });

  it('a malformed key is refused before anything is done', async () => {
    const refused = await keyed('/api/v1/teams', 'ä', team(), admin.token).expect(400);
    expect(refused.body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY' });
  });
});
