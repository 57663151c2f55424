import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import request, { type Response } from 'supertest';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { teamBody, warehouseBody } from '../support/resource-fixtures';
import { drillBody, twoInjectScript } from '../drills/drill-fixtures';

/**
 * First answers (docs/adr/0013-first-answers.md, docs/api.md "Retries and first answers") as a hostile client and a
 * chaos engineer try them: a keyed request answered differently on a retry, applied twice, refused for what happened
 * after its first attempt, told an error after its events were stored, or a stored answer handing out a record the
 * user may no longer see. Several of these were defects an outside review found; they stay as regression tests.
 */
describe('first answers of keyed requests, attacked', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let sql: Client;
  beforeAll(async () => {
    // These tests hold the read models back on purpose: the production wait before a 202, not the suites' longer one.
    ({ t, user: admin } = await givenSignedIn(['admin'], undefined, { READ_MODEL_WAIT_MS: '3000' }));
    coordinator = await t.user(['drill_coordinator'], '640500');
    sql = new Client({ connectionString: t.databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const send = (method: 'post' | 'put' | 'patch', path: string, token: string, key: string, body: unknown) => {
    const agent = request(t.baseUrl);
    return agent[method](path)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(body as object);
  };
  const replayedOf = (response: Response) => response.headers['idempotent-replayed'];
  /** Events a key appended, wherever they lie (process managers may append to the same streams meanwhile). */
  const eventsOfKey = async (key: string): Promise<number> =>
    Number(
      (
        await sql.query<{ n: string }>(`select count(*) as n from es_events where metadata->>'idempotencyKey' = $1`, [
          key,
        ])
      ).rows[0]!.n,
    );
  const loseAnswer = (key: string) =>
    sql.query(
      `update idempotency_keys set answer_status = null, answer_body = null, answered_at = null
        where idempotency_key = $1`,
      [key],
    );
  const withoutVolatile = (body: Record<string, unknown>) => {
    const { replayed: _r, correlationId: _c, ...rest } = body;
    return rest;
  };
  /** Holds every projection of the PostgreSQL store back (ADR 0001) until `release` is called. */
  const holdReadModels = async () => {
    const blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select txid_current()');
    return async () => {
      await blocker.query('rollback');
      await blocker.end();
    };
  };
  const team = () => teamBody({ headcount: 12 });
  const warehouse = () => warehouseBody();
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const warning = () => ({
    level: 'orange',
    hazard: '危险化学品泄漏',
    jurisdiction: '640521',
    area: {
      description: `中宁县石空工业园区周边 2 公里（审查 ${randomUUID().slice(0, 6)}）`,
      polygon: [
        { lat: 37.45, lng: 105.6 },
        { lat: 37.5, lng: 105.6 },
        { lat: 37.5, lng: 105.7 },
        { lat: 37.45, lng: 105.6 },
      ],
    },
    message: '储罐区氯气泄漏，立即撤离',
    instruction: '向上风向撤离',
    effective: hours(-0.1),
    expires: hours(6),
    channels: ['sms'],
  });
  const plan = () => ({
    title: `中卫市危险化学品事故应急预案 审查 ${randomUUID().slice(0, 6)}`,
    kind: 'special',
    jurisdiction: '640500',
    categories: ['hazardous_chemicals'],
    activation: { description: '符合下列条件之一的启动相应响应', levels: [{ level: 'IV', minTrapped: 1 }] },
    groups: [
      { name: '综合协调组', leadAgency: '市应急管理局', tasks: [{ title: '成立现场指挥部', responseLevels: ['IV'] }] },
    ],
    requirements: { teams: [{ specialty: 'hazardous_chemicals', count: 1 }], materials: [] },
  });
  let shiftDay = 100;
  const shift = () => {
    // Shifts of one jurisdiction may not overlap: each call takes a day of its own, far ahead.
    shiftDay += 2;
    return {
      jurisdiction: '640502',
      leader: { name: '李带班', phone: '0955-7000001' },
      officers: [{ name: '王值班' }],
      startsAt: hours(shiftDay * 24),
      endsAt: hours(shiftDay * 24 + 8),
    };
  };

  it('every kind of command route: a retry gets the first answer (success and refusal), another request gets 422', async () => {
    const routes: { name: string; path: string; token: () => string; body: () => object }[] = [
      { name: 'incidents', path: '/api/v1/incidents', token: () => t.commander.token, body: () => incidentBody() },
      { name: 'teams', path: '/api/v1/teams', token: () => admin.token, body: team },
      { name: 'warehouses', path: '/api/v1/warehouses', token: () => admin.token, body: warehouse },
      { name: 'plans', path: '/api/v1/plans', token: () => admin.token, body: plan },
      { name: 'warnings', path: '/api/v1/warnings', token: () => t.commander.token, body: warning },
      { name: 'drills', path: '/api/v1/drills', token: () => coordinator.token, body: () => drillBody() },
      {
        name: 'scenarios',
        path: '/api/v1/scenarios',
        token: () => coordinator.token,
        body: () => ({ name: `情景 ${randomUUID().slice(0, 6)}`, jurisdiction: '640500', ...twoInjectScript() }),
      },
      { name: 'duty', path: '/api/v1/duty/shifts', token: () => t.commander.token, body: shift },
    ];
    const seen: Record<string, unknown> = {};
    for (const route of routes) {
      const key = randomUUID();
      const body = route.body();
      const first = await send('post', route.path, route.token(), key, body);
      const again = await send('post', route.path, route.token(), key, body);
      const other = await send('post', route.path, route.token(), key, route.body());
      const elsewhere = await send('post', `${route.path}?again=1`, route.token(), key, body);
      const refusedKey = randomUUID();
      const refused = await send('post', route.path, route.token(), refusedKey, { ...body, unknownField: 1 });
      const refusedAgain = await send('post', route.path, route.token(), refusedKey, { ...body, unknownField: 1 });
      seen[route.name] = {
        first: first.status,
        again: [again.status, replayedOf(again), again.body.replayed],
        // Deep equality: jsonb keeps no key order, so a replay's keys come back in another order (insignificant in JSON).
        same: isDeepStrictEqual(withoutVolatile(again.body), withoutVolatile(first.body)),
        other: [other.status, other.body.code],
        elsewhere: [elsewhere.status, elsewhere.body.code],
        events: await eventsOfKey(key),
        refused: [refused.status, refused.body.code],
        refusedAgain: [refusedAgain.status, replayedOf(refusedAgain), refusedAgain.body.code],
        refusalSame: isDeepStrictEqual(withoutVolatile(refusedAgain.body), withoutVolatile(refused.body)),
        refusedEvents: await eventsOfKey(refusedKey),
      };
    }
    const expected = (created: number) => ({
      first: created,
      again: [created, 'true', true],
      same: true,
      other: [422, 'IDEMPOTENCY_KEY_REUSED'],
      elsewhere: [422, 'IDEMPOTENCY_KEY_REUSED'],
      events: 1,
      refused: [400, 'VALIDATION_FAILED'],
      refusedAgain: [400, 'true', 'VALIDATION_FAILED'],
      refusalSame: true,
      refusedEvents: 0,
    });
    expect(seen).toEqual(Object.fromEntries(routes.map((r) => [r.name, expected(201)])));
  });

  it("another user's identical key and request is a request of its own", async () => {
    const other = await t.user(['admin'], '640500');
    const key = randomUUID();
    const body = team();
    const mine = await send('post', '/api/v1/teams', admin.token, key, body).expect(201);
    const theirs = await send('post', '/api/v1/teams', other.token, key, body).expect(201);
    expect(replayedOf(theirs)).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.replayed).toBe(false);
    // and the refusal of theirs under that key does not reach mine
    const refused = await send('post', '/api/v1/warehouses', other.token, `${key}-w`, { bogus: true }).expect(400);
    expect(replayedOf(refused)).toBeUndefined();
    await send('post', '/api/v1/warehouses', admin.token, `${key}-w`, warehouse()).expect(201);
  });

  it('a drill incident acknowledged before its drill ended is answered as acknowledged when its answer was lost', async () => {
    const drill = (await t.post('/api/v1/drills', coordinator.token).send(drillBody()).expect(201)).body.id as string;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    const key = randomUUID();
    const body = incidentBody({ drillId: drill });
    const first = await send('post', '/api/v1/incidents', t.commander.token, key, body).expect(201);
    await loseAnswer(key);
    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);
    const retried = await send('post', '/api/v1/incidents', t.commander.token, key, body);
    const again = await send('post', '/api/v1/incidents', t.commander.token, key, body);
    expect({
      retried: [retried.status, retried.body.code, retried.body.id],
      again: [again.status, again.body.code, replayedOf(again)],
    }).toEqual({ retried: [201, undefined, first.body.id], again: [201, undefined, 'true'] });
    expect(await eventsOfKey(key)).toBe(1);
  });

  it('a drill incident first answered 202 is not refused on its retry after the drill ended', async () => {
    const drill = (await t.post('/api/v1/drills', coordinator.token).send(drillBody()).expect(201)).body.id as string;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    const key = randomUUID();
    const body = incidentBody({ drillId: drill });
    const release = await holdReadModels();
    let accepted: Response;
    try {
      accepted = await send('post', '/api/v1/incidents', t.commander.token, key, body).expect(202);
    } finally {
      await release();
    }
    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);
    const retried = await send('post', '/api/v1/incidents', t.commander.token, key, body);
    const again = await send('post', '/api/v1/incidents', t.commander.token, key, body);
    expect({
      retried: [retried.status, retried.body.code, retried.body.id],
      again: [again.status, again.body.code, replayedOf(again)],
    }).toEqual({ retried: [201, undefined, accepted.body.id], again: [201, undefined, 'true'] });
    expect(await eventsOfKey(key)).toBe(1);
  });

  it('a scenario saved while the read models lag is answered 202, not refused, and its retry answers in full', async () => {
    const key = randomUUID();
    const body = { name: `情景 ${randomUUID().slice(0, 6)}`, jurisdiction: '640500', ...twoInjectScript() };
    const release = await holdReadModels();
    let first: Response;
    try {
      first = await send('post', '/api/v1/scenarios', coordinator.token, key, body);
    } finally {
      await release();
    }
    const stored = await eventsOfKey(key);
    const retried = await send('post', '/api/v1/scenarios', coordinator.token, key, body);
    expect({
      stored,
      first: [first.status, first.body.code],
      retried: [retried.status, retried.body.code, replayedOf(retried)],
      storedAfterRetry: await eventsOfKey(key),
    }).toEqual({ stored: 1, first: [202, undefined], retried: [201, undefined, 'true'], storedAfterRetry: 1 });
  });

  it('a no-op decided while the read models lag is answered 202 and kept: never a view older than the decision', async () => {
    const release = await holdReadModels();
    let noop: Response;
    let id: string;
    const key = randomUUID();
    try {
      id = (await t.post('/api/v1/teams', admin.token).send(team()).expect(202)).body.id as string;
      noop = await send('post', `/api/v1/teams/${id}/status`, t.commander.token, key, { status: 'available' });
    } finally {
      await release();
    }
    // The decision changed nothing but its view was not readable in time: 202 (never an answer without the team in
    // it), kept as the key's answer like any no-op, so a later retry is not applied to whatever the team is by then.
    expect(noop!.status).toBe(202);
    expect(noop!.body).toMatchObject({ id: id!, revision: 0, position: null, accepted: true });
    await t.post(`/api/v1/teams/${id!}/status`, t.commander.token).send({ status: 'out_of_service' }).expect(200);
    const retried = await send('post', `/api/v1/teams/${id!}/status`, t.commander.token, key, { status: 'available' });
    expect(retried.status).toBe(202);
    expect(replayedOf(retried)).toBe('true');
    expect(retried.body).toMatchObject({ id: id!, revision: 0, position: null, accepted: true, replayed: true });
    const stored = await sql.query(`select count(*)::int as n from es_events where stream_name = $1`, [`team-${id!}`]);
    expect(stored.rows[0].n).toBe(2);
  });

  it('twenty identical requests at once with one key: applied once, every answer the same record', async () => {
    const key = randomUUID();
    const body = team();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send('post', '/api/v1/teams', admin.token, key, body)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.replayed === false)).toHaveLength(1);
    expect(answers.filter((a) => replayedOf(a) === 'true')).toHaveLength(19);
    expect(await eventsOfKey(key)).toBe(1);

    // the same with a dispatch (team stream, a check on the incident board first)
    const teamId = answers[0]!.body.id as string;
    const incident = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
    const dispatchKey = randomUUID();
    const dispatches = await Promise.all(
      Array.from({ length: 20 }, () =>
        send('post', `/api/v1/teams/${teamId}/dispatch`, t.commander.token, dispatchKey, {
          incidentId: incident.body.id,
          task: '侦检',
        }),
      ),
    );
    expect(dispatches.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(dispatches.map((a) => a.body.revision)).size).toBe(1);
    expect(await eventsOfKey(dispatchKey)).toBe(1);
  });

  it('twenty different requests at once with one key: exactly one applied, the others 422, nothing else stored', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? send('post', '/api/v1/teams', admin.token, key, team())
          : send('post', '/api/v1/warehouses', admin.token, key, warehouse()),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
    expect(await eventsOfKey(key)).toBe(1);
  });

  it('hostile keys and bodies never produce a 500', async () => {
    const statuses: Record<string, number> = {};
    statuses.longest = (await send('post', '/api/v1/teams', admin.token, 'k'.repeat(200), team())).status;
    statuses.tooLong = (await send('post', '/api/v1/teams', admin.token, 'k'.repeat(201), team())).status;
    statuses.latin1 = (await send('post', '/api/v1/teams', admin.token, 'clé', team())).status;
    statuses.tab = (await send('post', '/api/v1/teams', admin.token, 'a\tb', team())).status;
    statuses.quoteSql = (await send('post', '/api/v1/teams', admin.token, `'); drop table users; --`, team())).status;
    statuses.nul = (
      await send('post', '/api/v1/teams', admin.token, randomUUID(), { ...team(), name: 'a\u0000b' })
    ).status;
    let deep: unknown = {};
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    statuses.deep = (await send('post', '/api/v1/teams', admin.token, randomUUID(), deep)).status;
    statuses.huge = (
      await send('post', '/api/v1/teams', admin.token, randomUUID(), { ...team(), equipment: ['x'.repeat(3_000_000)] })
    ).status;
    statuses.array = (await send('post', '/api/v1/teams', admin.token, randomUUID(), [1, 2, 3])).status;
    statuses.string = (
      await request(t.baseUrl)
        .post('/api/v1/teams')
        .set('Authorization', `Bearer ${admin.token}`)
        .set('Idempotency-Key', randomUUID())
        .set('content-type', 'application/json')
        .send('"text"')
    ).status;
    statuses.bidi = (
      await send('post', '/api/v1/teams', admin.token, randomUUID(), { ...team(), name: 'abc\u202Edef' })
    ).status;
    expect(statuses).toEqual({
      longest: 201,
      tooLong: 400,
      latin1: 400,
      tab: 400,
      quoteSql: 400,
      nul: 400,
      deep: 400,
      huge: 413,
      array: 400,
      string: 400,
      bidi: 400,
    });
  });

  it('after a change of jurisdiction, a stored answer does not hand out a record now outside it', async () => {
    const county = await t.user(['commander'], '640521');
    const key = randomUUID();
    const body = incidentBody({ jurisdiction: '640521' });
    const first = await send('post', '/api/v1/incidents', county.token, key, body).expect(201);
    await sql.query(`update users set jurisdiction = '640522' where id = $1`, [county.id]);
    const login = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: county.username, password: county.password })
      .expect(200);
    const token = login.body.accessToken as string;
    await t.get(`/api/v1/incidents/${first.body.id}`, token).expect(404);
    const retried = await send('post', '/api/v1/incidents', token, key, body);
    expect({ status: retried.status, title: retried.body.title }).not.toEqual({ status: 201, title: body.title });
  });

  it('a refusal caused by a lagging read model (a just-reported incident not yet on the board) is not pinned to the key', async () => {
    const teamId = (await t.post('/api/v1/teams', admin.token).send(team()).expect(201)).body.id as string;
    const key = randomUUID();
    const release = await holdReadModels();
    let first: Response;
    let incidentId: string;
    try {
      incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(202)).body.id as string;
      first = await send('post', `/api/v1/teams/${teamId}/dispatch`, t.commander.token, key, {
        incidentId,
        task: '侦检',
      });
    } finally {
      await release();
    }
    for (let i = 0; i < 50 && (await t.get(`/api/v1/incidents/${incidentId}`)).status !== 200; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const retried = await send('post', `/api/v1/teams/${teamId}/dispatch`, t.commander.token, key, {
      incidentId,
      task: '侦检',
    });
    expect({ first: [first.status, first.body.code], retried: [retried.status, retried.body.code] }).toEqual({
      first: [first.status, first.body.code],
      retried: [201, undefined],
    });
  });
  it('a simulated allocation acknowledged before its drill ended is answered as acknowledged when its answer was lost', async () => {
    const drill = (await t.post('/api/v1/drills', coordinator.token).send(drillBody()).expect(201)).body.id as string;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    const incidentId = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ drillId: drill }))
        .expect(201)
    ).body.id as string;
    const warehouseId = (await t.post('/api/v1/warehouses', admin.token).send(warehouse()).expect(201)).body
      .id as string;
    const key = randomUUID();
    const path = `/api/v1/drills/${drill}/allocations`;
    const body = { incidentId, warehouseId, items: [{ materialCode: '1010101', quantity: 5 }] };
    const first = await send('post', path, t.commander.token, key, body).expect(201);
    await loseAnswer(key);
    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);
    const retried = await send('post', path, t.commander.token, key, body);
    expect({ status: retried.status, code: retried.body.code, allocationId: retried.body.allocationId }).toEqual({
      status: 201,
      code: undefined,
      allocationId: first.body.allocationId,
    });
    expect(await eventsOfKey(key)).toBe(1);
  });

  it('an allocation acknowledged before its incident closed is answered as acknowledged when its answer was lost', async () => {
    const warehouseId = (await t.post('/api/v1/warehouses', admin.token).send(warehouse()).expect(201)).body
      .id as string;
    await t
      .post(`/api/v1/warehouses/${warehouseId}/receipts`, admin.token)
      .send({ items: [{ materialCode: '1010101', quantity: 50 }] })
      .expect(201);
    const incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    const key = randomUUID();
    const path = `/api/v1/warehouses/${warehouseId}/allocations`;
    const body = { incidentId, items: [{ materialCode: '1010101', quantity: 5 }] };
    const first = await send('post', path, t.commander.token, key, body).expect(201);
    await loseAnswer(key);
    await t.post(`/api/v1/incidents/${incidentId}/close`).send({ summary: '处置完毕' }).expect(200);
    const retried = await send('post', path, t.commander.token, key, body).expect(201);
    expect(replayedOf(retried)).toBe('true');
    expect(retried.body.allocationId).toBe(first.body.allocationId);
    expect(await eventsOfKey(key)).toBe(1);
  });

  it('a dispatch first answered 202 is answered in full after its incident closed', async () => {
    const teamId = (await t.post('/api/v1/teams', admin.token).send(team()).expect(201)).body.id as string;
    const incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    const key = randomUUID();
    const path = `/api/v1/teams/${teamId}/dispatch`;
    const body = { incidentId, task: '侦检' };
    const release = await holdReadModels();
    let accepted: Response;
    try {
      accepted = await send('post', path, t.commander.token, key, body).expect(202);
    } finally {
      await release();
    }
    expect(accepted.headers.location).toBe(`/api/v1/teams/${teamId}`);
    await t.post(`/api/v1/incidents/${incidentId}/close`).send({ summary: '处置完毕' }).expect(200);
    const retried = await send('post', path, t.commander.token, key, body);
    expect([retried.status, retried.body.code, replayedOf(retried)]).toEqual([201, undefined, 'true']);
    expect(await eventsOfKey(key)).toBe(1);
  });

  it('a 202 names the aggregate it stored to and the position to wait for, also for duty shifts', async () => {
    const key = randomUUID();
    const body = shift();
    const release = await holdReadModels();
    let accepted: Response;
    try {
      accepted = await send('post', '/api/v1/duty/shifts', t.commander.token, key, body);
    } finally {
      await release();
    }
    const full = await send('post', '/api/v1/duty/shifts', t.commander.token, key, body).expect(201);
    // The 202 names the aggregate its events went to — for a shift, the jurisdiction's duty watch, which has no
    // address of its own, so no Location (docs/api.md) — and the position to wait for; the retry answers in full.
    expect(accepted!.status).toBe(202);
    expect(accepted!.body).toMatchObject({ id: body.jurisdiction, accepted: true, position: full.body.position });
    expect(accepted!.headers.location).toBeUndefined();
    expect(full.body).toMatchObject({ replayed: true });
  });
});
