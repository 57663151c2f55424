// Over 300 lines on purpose: one attack surface (request budgets) per suite, its cases sharing one started app.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { io } from 'socket.io-client';
import { SecurityEvents } from '@app/identity';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';

const PROBLEM = /^application\/problem\+json/;

/** Fires `n` requests one after the other and returns their statuses. */
async function statuses(n: number, send: (i: number) => request.Test): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send(i)).status);
  return out;
}

/**
 * The rate limit as a site-wide outage. Before: one budget per TCP peer, checked before authentication, and no
 * trusted proxy — so behind the load balancer every console shared one budget, and 600 anonymous requests locked the
 * commander out. Now anonymous requests are limited per client address (X-Forwarded-For only from TRUST_PROXY),
 * signed-in ones per user after authentication, and the counts live in PostgreSQL, shared by every API process.
 */
describe('attack: an anonymous flood through the load balancer locks the commander out', () => {
  const LB = '127.0.0.1'; // the test client reaches the app from loopback, standing in for the load balancer
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: LB,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '3',
      RATE_LIMIT_PER_MINUTE: '1000',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the attacker's address is limited; the signed-in commander, and anyone signing in from elsewhere, are not", async () => {
    const attacker = '198.51.100.66';
    const flood = await statuses(30, () =>
      request(t.baseUrl).post('/api/v1/incidents').set('X-Forwarded-For', attacker).send(incidentBody()),
    );
    expect(flood.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(flood.slice(5).every((s) => s === 429)).toBe(true);
    // Sign-in has a budget of its own per address (3 here): the flood above did not use it, the attacker's own tries do.
    const signIns = await statuses(4, () =>
      request(t.baseUrl)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', attacker)
        .send({ username: t.commander.username, password: 'wrong-password-1' }),
    );
    expect(signIns.slice(0, 3).every((s) => s === 401)).toBe(true);
    const limited = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', attacker)
      .send({ username: t.commander.username, password: t.commander.password });
    expect(signIns[3]).toBe(429);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM);
    expect(limited.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // The commander's console behind the same load balancer, even behind the attacker's own address, keeps working.
    for (const from of ['198.51.100.20', attacker]) {
      expect((await t.get('/api/v1/incidents').set('X-Forwarded-For', from)).status).toBe(200);
    }
    expect((await t.post('/api/v1/incidents').set('X-Forwarded-For', attacker).send(incidentBody())).status).toBe(201);
    // A duty officer signing in from another address is not held up by the flood either.
    const login = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '198.51.100.21')
      .send({ username: t.commander.username, password: t.commander.password });
    expect(login.status).toBe(200);
    // Nothing the flood sent was stored: only the commander's one incident.
    expect(await t.sql(`select count(*)::int as n from es_events where event_type = 'IncidentReported'`)).toEqual([
      { n: 1 },
    ]);
  });

  it('X-Forwarded-For counts only from a trusted proxy: a client cannot pick a fresh budget by inventing one', async () => {
    const direct = await startTestApp({ TRUST_PROXY: '10.9.8.7', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5' });
    try {
      // startTestApp's own sign-in counts in the sign-in budget; each request claims another address, to no avail.
      const spoofed = await statuses(8, (i) =>
        request(direct.baseUrl).get('/api/v1/incidents').set('X-Forwarded-For', `203.0.113.${i}`),
      );
      expect(spoofed.filter((s) => s === 401)).toHaveLength(5);
      expect(spoofed.slice(5).every((s) => s === 429)).toBe(true);
    } finally {
      await direct.close();
    }
    // Whereas from the trusted proxy each forwarded address has its own budget.
    const forwarded = await statuses(8, (i) =>
      request(t.baseUrl).get('/api/v1/incidents').set('X-Forwarded-For', `203.0.113.${i}`),
    );
    expect(forwarded.every((s) => s === 401)).toBe(true);
  });
});

describe('attack: made-up bearer tokens write into the security log without limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '20', RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('250 POSTs with an unsigned bearer token are limited like anonymous ones and leave one summed row in the log', async () => {
    const refusedRows = async (): Promise<number> =>
      (await t.sql<{ n: number }>(`select count(*)::int as n from security_events where kind = 'request_refused'`))[0]!
        .n;
    const before = await refusedRows();
    const flood = await statuses(250, (i) =>
      request(t.baseUrl)
        .post('/api/v1/incidents')
        .set('Authorization', `Bearer eyJhbGciOiJIUzI1NiJ9.e30.${i}`)
        .send({}),
    );
    const unauthorized = flood.filter((s) => s === 401).length;
    expect(flood[0]).toBe(401);
    expect(unauthorized).toBeLessThanOrEqual(20);
    expect(flood.slice(unauthorized).every((s) => s === 429)).toBe(true);
    expect(flood.filter((s) => s === 429).length).toBeGreaterThanOrEqual(230);
    // The signed-in commander from the same address is judged by the user budget and goes on working.
    expect((await t.get('/api/v1/incidents')).status).toBe(200);
    // Nothing is written per refusal; the address's window becomes one row when it ends (here: flushed at once, as
    // the sweep and shutdown do).
    expect(await refusedRows()).toBe(before);
    await t.app.get(SecurityEvents).flushAnonymousRefusals();
    const rows = await t.sql<{
      address: string;
      status: number;
      user_id: string | null;
      details: { count: number; statuses: Record<string, number>; anonymous: boolean };
    }>(`select address, status, user_id, details from security_events where kind = 'request_refused' order by id`);
    expect(rows).toHaveLength(before + 1);
    const summed = rows.at(-1)!;
    expect(summed).toMatchObject({
      status: 401,
      user_id: null,
      details: { anonymous: true, count: unauthorized, statuses: { '401': unauthorized } },
    });
    expect(summed.address).toMatch(/127\.0\.0\.1/);
    expect(await t.sql(`select count(*)::int as n from es_events where event_type = 'IncidentReported'`)).toEqual([
      { n: 0 },
    ]);
  });

  it('refusals of a signed-in user are still recorded one by one', async () => {
    const viewer = await t.user(['viewer']);
    const refused = await statuses(3, () => t.post('/api/v1/incidents', viewer.token).send(incidentBody()));
    expect(refused).toEqual([403, 403, 403]);
    // Written after each response is sent (an onResponse hook): the last one may land a moment later.
    const rows = async () =>
      (
        await t.sql<{ n: number }>(
          `select count(*)::int as n from security_events where kind = 'request_refused' and user_id = $1 and status = 403`,
          [viewer.id],
        )
      )[0]!.n;
    for (let i = 0; i < 40 && (await rows()) < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await rows()).toBe(3);
  });
});

describe('attack: an anonymous flood from a shared address stops consoles from renewing their session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '120', RATE_LIMIT_SIGN_IN_PER_MINUTE: '60' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after 130 anonymous requests from 127.0.0.1, renewal and sign-in from there still work', async () => {
    const login = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: t.commander.username, password: t.commander.password })
      .expect(200);
    const flood = await statuses(130, () => request(t.baseUrl).get('/api/v1/incidents'));
    expect(flood.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await request(t.baseUrl).get('/api/v1/jurisdictions')).status).toBe(429);
    const renewed = await request(t.baseUrl)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken });
    expect(renewed.status).toBe(200);
    expect(typeof renewed.body.accessToken).toBe('string');
    expect((await t.get('/api/v1/incidents', renewed.body.accessToken)).status).toBe(200);
    expect(
      (
        await request(t.baseUrl)
          .post('/api/v1/auth/login')
          .send({ username: t.commander.username, password: t.commander.password })
      ).status,
    ).toBe(200);
    expect(await t.sql(`select count(*)::int as n from security_events where kind = 'refresh'`)).toEqual([{ n: 1 }]);
  });
});

describe('attack: users behind one address share a budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '10' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('each signed-in user has a budget of its own; one that exhausts it gets 429 and stores nothing', async () => {
    const noisy = await t.user(['duty_officer']);
    const quiet = await t.user(['duty_officer']);
    const noisyStatuses = await statuses(10, () => t.get('/api/v1/incidents', noisy.token));
    expect(noisyStatuses.every((s) => s === 200)).toBe(true);
    const refused = await t.post('/api/v1/incidents', noisy.token).send(incidentBody());
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.sql(`select count(*)::int as n from es_events where metadata->>'actorId' = $1`, [noisy.id])).toEqual(
      [{ n: 0 }],
    );
    // The other user, from the same address, is untouched; so is the commander.
    expect(await statuses(10, () => t.get('/api/v1/incidents', quiet.token))).toEqual(Array(10).fill(200));
    expect((await t.post('/api/v1/incidents', quiet.token).send(incidentBody())).status).toBe(429);
    expect((await t.get('/api/v1/incidents')).status).toBe(200);
  });
});

describe('attack: spreading requests over API processes multiplies the budget', () => {
  const secret = randomBytes(32).toString('base64url');
  const settings = { RATE_LIMIT_PER_MINUTE: '12', AUTH_TOKEN_SECRET: secret };
  let a: TestApp;
  let b: TestApp | undefined;
  beforeAll(async () => {
    a = await startTestApp(settings);
    b = await startTestApp(settings, { databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close({ keepDatabase: true });
    await a?.close();
  });

  it('two processes on one database enforce one budget per user between them', async () => {
    const user = await a.user(['viewer']);
    // Alternating between the two processes, as a round-robin load balancer would.
    const seen = await statuses(20, (i) =>
      request(i % 2 === 0 ? a.baseUrl : b!.baseUrl)
        .get('/api/v1/incidents')
        .set('Authorization', `Bearer ${user.token}`),
    );
    expect(seen.filter((s) => s === 200)).toHaveLength(12);
    expect(seen.slice(12).every((s) => s === 429)).toBe(true);
    // Each process refuses now, whichever one counted the last request.
    expect(
      (await request(a.baseUrl).get('/api/v1/incidents').set('Authorization', `Bearer ${user.token}`)).status,
    ).toBe(429);
    expect(
      (await request(b!.baseUrl).get('/api/v1/incidents').set('Authorization', `Bearer ${user.token}`)).status,
    ).toBe(429);
  });
});

/**
 * The live feed: the root Socket.IO namespace took sockets without a token, and a socket could send without limit —
 * each `resume` re-sending up to 20,000 deltas. Now only `/console` serves (authenticated), and each socket has a small
 * message budget, with `resume` at most once per 5 s; what is refused is answered, not dropped.
 */
describe('attack: the live feed without a door and without limits', () => {
  type Ack = { ok: boolean; code?: string; error?: string; retryAfterMs?: number; delivered?: number };
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('the root namespace refuses every socket, with a token or without', async () => {
    for (const auth of [{}, { token: t.commander.token }]) {
      const socket = io(`${t.baseUrl}/`, { transports: ['websocket'], reconnection: false, auth });
      const outcome = await new Promise<Error & { data?: { code?: string } }>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('the root namespace accepted a socket')));
      });
      socket.close();
      expect(outcome.data?.code).toBe('NAMESPACE_CLOSED');
      expect(outcome.message).toMatch(/\/console/);
    }
  });

  it("a burst of messages beyond the socket's budget is answered RATE_LIMITED, with a rate.limited event", async () => {
    const socket = await t.socket();
    const warned = waitForMessage<{ data: { code: string; event: string; retryAfterMs: number } }>(
      socket,
      'rate.limited',
    );
    const acks = (await Promise.all(
      Array.from({ length: 60 }, () => socket.timeout(5_000).emitWithAck('subscribe', {})),
    )) as Ack[];
    const served = acks.filter((a) => a.ok).length;
    // A burst of 20, plus what refilled (5 a second) while the burst was on its way.
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThan(30);
    const refused = acks.filter((a) => !a.ok);
    expect(refused.length).toBe(60 - served);
    expect(refused.every((a) => a.code === 'RATE_LIMITED' && (a.retryAfterMs ?? 0) > 0)).toBe(true);
    expect((await warned).data).toMatchObject({ code: 'RATE_LIMITED', event: 'subscribe' });
    // The socket stays connected and is served again once its budget refilled.
    await new Promise((r) => setTimeout(r, 600));
    expect(((await socket.timeout(5_000).emitWithAck('subscribe', {})) as Ack).ok).toBe(true);
    expect(socket.connected).toBe(true);
  });

  it('resume is served once per 5 s per socket; a second one at once gets an error answer', async () => {
    const reported = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body as { position: string };
    const socket = await t.socket();
    const first = (await socket.timeout(5_000).emitWithAck('resume', { since: reported.position })) as Ack;
    expect(first.ok).toBe(true);
    const second = (await socket.timeout(5_000).emitWithAck('resume', { since: reported.position })) as Ack;
    expect(second).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(second.retryAfterMs).toBeGreaterThan(3_000);
    expect(second.error).toMatch(/resume 过于频繁/);
  });

  it('a socket that keeps flooding after being told is disconnected', async () => {
    const socket = await t.socket();
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < 300; i++) socket.emit('subscribe', {});
    expect(await gone).toBe('io server disconnect');
  });
});
