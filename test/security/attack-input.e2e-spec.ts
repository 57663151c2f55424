import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';
import { validateConfig } from '../../libs/shared/src/nest';

const PROBLEM = /^application\/problem\+json/;

/** A raw HTTP request, for bodies supertest would re-encode or label. */
function raw(baseUrl: string, path: string, headers: Record<string, string>, body: string, token?: string): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: 'POST', headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Hostile input the API used to take: non-JSON bodies, dates that do not exist, bidirectional overrides. */
describe('attack: input the JSON API should never have accepted', () => {
  let t: TestApp;
  const storedIncidents = async () => (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where event_type = 'IncidentReported'`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('bodies that are not JSON → 415 problem+json, nothing stored', () => {
    const form = new URLSearchParams({ title: '表单提交的事故', category: 'hazardous_chemicals', occurredAt: '2026-11-22T13:40:00+08:00', jurisdiction: '640571' }).toString();
    const cases: Array<[string, Record<string, string>, string]> = [
      ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }, form],
      ['text/plain', { 'content-type': 'text/plain' }, JSON.stringify(incidentBody())],
      ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }, `--x\r\nContent-Disposition: form-data; name="title"\r\n\r\n多部分表单\r\n--x--\r\n`],
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
      const response = await raw(t.baseUrl, '/api/v1/auth/login', { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ username: t.commander.username, password: t.commander.password }).toString());
      expect(response.status).toBe(415);
      expect(response.type).toMatch(PROBLEM);
    });

    it('JSON with a charset parameter is still JSON', async () => {
      const response = await raw(t.baseUrl, '/api/v1/incidents', { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(incidentBody()), t.commander.token);
      expect(response.status).toBe(201);
    });
  });

  describe('instants that do not exist → 400 naming the field, nothing stored', () => {
    it.each(['2026-02-30T10:00:00+08:00', '2026-02-29T10:00:00+08:00', '2026-04-31T08:00:00+08:00', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-01T24:61:00+08:00', '2026-01-01T24:00:00Z', '2026-01-01T23:59:60Z', '2026-01-01T10:00:00+25:00'])(
      'occurredAt %s',
      async (occurredAt) => {
        const before = await storedIncidents();
        const response = await t.post('/api/v1/incidents').send(incidentBody({ occurredAt }));
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        const error = (response.body.errors as Array<{ path: string; message: string }>).find((e) => e.path === 'occurredAt');
        expect(error?.message).toMatch(/日期或时间不存在/);
        expect(await storedIncidents()).toBe(before);
      },
    );

    it('real edge dates still pass: 29 February of a leap year, 23:59:59, a +05:45 offset', async () => {
      for (const occurredAt of ['2024-02-29T10:00:00+08:00', '2025-12-31T23:59:59+08:00', '2026-06-01T12:00:00+05:45']) {
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
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    it.each(controls.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('%s in an incident title', async (_name, control) => {
      const before = await storedIncidents();
      const response = await t.post('/api/v1/incidents').send(incidentBody({ title: `储罐泄漏${control}1 亡 0` }));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'title', message: expect.stringMatching(/双向文本控制字符/) })]);
      expect(await storedIncidents()).toBe(before);
    });

    it('nested fields, team and warehouse names, and query strings are checked alike', async () => {
      const before = await storedIncidents();
      const nested = await t.post('/api/v1/incidents').send(incidentBody({ reporter: { name: '张\u202E伟', phone: '0955-1234567', organization: '企业安全科' } }));
      expect(nested.status).toBe(400);
      expect(nested.body.errors[0].path).toBe('reporter.name');
      const address = await t.post('/api/v1/incidents').send(incidentBody({ location: { address: '纬三路\u2067东', lat: 37.53, lng: 105.14 } }));
      expect(address.body.errors[0].path).toBe('location.address');
      expect(await storedIncidents()).toBe(before);

      const admin = await t.user(['admin']);
      const team = await t.post('/api/v1/teams', admin.token).send({
        name: `危化品救援队\u202E${randomUUID().slice(0, 4)}`, kind: 'professional', specialties: ['hazardous_chemicals'], headcount: 20, equipment: ['防化服'],
        base: { address: '中卫工业园区（测试）', lat: 37.53, lng: 105.15 }, jurisdiction: '640571', contact: { name: '李强', phone: '0955-0000002' },
      });
      expect(team.status).toBe(400);
      expect(team.body.errors[0].path).toBe('name');
      const warehouse = await t.post('/api/v1/warehouses', admin.token).send({
        name: `储备库\u2066${randomUUID().slice(0, 4)}`, level: 'city', location: { address: '中卫市（测试）', lat: 37.51, lng: 105.19 }, jurisdiction: '640500', reserveKind: 'physical',
      });
      expect(warehouse.status).toBe(400);
      expect(warehouse.body.errors[0].path).toBe('name');
      const list = await t.get(`/api/v1/teams?specialty=${encodeURIComponent('hazardous_chemicals\u202E')}`);
      expect(list.status).toBe(400);
      expect(list.body.errors[0].path).toBe('specialty');
      expect(await t.sql(`select count(*)::int as n from es_events where event_type in ('TeamRegistered', 'WarehouseRegistered')`)).toEqual([{ n: 0 }]);
    });

    it('ordinary Chinese, English, digits and emoji with joiners still pass', async () => {
      expect((await t.post('/api/v1/incidents').send(incidentBody({ title: '中卫市 Chemical leak 2 号罐 👩‍🚒' }))).status).toBe(201);
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
      expect((await request(t.baseUrl).get('/metrics').set('Authorization', `Bearer ${t.commander.token}`)).status).toBe(401);
      const scraped = await request(t.baseUrl).get('/metrics').set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', '10.20.30.40');
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

  it('bad settings stop the start with the variable\'s name', () => {
    expect(() => validateConfig({ METRICS_ALLOW: '10.0.0.0/99' })).toThrow(/METRICS_ALLOW/);
    expect(() => validateConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(() => validateConfig({ TRUST_PROXY: '10.0.0.1, 300.1.1.1' })).toThrow(/TRUST_PROXY.*300\.1\.1\.1/);
    expect(() => validateConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => validateConfig({ DATABASE_OWNER_URL: 'postgres://owner@db/x' })).toThrow(/DATABASE_OWNER_URL needs DATABASE_URL/);
    expect(validateConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16, ::1, loopback' }).TRUST_PROXY).toBe('10.0.0.5, 10.1.0.0/16, ::1, loopback');
  });
});
