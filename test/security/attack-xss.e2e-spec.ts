import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { validateConfig, apiDocsPublic } from '../../libs/shared/src/nest';
import { checkCap12 } from '../../libs/warnings/src/testing/cap-conformance';
import { drillBody, drillIncidentPayload } from '../drills/drill-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { labelled, PAYLOAD_KINDS } from './xss-payloads';

/**
 * Stored XSS, replayed over HTTP (the browser half is test/console/attack-xss.browser.e2e-spec.ts): what the server
 * itself renders from stored text (the evaluation report, CAP XML), the policy every page is served with, and the
 * transport leaks next to it (source maps, HSTS over plain HTTP, API docs that could not be switched off).
 */
const CONSOLE_DIST = resolve(__dirname, '../../apps/console/dist');

/** `script-src 'self' 'unsafe-inline'` → { 'script-src': ["'self'", "'unsafe-inline'"] } */
function parseCsp(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The tags a payload would open had it not been escaped; their escaped forms are harmless text. */
const RAW_MARKUP = /<(img|iframe|svg|script|style|a|b|div)[\s>]/i;

describe('attack: stored script in user text, and the policy pages are served with', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let duty: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    [coordinator, duty] = await Promise.all([t.user(['drill_coordinator']), t.user(['duty_officer', 'commander'])]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the console page allows no inline script, no plugins, no frames, no foreign base or form targets', async () => {
    const response = await request(t.baseUrl).get('/').expect(200);
    const csp = parseCsp(response.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-src']).toEqual(["'none'"]);
    expect(csp['child-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(response.headers['x-frame-options']).toBe('DENY');
    // The built page itself: every script is a file of the console's own, no inline script or handler.
    expect(response.text).toContain('<div id="root">');
    const scripts = [...response.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(response.text).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('the same policy is on API answers and errors; only /api/docs gets inline styles, and still no inline script', async () => {
    for (const path of ['/api/v1/incidents', '/api/v1/no-such-route', '/health']) {
      const csp = parseCsp((await t.get(path)).headers['content-security-policy']);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'"]);
    }
    const docs = await request(t.baseUrl).get('/api/docs').expect(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.text).toContain('swagger-ui');
    const csp = parseCsp(docs.headers['content-security-policy']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    await request(t.baseUrl).get('/api/docs/openapi.json').expect(200);
    await request(t.baseUrl).get('/api/docs-yaml').expect(200);
  });

  it('the evaluation report shows script payloads as text, and runs no script even if one got through', async () => {
    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ title: labelled('演练', 'breakout') }))
        .expect(201)
    ).body.id as string;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    await t
      .post(`/api/v1/drills/${drill}/injects`, coordinator.token)
      .send({
        kind: 'report_incident',
        payload: drillIncidentPayload({ title: labelled('演练事故', 'img'), jurisdiction: '640500' }),
      })
      .expect(201);
    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);
    await t
      .post(`/api/v1/drills/${drill}/evaluation/rubric`, coordinator.token)
      .send({ aspects: [{ key: 'command', label: labelled('指标', 'svg'), weight: 1, maxScore: 100 }] })
      .expect(200);
    await t
      .post(`/api/v1/drills/${drill}/evaluation/scores`, coordinator.token)
      .send({ scores: [{ aspect: 'command', score: 60 }] })
      .expect(201);
    await t
      .post(`/api/v1/drills/${drill}/evaluation/findings`, coordinator.token)
      .send({ text: labelled('问题', 'iframe') })
      .expect(201);
    // The payloads are stored as typed: text is data, not something to strip.
    const stored = (await t.get(`/api/v1/drills/${drill}/evaluation`).expect(200)).body;
    expect(stored.findings[0].text).toBe(labelled('问题', 'iframe'));

    const report = await t.get(`/api/v1/drills/${drill}/evaluation/report`).expect(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    const body = report.text.slice(report.text.indexOf('<body>'));
    expect(body).not.toMatch(RAW_MARKUP);
    expect(report.text).not.toMatch(/<(script|iframe|svg|img)\b/i);
    // Handler attributes only exist inside a tag; here they are escaped text between tags.
    expect(report.text).not.toMatch(/<[^>]*\son(error|load)=/i);
    for (const [tag, kind] of [
      ['演练', 'breakout'],
      ['演练事故', 'img'],
      ['指标', 'svg'],
      ['问题', 'iframe'],
    ] as const) {
      expect(report.text).toContain(escapeForCheck(labelled(tag, kind)));
    }
    const csp = parseCsp(report.headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toBeUndefined();
    expect(csp).toHaveProperty('sandbox');
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it('CAP 1.2 carries script payloads as escaped text that parses back to exactly what was typed', async () => {
    const message = labelled('预警', 'breakout');
    const instruction = labelled('撤离', 'img');
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const issued = await t
      .post('/api/v1/warnings', duty.token)
      .send({
        level: 'yellow',
        hazard: '危险化学品泄漏',
        jurisdiction: '640500',
        area: {
          description: labelled('区域', 'svg'),
          polygon: [
            { lat: 37.45, lng: 105.6 },
            { lat: 37.5, lng: 105.6 },
            { lat: 37.5, lng: 105.7 },
            { lat: 37.45, lng: 105.6 },
          ],
        },
        message,
        instruction,
        effective: hours(-0.1),
        expires: hours(6),
        channels: ['sms'],
      })
      .expect(201);
    const cap = await t.get(`/api/v1/warnings/${issued.body.id}/cap`).expect(200);
    expect(cap.text).not.toMatch(RAW_MARKUP);
    expect(checkCap12(cap.text).problems).toEqual([]);
    const parsed = new XMLParser({ parseTagValue: false, processEntities: true, htmlEntities: false }).parse(
      cap.text,
    ) as { alert: { info: { description: string; instruction: string; area: { areaDesc: string } } } };
    expect(parsed.alert.info.description).toBe(message);
    expect(parsed.alert.info.instruction).toBe(instruction);
    expect(parsed.alert.info.area.areaDesc).toBe(labelled('区域', 'svg'));
  });

  it('a script payload as a target category is refused, answered back as the same text in JSON, and never stored', async () => {
    for (const kind of PAYLOAD_KINDS) {
      const category = labelled('类别', kind);
      const response = await t
        .put('/api/v1/targets/640500/2026', duty.token)
        .send({ targets: [{ indicator: 'deaths', kind: 'ceiling', value: 1, category }] })
        .expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      if (category.length > 64) {
        // Longer than any category code: refused by its length before it is looked up, naming the field.
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'targets.0.category' }] });
      } else {
        expect(response.body).toMatchObject({ code: 'TARGET_CATEGORY_UNKNOWN', details: { category } });
        expect(response.body.detail).toBe(`未知的行业类别：${category}`);
      }
      // The same text as the category of a year's entered figures.
      const entered = await t
        .put('/api/v1/targets/640500/2026', duty.token)
        .send({ targets: [], recorded: { categories: [{ category, deaths: 1 }] } })
        .expect(400);
      expect(entered.headers['content-type']).toMatch(/application\/problem\+json/);
      if (category.length > 64) {
        expect(entered.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          errors: [{ path: 'recorded.categories.0.category' }],
        });
      } else {
        expect(entered.body).toMatchObject({ code: 'TARGET_CATEGORY_UNKNOWN', details: { category } });
      }
    }
    const stored = await t.sql<{ n: number }>(`select count(*)::int as n from es_events where category = 'targets'`);
    expect(stored).toEqual([{ n: 0 }]);
  });

  it('HSTS is not sent over plain HTTP, not even when a client claims https without a trusted proxy', async () => {
    const plain = await request(t.baseUrl).get('/');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const spoofed = await request(t.baseUrl).get('/health').set('X-Forwarded-Proto', 'https');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('the console’s source maps are not published', async () => {
    const assets = readdirSync(join(CONSOLE_DIST, 'assets'));
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = assets.find((f) => f.endsWith('.js'))!;
    expect(readFileSync(join(CONSOLE_DIST, 'assets', script), 'utf8')).not.toContain('sourceMappingURL');
    const missing = await request(t.baseUrl).get(`/assets/${script}.map`).expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('attack: a source map left in the console folder, API docs switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A development build's leftovers: the map sits next to the script, and must still not be served.
    const dir = mkdtempSync(join(tmpdir(), 'console-map-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>控制台</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)\n//# sourceMappingURL=app-1a2b.js.map');
    writeFileSync(
      join(dir, 'assets', 'app-1a2b.js.map'),
      JSON.stringify({ version: 3, sources: ['../src/secret.ts'], sourcesContent: ['// internal'] }),
    );
    t = await startTestApp({ CONSOLE_DIR: dir, API_DOCS: 'off' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses *.map files even when they exist', async () => {
    await request(t.baseUrl).get('/assets/app-1a2b.js').expect(200);
    const map = await request(t.baseUrl).get('/assets/app-1a2b.js.map').expect(404);
    expect(map.text).not.toContain('sourcesContent');
    await request(t.baseUrl).get('/assets/APP-1A2B.JS.MAP').expect(404);
  });

  it('API_DOCS=off: neither the Swagger page nor the OpenAPI document is served', async () => {
    for (const path of [
      '/api/docs',
      '/api/docs/',
      '/api/docs/openapi.json',
      '/api/docs-yaml',
      '/api/docs/swagger-ui-init.js',
    ]) {
      const response = await request(t.baseUrl).get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.text).not.toMatch(/"openapi"|SwaggerUIBundle/);
    }
    // The API itself is unaffected.
    await t.get('/api/v1/incidents').expect(200);
  });

  it('API_DOCS defaults: public in development and test, off in production; anything else is refused at boot', () => {
    expect(apiDocsPublic(validateConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(apiDocsPublic(validateConfig({ NODE_ENV: 'test' }))).toBe(true);
    const secret = 'x7Kq2mP9vR4tW8yB3nF6hJ1cL5gD0sA2eQ';
    expect(apiDocsPublic(validateConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: secret }))).toBe(false);
    expect(
      apiDocsPublic(validateConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: secret, API_DOCS: 'public' })),
    ).toBe(true);
    expect(apiDocsPublic(validateConfig({ NODE_ENV: 'development', API_DOCS: 'off' }))).toBe(false);
    expect(() => validateConfig({ API_DOCS: 'admin' })).toThrow(/API_DOCS/);
  });
});

/** What a correct HTML escaper makes of the text (the report's own escaper is what is under test, so not reused). */
function escapeForCheck(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
