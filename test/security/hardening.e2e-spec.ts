import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;
const FOREIGN = 'https://evil.example';

describe('HTTP hardening: security headers and CORS', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  // Errors are answered by the exception filter, not the route: the headers must be on those answers too.
  test.each([
    ['a public answer', () => request(t.baseUrl).get('/health')],
    ['an API answer', () => t.get('/api/v1/incidents')],
    ['a 401', () => request(t.baseUrl).get('/api/v1/incidents')],
    ['a 404 of no route', () => t.get('/api/v1/no-such-route')],
  ])('security headers are on %s', async (_, send) => {
    const response = await send();
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Plain HTTP: HSTS would be meaningless here (it is sent only over https, see attack-xss.e2e-spec.ts).
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('no CORS headers for a foreign origin by default (same-origin only)', async () => {
    const simple = await t.get('/api/v1/incidents').set('Origin', FOREIGN).expect(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await request(t.baseUrl)
      .options('/api/v1/incidents')
      .set('Origin', FOREIGN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    // The live feed's HTTP long-polling transport follows the same rule.
    const polling = await request(t.baseUrl).get('/socket.io/?EIO=4&transport=polling').set('Origin', FOREIGN);
    expect(polling.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('HTTP hardening: configured CORS origins and the rate limit', () => {
  const CONSOLE = 'https://console.example';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '5',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '5',
      CORS_ORIGINS: CONSOLE,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  // In order: anonymous requests count against loopback's 5 a minute (sign-in has a budget of its own), the
  // commander's against its own 5.
  it('a configured origin gets CORS, a foreign one does not; then the 6th+ request within a minute is 429', async () => {
    const allowed = await t.get('/api/v1/incidents').set('Origin', CONSOLE);
    expect(allowed.headers['access-control-allow-origin']).toBe(CONSOLE);
    const foreign = await t.get('/api/v1/incidents').set('Origin', FOREIGN);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    const statuses: number[] = [];
    let limited: request.Response | undefined;
    // Without a token, and with spoofed client addresses: the limit runs before authentication and trusts no proxy
    // header, so neither a flood of anonymous requests nor X-Forwarded-For escapes it.
    for (let i = 0; i < 8; i++) {
      const response = await request(t.baseUrl).get('/api/v1/incidents').set('X-Forwarded-For', `203.0.113.${i}`);
      statuses.push(response.status);
      if (response.status === 429 && !limited) limited = response;
    }
    // startTestApp's sign-in counts in the sign-in budget, not in these 5: five 401s, then nothing but 429.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBe(5);
    expect(statuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
    expect(limited!.headers['content-type']).toMatch(PROBLEM);
    expect(limited!.body).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    // A signed-in user has a budget of its own (the two CORS calls above used 2 of it), untouched by the flood.
    expect([
      (await t.get('/api/v1/incidents')).status,
      (await t.get('/api/v1/incidents')).status,
      (await t.get('/api/v1/incidents')).status,
    ]).toEqual([200, 200, 200]);
    expect((await t.get('/api/v1/incidents')).status).toBe(429);
  });

  it('sign-in is rate limited too (its own per-address budget), right password or not, before the per-name lock could apply', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6 && !statuses.includes(429); i++) {
      statuses.push(
        (
          await request(t.baseUrl)
            .post('/api/v1/auth/login')
            .send({ username: t.commander.username, password: t.commander.password })
        ).status,
      );
    }
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
  });
});
