import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

/** How command-api serves a console build: the files, deep links, the config, and API 404s left alone. */
describe('serving the console', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>控制台</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    t = await startTestApp({ CONSOLE_DIR: dir, CONSOLE_TILE_URL: 'http://tiles.bureau.local/{z}/{x}/{y}.png' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves index.html at / and for the console’s own routes, without a token', async () => {
    for (const path of ['/', '/incidents/6f1c2b1e-1111-4a4a-8b8b-000000000001', '/map']) {
      const response = await request(t.baseUrl).get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await request(t.baseUrl).get('/assets/app-1a2b.js').expect(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves unknown API paths and missing files as 404 problems', async () => {
    const api = await request(t.baseUrl).get('/api/v1/no-such-thing').expect(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.baseUrl).get('/assets/missing.js').expect(404);
  });

  it('tells the console its tile server and zone, and lets the CSP load tiles from there only', async () => {
    const response = await request(t.baseUrl).get('/console-config.json').expect(200);
    expect(response.body).toEqual({ tileUrl: 'http://tiles.bureau.local/{z}/{x}/{y}.png', timeZone: 'Asia/Shanghai' });
    expect(response.headers['content-security-policy']).toMatch(/img-src 'self' data: http:\/\/tiles\.bureau\.local/);
  });
});

describe('without a console build', () => {
  it('says how to build it', async () => {
    const t = await startTestApp({ CONSOLE_DIR: join(tmpdir(), 'no-console-build-here') });
    try {
      const response = await request(t.baseUrl).get('/').expect(200);
      expect(response.text).toContain('npm run build:console');
    } finally {
      await t.close();
    }
  });
});
