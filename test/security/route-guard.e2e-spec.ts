import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { registeredRoutes, type Route } from '../support/registered-routes';

const SECRET = randomBytes(48).toString('base64url');

describe('every route is closed without a valid token', () => {
  let t: TestApp;
  let routes: Route[];
  const jwt = new JwtService();

  beforeAll(async () => {
    // A known secret lets the test forge tokens that differ from a valid one in exactly one respect.
    t = await startTestApp({ AUTH_TOKEN_SECRET: SECRET });
    routes = registeredRoutes(t.app);
    // A second sign-in of the commander, then logged out: its session id is a real one that ended.
    const second = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: t.commander.username, password: t.commander.password })
      .expect(200);
    endedSession = jwt.decode<{ sid: string }>(second.body.accessToken).sid;
    await request(t.baseUrl)
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${second.body.accessToken}`)
      .expect(204);
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (route: Route, authorization?: string): request.Test => {
    const path = route.pattern.replace(/:[A-Za-z]\w*/g, () => randomUUID());
    const agent = request(t.baseUrl);
    const test =
      route.method === 'GET'
        ? agent.get(path)
        : route.method === 'POST'
          ? agent.post(path).send({})
          : route.method === 'PUT'
            ? agent.put(path).send({})
            : route.method === 'PATCH'
              ? agent.patch(path).send({})
              : route.method === 'DELETE'
                ? agent.delete(path)
                : undefined;
    if (!test) throw new Error(`no client for ${route.method} ${route.pattern}`);
    return authorization === undefined ? test : test.set('Authorization', authorization);
  };

  it('finds the routes it must check (so the checks below cannot pass vacuously)', () => {
    const names = routes.map((r) => `${r.method} ${r.pattern}`);
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /health',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/incidents',
        'GET /api/v1/incidents/:id',
        'POST /api/v1/incidents/:id/close',
        'POST /api/v1/users/:id/disable',
        'GET /api/v1/audit',
      ]),
    );
    // The patterns are the ones Fastify actually serves, not a guess at how Nest joins paths.
    const fastify = t.app.getHttpAdapter().getInstance();
    const unknown = routes.filter((r) => !fastify.hasRoute({ method: r.method as 'GET', url: r.pattern }));
    expect(unknown).toEqual([]);
  });

  // Gateways' readings carry no user token: the route authenticates its device key itself (401 without a valid one).
  it('only the health probes, the metrics scrape, sign-in, renewal (by refresh token) and gateway readings (by device key) are public', () => {
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => `${r.method} ${r.pattern}`)
        .sort(),
    ).toEqual([
      'GET /health',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/monitoring/readings',
    ]);
  });

  // The commander's own session: a forged token below differs from a valid one in exactly one respect.
  const sid = () => jwt.decode<{ sid: string }>(t.commander.token).sid;
  const claims = (overrides: Record<string, unknown> = {}) => ({
    sid: sid(),
    username: t.commander.username,
    roles: ['commander'],
    jurisdiction: '640500',
    ...overrides,
  });
  let endedSession: string;
  const now = () => Math.floor(Date.now() / 1000);
  const credentials: Array<[string, () => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['an empty bearer', () => 'Bearer '],
    ['a garbage bearer', () => 'Bearer not-a-token'],
    ['a JWT-shaped garbage bearer', () => 'Bearer aaaa.bbbb.cccc'],
    ['another scheme with a valid token', () => `Basic ${t.commander.token}`],
    [
      'a token signed by another secret',
      () =>
        `Bearer ${jwt.sign(claims(), { secret: randomBytes(48).toString('base64url'), subject: t.commander.id, expiresIn: 600 })}`,
    ],
    [
      'an unsigned (alg none) token',
      () => `Bearer ${unsigned({ ...claims(), sub: t.commander.id, exp: now() + 600 })}`,
    ],
    [
      'an expired token with the right secret',
      () => `Bearer ${jwt.sign({ ...claims(), exp: now() - 60 }, { secret: SECRET, subject: t.commander.id })}`,
    ],
    [
      'a right-secret token of a user that does not exist',
      () => `Bearer ${jwt.sign(claims(), { secret: SECRET, subject: randomUUID(), expiresIn: 600 })}`,
    ],
    [
      'a right-secret token with an unknown role',
      () =>
        `Bearer ${jwt.sign(claims({ roles: ['root'] }), { secret: SECRET, subject: t.commander.id, expiresIn: 600 })}`,
    ],
    [
      'a right-secret token without a session id',
      () =>
        `Bearer ${jwt.sign(claims({ sid: undefined }), { secret: SECRET, subject: t.commander.id, expiresIn: 600 })}`,
    ],
    [
      'a right-secret token of a session that does not exist',
      () =>
        `Bearer ${jwt.sign(claims({ sid: randomUUID() }), { secret: SECRET, subject: t.commander.id, expiresIn: 600 })}`,
    ],
    [
      'a right-secret token of a session that was logged out',
      () =>
        `Bearer ${jwt.sign(claims({ sid: endedSession }), { secret: SECRET, subject: t.commander.id, expiresIn: 600 })}`,
    ],
    [
      "a right-secret token naming the commander's live session for another user",
      () => `Bearer ${jwt.sign(claims(), { secret: SECRET, subject: randomUUID(), expiresIn: 600 })}`,
    ],
    [
      'a right-secret token signed with another algorithm (HS512)',
      () =>
        `Bearer ${jwt.sign(claims(), { secret: SECRET, subject: t.commander.id, expiresIn: 600, algorithm: 'HS512' })}`,
    ],
  ];

  test.each(credentials)('every non-public route answers 401 problem+json to %s', async (_, authorization) => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const response = await send(route, authorization());
      const contentType = String(response.headers['content-type'] ?? '');
      if (
        response.status !== 401 ||
        !contentType.startsWith('application/problem+json') ||
        response.body.code !== 'UNAUTHENTICATED'
      ) {
        failures.push(
          `${route.method} ${route.pattern} → ${response.status} ${contentType} ${JSON.stringify(response.body).slice(0, 120)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('a valid token is accepted (the forged ones above differ from it in one respect only)', async () => {
    const valid = jwt.sign(claims(), { secret: SECRET, subject: t.commander.id, expiresIn: 600 });
    await request(t.baseUrl).get('/api/v1/incidents').set('Authorization', `Bearer ${valid}`).expect(200);
  });

  it('health and sign-in answer without a token', async () => {
    await request(t.baseUrl).get('/health').expect(200);
    const login = await request(t.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: t.commander.username, password: t.commander.password })
      .expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
  });
});

/** A JWT with `alg: none` and an empty signature: a classic bypass a verifier must refuse. */
function unsigned(payload: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
