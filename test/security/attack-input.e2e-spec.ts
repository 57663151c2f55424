// Over 300 lines on purpose: one attack surface (malformed input) per suite, its cases sharing one started app.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { registerWarehouse, teamBody, warehouseBody } from '../support/resource-fixtures';
import { validateConfig } from '../../libs/shared/src/nest';

const PROBLEM = /^application\/problem\+json/;

/** A raw HTTP request, for bodies supertest would re-encode or label. */
function raw(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  token?: string,
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${baseUrl}${path}`,
      { method: 'POST', headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Hostile input the API used to take: non-JSON bodies, dates that do not exist, bidirectional overrides. */
describe('attack: input the JSON API should never have accepted', () => {
  let t: TestApp;
  const storedIncidents = async () =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where event_type = 'IncidentReported'`))[0]!
      .n;

  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  describe('bodies that are not JSON → 415 problem+json, nothing stored', () => {
    const form = new URLSearchParams({
      title: '表单提交的事故',
      category: 'hazardous_chemicals',
      occurredAt: '2026-11-22T13:40:00+08:00',
      jurisdiction: '640571',
    }).toString();
    const cases: Array<[string, Record<string, string>, string]> = [
      ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }, form],
      ['text/plain', { 'content-type': 'text/plain' }, JSON.stringify(incidentBody())],
      [
        'multipart',
        { 'content-type': 'multipart/form-data; boundary=x' },
        `--x\r\nContent-Disposition: form-data; name="title"\r\n\r\n多部分表单\r\n--x--\r\n`,
      ],
      ['XML', { 'content-type': 'application/xml' }, '<incident><title>XML</title></incident>'],
      ['JSON under another type', { 'content-type': 'application/vnd.api+json' }, JSON.stringify(incidentBody())],
      ['JSON without a content type', {}, JSON.stringify(incidentBody())],
    ];
    it.each(cases)('%s on POST /incidents', async (_name, headers, body) => {
      const before = await storedIncidents();
      const response = await raw(t.baseUrl, '/api/v1/incidents', headers, body, t.commander.token);
      expect(response.status).toBe(415);
      expect(response.type).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(String(response.body.detail)).toMatch(/请求体须为 JSON/);
      expect(await storedIncidents()).toBe(before);
    });

    it('form-encoded sign-in is refused too (before any password is checked)', async () => {
      const response = await raw(
        t.baseUrl,
        '/api/v1/auth/login',
        { 'content-type': 'application/x-www-form-urlencoded' },
        new URLSearchParams({ username: t.commander.username, password: t.commander.password }).toString(),
      );
      expect(response.status).toBe(415);
      expect(response.type).toMatch(PROBLEM);
    });

    it('JSON with a charset parameter is still JSON', async () => {
      const response = await raw(
        t.baseUrl,
        '/api/v1/incidents',
        { 'content-type': 'application/json; charset=utf-8' },
        JSON.stringify(incidentBody()),
        t.commander.token,
      );
      expect(response.status).toBe(201);
    });
  });

  describe('instants that do not exist → 400 naming the field, nothing stored', () => {
    it.each([
      '2026-02-30T10:00:00+08:00',
      '2026-02-29T10:00:00+08:00',
      '2026-04-31T08:00:00+08:00',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-01-01T24:61:00+08:00',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T10:00:00+25:00',
    ])('occurredAt %s', async (occurredAt) => {
      const before = await storedIncidents();
      const response = await t.post('/api/v1/incidents').send(incidentBody({ occurredAt }));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const error = (response.body.errors as Array<{ path: string; message: string }>).find(
        (e) => e.path === 'occurredAt',
      );
      expect(error?.message).toMatch(/日期或时间不存在/);
      expect(await storedIncidents()).toBe(before);
    });

    it('real edge dates still pass: 29 February of a leap year, 23:59:59, a +05:45 offset', async () => {
      for (const occurredAt of [
        '2024-02-29T10:00:00+08:00',
        '2025-12-31T23:59:59+08:00',
        '2026-06-01T12:00:00+05:45',
      ]) {
        expect((await t.post('/api/v1/incidents').send(incidentBody({ occurredAt }))).status).toBe(201);
      }
    });

    it('a malformed time is told as a format error, not as a missing date', async () => {
      const response = await t.post('/api/v1/incidents').send(incidentBody({ occurredAt: '2026-11-22 13:40' }));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toMatch(/须为带时区偏移的 ISO 8601 时间/);
    });
  });

  describe('bidirectional control characters → 400 naming the field, nothing stored', () => {
    // U+202E reverses what follows: "…‮gnp.exe" shows as "…exe.png". Each code point on its own, in several fields.
    const controls = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ];
    it.each(controls.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))(
      '%s in an incident title',
      async (_name, control) => {
        const before = await storedIncidents();
        const response = await t.post('/api/v1/incidents').send(incidentBody({ title: `储罐泄漏${control}1 亡 0` }));
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.errors).toEqual([
          expect.objectContaining({ path: 'title', message: expect.stringMatching(/双向文本控制字符/) }),
        ]);
        expect(await storedIncidents()).toBe(before);
      },
    );

    it('nested fields, team and warehouse names, and query strings are checked alike', async () => {
      const before = await storedIncidents();
      const nested = await t
        .post('/api/v1/incidents')
        .send(incidentBody({ reporter: { name: '张\u202E伟', phone: '0955-1234567', organization: '企业安全科' } }));
      expect(nested.status).toBe(400);
      expect(nested.body.errors[0].path).toBe('reporter.name');
      const address = await t
        .post('/api/v1/incidents')
        .send(incidentBody({ location: { address: '纬三路\u2067东', lat: 37.53, lng: 105.14 } }));
      expect(address.body.errors[0].path).toBe('location.address');
      expect(await storedIncidents()).toBe(before);

      const admin = await t.user(['admin']);
      const team = await t
        .post('/api/v1/teams', admin.token)
        .send(teamBody({ name: `危化品救援队\u202E${randomUUID().slice(0, 4)}` }));
      expect(team.status).toBe(400);
      expect(team.body.errors[0].path).toBe('name');
      const warehouse = await t
        .post('/api/v1/warehouses', admin.token)
        .send(warehouseBody({ name: `储备库\u2066${randomUUID().slice(0, 4)}` }));
      expect(warehouse.status).toBe(400);
      expect(warehouse.body.errors[0].path).toBe('name');
      const target = await t
        .put('/api/v1/targets/640500/2026')
        .send({ targets: [{ indicator: 'deaths', kind: 'ceiling', value: 1, category: 'coal_mine\u202E' }] });
      expect([target.status, target.body.errors[0].path]).toEqual([400, 'targets.0.category']);
      const entered = await t
        .put('/api/v1/targets/640500/2025')
        .send({ targets: [], recorded: { categories: [{ category: 'road_traffic\u202E', deaths: 1 }] } });
      expect([entered.status, entered.body.errors[0].path]).toEqual([400, 'recorded.categories.0.category']);
      const list = await t.get(`/api/v1/teams?specialty=${encodeURIComponent('hazardous_chemicals\u202E')}`);
      expect(list.status).toBe(400);
      expect(list.body.errors[0].path).toBe('specialty');
      expect(
        await t.sql(
          `select count(*)::int as n from es_events where event_type in ('TeamRegistered', 'WarehouseRegistered')`,
        ),
      ).toEqual([{ n: 0 }]);
    });

    it('ordinary Chinese, English, digits and emoji with joiners still pass', async () => {
      expect(
        (await t.post('/api/v1/incidents').send(incidentBody({ title: '中卫市 Chemical leak 2 号罐 👩‍🚒' }))).status,
      ).toBe(201);
    });
  });
});

/** `/metrics` could not be restricted: anyone who reached the port read it. */
describe('attack: scraping /metrics from outside the monitoring network', () => {
  it('by default only this machine may scrape; a forwarded outside address may not', async () => {
    const t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
    try {
      expect((await request(t.baseUrl).get('/metrics')).status).toBe(200);
      const outside = await request(t.baseUrl).get('/metrics').set('X-Forwarded-For', '203.0.113.9');
      expect(outside.status).toBe(403);
      expect(outside.headers['content-type']).toMatch(PROBLEM);
      expect(outside.text).not.toMatch(/http_request_duration_seconds/);
    } finally {
      await t.close();
    }
  });

  it('METRICS_TOKEN: a scrape without the bearer token, or with a wrong one, gets 401; the right one gets the metrics', async () => {
    const token = `metrics-${randomUUID()}`;
    const t = await startTestApp({ METRICS_TOKEN: token, TRUST_PROXY: '127.0.0.1' });
    try {
      expect((await request(t.baseUrl).get('/metrics')).status).toBe(401);
      expect((await request(t.baseUrl).get('/metrics').set('Authorization', `Bearer ${token}x`)).status).toBe(401);
      // A user's session token is not the metrics token either.
      expect(
        (await request(t.baseUrl).get('/metrics').set('Authorization', `Bearer ${t.commander.token}`)).status,
      ).toBe(401);
      const scraped = await request(t.baseUrl)
        .get('/metrics')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Forwarded-For', '10.20.30.40');
      expect(scraped.status).toBe(200);
      expect(scraped.text).toMatch(/http_request_duration_seconds/);
    } finally {
      await t.close();
    }
  });

  it('METRICS_ALLOW: only the listed networks may scrape', async () => {
    const t = await startTestApp({ METRICS_ALLOW: '10.20.0.0/16', TRUST_PROXY: '127.0.0.1' });
    try {
      expect((await request(t.baseUrl).get('/metrics')).status).toBe(403);
      expect((await request(t.baseUrl).get('/metrics').set('X-Forwarded-For', '10.21.0.1')).status).toBe(403);
      expect((await request(t.baseUrl).get('/metrics').set('X-Forwarded-For', '10.20.30.40')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("bad settings stop the start with the variable's name", () => {
    expect(() => validateConfig({ METRICS_ALLOW: '10.0.0.0/99' })).toThrow(/METRICS_ALLOW/);
    expect(() => validateConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(() => validateConfig({ TRUST_PROXY: '10.0.0.1, 300.1.1.1' })).toThrow(/TRUST_PROXY.*300\.1\.1\.1/);
    expect(() => validateConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => validateConfig({ DATABASE_OWNER_URL: 'postgres://owner@db/x' })).toThrow(
      /DATABASE_OWNER_URL needs DATABASE_URL/,
    );
    expect(validateConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16, ::1, loopback' }).TRUST_PROXY).toBe(
      '10.0.0.5, 10.1.0.0/16, ::1, loopback',
    );
  });
});

/** What an outside review found still giving way after the first round: dates, error language, invisible text, passwords. */
describe('attack: the second round of hostile input', () => {
  let t: TestApp;
  let admin: TestUser;
  let duty: TestUser;
  const CHINESE = /[\u4e00-\u9fff]/;
  const count = async (types: string[]) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where event_type = any($1)`, [types]))[0]!.n;
  /** Any method, raw body, so nothing is re-encoded on the way. */
  const send = (
    method: string,
    path: string,
    body: string | undefined,
    token?: string,
    contentType: string | null = 'application/json',
  ) =>
    fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body }),
    }).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type') ?? '',
      body: (await r.json()) as { code?: string; detail?: string; errors?: Array<{ path: string; message: string }> },
    }));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.user(['admin']);
    duty = await t.user(['duty_officer'], '640521');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('instants outside 1900–2999 and dates that bypassed the instant check', () => {
    it('an incident dated year 0000 is refused; the board keeps working for the next incident', async () => {
      const before = await count(['IncidentReported']);
      for (const occurredAt of ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59+08:00', '3000-01-01T00:00:00Z']) {
        const response = await t
          .post('/api/v1/incidents', duty.token)
          .send(incidentBody({ occurredAt, jurisdiction: '640521' }));
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors).toEqual([
          { path: 'occurredAt', message: expect.stringContaining('时间超出允许范围（1900–2999 年）') },
        ]);
      }
      expect(await count(['IncidentReported'])).toBe(before);
      const next = await t
        .post('/api/v1/incidents', duty.token)
        .send(incidentBody({ occurredAt: '1900-01-01T08:00:00+08:00', jurisdiction: '640521' }))
        .expect(201);
      await expectEventually(async () => (await t.get(`/api/v1/incidents/${next.body.id}`, duty.token)).status === 200);
    });

    it('receipt expiry: impossible, rolled-over and year-0000 dates are 400s (not a 500, not stored)', async () => {
      const warehouseId = await registerWarehouse(t, admin.token);
      const before = await count(['StockReceived']);
      const cases: Array<[string, RegExp]> = [
        ['2026-13-45T25:61:00Z', /日期或时间不存在/],
        ['2026-02-30T00:00:00+08:00', /日期或时间不存在/],
        ['0000-01-01T00:00:00Z', /时间超出允许范围/],
      ];
      for (const [expiresAt, message] of cases) {
        const response = await t
          .post(`/api/v1/warehouses/${warehouseId}/receipts`, admin.token)
          .send({ items: [{ materialCode: '1010101', quantity: 5, expiresAt }] });
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors).toEqual([{ path: 'items.0.expiresAt', message: expect.stringMatching(message) }]);
      }
      expect(await count(['StockReceived'])).toBe(before);
      await t
        .post(`/api/v1/warehouses/${warehouseId}/receipts`, admin.token)
        .send({ items: [{ materialCode: '1010101', quantity: 5, expiresAt: '2028-02-29T00:00:00+08:00' }] })
        .expect(201);
    });

    it('the audit window takes the same instants, refused in Chinese', async () => {
      for (const from of ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', 'yesterday']) {
        const response = await t.get(`/api/v1/audit?from=${encodeURIComponent(from)}`, admin.token);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ path: 'from', message: expect.stringMatching(CHINESE) }]);
        expect(JSON.stringify(response.body)).not.toMatch(/ISO 8601 date string/);
      }
      await t.get(`/api/v1/audit?from=${encodeURIComponent('2026-01-01T00:00:00+08:00')}`, admin.token).expect(200);
    });
  });

  describe('every error in Chinese, with a stable code', () => {
    it('malformed JSON and prototype keys → MALFORMED_JSON; an empty JSON body → EMPTY_BODY; nothing stored', async () => {
      const before = await count(['IncidentReported']);
      const bodies: Array<[string, string]> = [
        ['{"title": "储罐泄漏",', 'MALFORMED_JSON'],
        [`{"__proto__": {"admin": true}, ${JSON.stringify(incidentBody()).slice(1)}`, 'MALFORMED_JSON'],
        [
          `{"constructor": {"prototype": {"admin": true}}, ${JSON.stringify(incidentBody()).slice(1)}`,
          'MALFORMED_JSON',
        ],
        ['', 'EMPTY_BODY'],
      ];
      for (const [body, code] of bodies) {
        const response = await send('POST', '/api/v1/incidents', body, t.commander.token);
        expect(response.status).toBe(400);
        expect(response.type).toMatch(PROBLEM);
        expect(response.body.code).toBe(code);
        expect(response.body.detail).toMatch(CHINESE);
      }
      expect(await count(['IncidentReported'])).toBe(before);
    });

    it('an unknown route → 404 ROUTE_NOT_FOUND in Chinese, signed in or not', async () => {
      for (const token of [t.commander.token, undefined]) {
        const response = await send('GET', '/api/v1/nope', undefined, token, null);
        expect(response.status).toBe(404);
        expect(response.type).toMatch(PROBLEM);
        expect(response.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: '接口不存在：GET /api/v1/nope' });
      }
      expect((await send('DELETE', '/api/v1/incidents', undefined, t.commander.token, null)).body.code).toBe(
        'ROUTE_NOT_FOUND',
      );
    });

    it('POST /auth/refresh with an array body → 400 saying the body must be an object', async () => {
      const response = await send('POST', '/api/v1/auth/refresh', '[]');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([{ path: 'body', message: '请求内容须为 JSON 对象' }]);
    });

    it('sign-in with a username that is not a string names the type error', async () => {
      for (const username of [{ a: 1 }, null, []]) {
        const response = await send(
          'POST',
          '/api/v1/auth/login',
          JSON.stringify({ username, password: 'whatever-password' }),
        );
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ path: 'username', message: 'username 必须是字符串' }]);
      }
      const missing = await send('POST', '/api/v1/auth/login', JSON.stringify({ password: 'whatever-password' }));
      expect(missing.body.errors).toEqual([{ path: 'username', message: 'username 为必填项' }]);
    });

    it('an administrator acting on a user of another county gets 用户不存在, without the id or a code word', async () => {
      const county = await t.user(['admin'], '640521');
      const outside = await t.user(['viewer'], '640522');
      const response = await t
        .post(`/api/v1/users/${outside.id}/password-reset`, county.token)
        .send({ newPassword: `reset-${randomUUID()}` });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'USER_NOT_FOUND', detail: '用户不存在' });
      expect(response.body.detail).not.toContain(outside.id);
      expect(
        await t.sql(`select 1 from es_events where event_type = 'UserPasswordReset' and data->>'userId' = $1`, [
          outside.id,
        ]),
      ).toEqual([]);
    });

    it('guard: bad requests over many routes all answer with a Chinese detail and Chinese field messages', async () => {
      const routes: Array<[string, string]> = [
        ['POST', '/api/v1/incidents'],
        ['POST', '/api/v1/teams'],
        ['POST', '/api/v1/warehouses'],
        ['POST', '/api/v1/warnings'],
        ['POST', '/api/v1/users'],
        ['POST', '/api/v1/plans'],
        ['POST', '/api/v1/drills'],
        ['POST', '/api/v1/auth/login'],
        ['POST', '/api/v1/auth/refresh'],
        ['POST', '/api/v1/auth/password'],
        [`POST`, `/api/v1/incidents/${randomUUID()}/situation-updates`],
        ['POST', '/api/v1/incidents/not-a-uuid/close'],
        ['POST', '/api/v1/duty/roll-calls'],
        ['POST', '/api/v1/replays'],
        ['PUT', '/api/v1/targets/640500/2026'],
      ];
      const bodies: Array<string | undefined> = [
        '{"x":',
        '',
        '[]',
        '"text"',
        '42',
        'null',
        '{}',
        '{"unknown":1}',
        '{"__proto__":{"a":1}}',
        JSON.stringify({
          title: 1,
          name: [],
          username: { a: 1 },
          password: null,
          occurredAt: '0000-01-01T00:00:00Z',
          jurisdiction: 640521,
        }),
      ];
      let checked = 0;
      for (const [method, path] of routes) {
        for (const body of bodies) {
          const response = await send(method, path, body, admin.token);
          const where = `${method} ${path} ${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`;
          expect([where, response.status >= 400 && response.status < 500]).toEqual([where, true]);
          expect([where, response.type]).toEqual([where, expect.stringMatching(PROBLEM)]);
          expect([where, response.body.detail]).toEqual([where, expect.stringMatching(CHINESE)]);
          for (const error of response.body.errors ?? [])
            expect([where, error.message]).toEqual([where, expect.stringMatching(CHINESE)]);
          checked++;
        }
      }
      for (const path of [
        '/api/v1/nope',
        '/api/v1/statistics?from=0000-01-01T00:00:00Z',
        '/api/v1/audit?to=2026-02-30T00:00:00Z',
        '/api/v1/incidents/not-a-uuid',
        '/api/v1/teams?limit=abc',
        '/api/v1/statistics/targets?year=abc',
        '/api/v1/targets/not-a-code/2026',
      ]) {
        const response = await send('GET', path, undefined, admin.token, null);
        expect([path, response.status >= 400 && response.status < 500, response.body.detail]).toEqual([
          path,
          true,
          expect.stringMatching(CHINESE),
        ]);
        for (const error of response.body.errors ?? [])
          expect([path, error.message]).toEqual([path, expect.stringMatching(CHINESE)]);
        checked++;
      }
      expect(checked).toBe(routes.length * bodies.length + 7);
    });
  });

  describe('invisible characters → 400 naming the field, nothing stored', () => {
    const invisible = [
      '\u200B',
      '\u2028',
      '\u2029',
      '\uFEFF',
      '\u180E',
      '\u034F',
      '\u115F',
      '\u1160',
      '\u3164',
      '\uFFA0',
    ];
    it.each(invisible.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
      '%s in an incident title',
      async (name, character) => {
        const before = await count(['IncidentReported']);
        const response = await t.post('/api/v1/incidents').send(incidentBody({ title: `储罐泄漏${character}1 亡 0` }));
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors).toEqual([
          { path: 'title', message: expect.stringContaining(`不可见字符 ${name}`) },
        ]);
        expect(await count(['IncidentReported'])).toBe(before);
      },
    );

    it('the zero-width joiner of emoji sequences and ordinary text still pass', async () => {
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ title: '消防员 👨\u200D🚒 到场，Line 2 号罐' }))
        .expect(201);
    });
  });

  describe('passwords: a repeated short unit or the username inside → 400, nothing stored or changed', () => {
    const hashOf = async (id: string) =>
      (await t.sql<{ h: string }>(`select password_hash as h from users where id = $1`, [id]))[0]!.h;

    it('creating cmd.haiyuan with cmd.haiyuan123 or abcabcabcabc is refused', async () => {
      for (const [password, message] of [
        ['cmd.haiyuan123', '密码不能包含用户名'],
        ['CMD.HaiYuan-2026', '密码不能包含用户名'],
        ['abcabcabcabc', '片段重复'],
      ] as const) {
        const response = await t.post('/api/v1/users', admin.token).send({
          username: 'cmd.haiyuan',
          password,
          displayName: '海原指挥',
          roles: ['commander'],
          jurisdiction: '640522',
        });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ path: 'password', message: expect.stringContaining(message) }]);
      }
      expect(await t.sql(`select 1 from users where username = 'cmd.haiyuan'`)).toEqual([]);
      expect(
        await t.sql(`select 1 from es_events where event_type = 'UserCreated' and data->>'username' = 'cmd.haiyuan'`),
      ).toEqual([]);
    });

    it("changing one's own password, or an administrator resetting one, to one with the username is refused", async () => {
      const user = await t.user(['duty_officer'], '640521');
      const before = await hashOf(user.id);
      const change = await t
        .post('/api/v1/auth/password', user.token)
        .send({ currentPassword: user.password, newPassword: `${user.username.toUpperCase()}-2026` });
      expect(change.status).toBe(400);
      expect(change.body.errors).toEqual([
        { path: 'newPassword', message: expect.stringContaining('密码不能包含用户名') },
      ]);
      const repeated = await t
        .post('/api/v1/auth/password', user.token)
        .send({ currentPassword: user.password, newPassword: 'xyzqxyzqxyzq' });
      expect(repeated.body.errors).toEqual([{ path: 'newPassword', message: expect.stringContaining('片段重复') }]);
      const reset = await t
        .post(`/api/v1/users/${user.id}/password-reset`, admin.token)
        .send({ newPassword: `值班-${user.username}-新` });
      expect(reset.status).toBe(400);
      expect(reset.body.errors).toEqual([
        { path: 'newPassword', message: expect.stringContaining('密码不能包含用户名') },
      ]);
      expect(await hashOf(user.id)).toBe(before);
      expect(
        await t.sql(
          `select 1 from es_events where event_type in ('UserPasswordChanged', 'UserPasswordReset') and data->>'userId' = $1`,
          [user.id],
        ),
      ).toEqual([]);
      // The refused change did not count as a wrong guess of the current password.
      await t
        .post('/api/v1/auth/password', user.token)
        .send({ currentPassword: user.password, newPassword: `值班室-黄河大桥-${randomUUID().slice(0, 4)}` })
        .expect(204);
    });
  });
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}
