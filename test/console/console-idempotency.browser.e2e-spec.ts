import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot, signInThroughConsole } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A command from the console whose answer is lost is applied once. The browser's requests pass through Playwright's
 * router: the first attempt of a command is forwarded to the real server (which stores it) and then its answer is
 * thrown away — the connection reset, or replaced by the 503 a server gives when its database goes away after the
 * append, or by the 202 it gives when its read models lag. The console retries (or the user presses again) and the
 * stored events show the command exactly once; every attempt of one action carried the same Idempotency-Key.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UPDATES = '**/api/v1/incidents/*/updates';

/** One attempt of a command as the browser sent it. */
interface Sent {
  method: string;
  path: string;
  key: string | undefined;
  body: string | null;
}

suite('console commands under lost answers', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let commander: TestUser;
  let incidentId: string;
  /** Every mutation the page sent to the API, sign-in excepted, in order. */
  const sent: Sent[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    commander = await t.user(['commander']);
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (
        request.method() === 'GET' ||
        !url.pathname.startsWith('/api/v1/') ||
        url.pathname.startsWith('/api/v1/auth/')
      )
        return;
      sent.push({
        method: request.method(),
        path: url.pathname,
        key: request.headers()['idempotency-key'],
        body: request.postData(),
      });
    });
    await page.goto(t.baseUrl);
    await signInThroughConsole(page, commander);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The incident's stored events of one type (the event store, read through the API). */
  const eventsOf = async (type: string) =>
    (
      (await t.get(`/api/v1/incidents/${incidentId}/events`, commander.token).expect(200)).body as {
        type: string;
        data: Record<string, unknown>;
      }[]
    ).filter((e) => e.type === type);
  const updatesWith = async (measures: string) =>
    (await eventsOf('SituationUpdated')).filter((e) => e.data.measures === measures);
  const keysOf = (filter: (s: Sent) => boolean) => sent.filter(filter).map((s) => s.key);
  const feedback = (kind: string) =>
    page.locator(`[data-testid="action-feedback"][data-kind="${kind}"]`).waitFor({ timeout: 40_000 });

  /** The intake form filled in for a new report with this title. */
  const fillIntake = async (title: string) => {
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-form').waitFor();
    await page.getByTestId('intake-title').fill(title);
    await page.getByTestId('intake-category').selectOption('hazardous_chemicals');
    await page.getByTestId('intake-occurredAt').fill(beijingLocal(new Date(Date.now() - 10 * 60_000)));
    await page.getByTestId('intake-address').fill('中卫工业园区纬三路');
    await page.getByTestId('intake-lat').fill('37.53');
    await page.getByTestId('intake-lng').fill('105.14');
    await page.getByTestId('intake-jurisdiction').selectOption('640571');
    await page.getByTestId('intake-reporterName').fill('张伟');
    await page.getByTestId('intake-reporterPhone').fill('0955-1234567');
    await page.getByTestId('intake-reporterOrganization').fill('企业安全科');
    await page.getByTestId('intake-description').fill('储罐阀门泄漏，现场有刺激性气味');
  };

  it('a report whose answer is cut after the server stored it is retried with its key and stored once', async () => {
    const title = `储罐区泄漏（应答丢失 ${randomUUID().slice(0, 6)}）`;
    const forwarded: number[] = [];
    await page.route('**/api/v1/incidents', async (route: Route) => {
      if (route.request().method() !== 'POST' || forwarded.length > 0) return route.continue();
      // The server receives and stores the report; the browser never hears back.
      forwarded.push((await route.fetch()).status());
      return route.abort('connectionreset');
    });
    await fillIntake(title);
    await page.getByTestId('intake-submit').click();
    const detail = page.getByTestId('incident-detail');
    await detail.waitFor({ timeout: 30_000 });
    incidentId = (await detail.getAttribute('data-incident-id'))!;
    await page.unroute('**/api/v1/incidents');

    expect(forwarded).toEqual([201]);
    const attempts = keysOf((s) => s.method === 'POST' && s.path === '/api/v1/incidents');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts).size).toBe(1);
    expect(attempts[0]).toMatch(UUID);
    const listed = (await t.get('/api/v1/incidents', commander.token).expect(200)).body as {
      id: string;
      title: string;
    }[];
    expect(listed.filter((i) => i.title === title).map((i) => i.id)).toEqual([incidentId]);
    expect(await eventsOf('IncidentReported')).toHaveLength(1);
  }, 60_000);

  it('a follow-up answered 503 after it was stored is retried with the same key and stored once', async () => {
    const measures = `设置警戒区（503 ${randomUUID().slice(0, 6)}）`;
    let first = true;
    await page.route(UPDATES, async (route: Route) => {
      if (!first) return route.continue();
      first = false;
      await route.fetch();
      // What the API answers when its database goes away after the append: "try later".
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
        body: JSON.stringify({ status: 503, code: 'DATABASE_UNAVAILABLE', detail: '数据库暂不可用，请稍后重试' }),
      });
    });
    await page.getByTestId('followup-measures').fill(measures);
    await page.getByTestId('followup-submit').click();
    await feedback('ok');
    await page.unroute(UPDATES);

    const attempts = keysOf((s) => s.path.endsWith('/updates') && s.body!.includes(measures));
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts).size).toBe(1);
    expect(attempts[0]).toMatch(UUID);
    expect(await updatesWith(measures)).toHaveLength(1);
  }, 60_000);

  it('when every retry fails the user is told; pressing again with the same content does not store it twice', async () => {
    const measures = `疏散下风向群众（断网 ${randomUUID().slice(0, 6)}）`;
    let forwarded = 0;
    await page.route(UPDATES, async (route: Route) => {
      // The first attempt reaches the server; then the line stays down for every retry.
      if (forwarded++ === 0) await route.fetch();
      return route.abort('connectionreset');
    });
    await page.getByTestId('followup-measures').fill(measures);
    await page.getByTestId('followup-submit').click();
    // Disabled while the console retries: a second press cannot start a second action.
    expect(await page.getByTestId('followup-submit').isDisabled()).toBe(true);
    await feedback('error');
    expect(await page.getByTestId('action-feedback').textContent()).toContain('原样再次提交不会重复执行');
    await page.unroute(UPDATES);
    const automatic = keysOf((s) => s.path.endsWith('/updates') && s.body!.includes(measures));
    expect(automatic.length).toBeGreaterThanOrEqual(3);
    expect(await updatesWith(measures)).toHaveLength(1);

    // The form still holds what was typed; the user sends it again and the server recognises the first attempt.
    const answer = page.waitForResponse((r) => r.url().endsWith('/updates') && r.request().method() === 'POST');
    await page.getByTestId('followup-submit').click();
    const replay = await answer;
    // The server's stored first answer, marked as such; the console takes it as the success it is.
    expect(replay.status()).toBe(200);
    expect(replay.headers()['idempotent-replayed']).toBe('true');
    await feedback('ok');
    const all = keysOf((s) => s.path.endsWith('/updates') && s.body!.includes(measures));
    expect(all.length).toBe(automatic.length + 1);
    expect(new Set(all).size).toBe(1);
    expect(await updatesWith(measures)).toHaveLength(1);

    // Changed content is another action, with another key, stored once.
    const other = `${measures}，续`;
    await page.getByTestId('followup-measures').fill(other);
    await page.getByTestId('followup-submit').click();
    // Reset once stored (the page's CSP forbids evaluated strings, so the test polls the field).
    for (
      const until = Date.now() + 10_000;
      Date.now() < until && (await page.getByTestId('followup-measures').inputValue()) !== '';
    )
      await page.waitForTimeout(100);
    expect(await page.getByTestId('followup-measures').inputValue()).toBe('');
    const otherKeys = keysOf((s) => s.path.endsWith('/updates') && s.body!.includes(other));
    expect(otherKeys).toHaveLength(1);
    expect(otherKeys[0]).not.toBe(all[0]);
    expect(await updatesWith(other)).toHaveLength(1);
  }, 90_000);

  it('a double click sends one action', async () => {
    const measures = `双击测试 ${randomUUID().slice(0, 6)}`;
    await page.getByTestId('followup-measures').fill(measures);
    await page.getByTestId('followup-submit').dblclick();
    await feedback('ok');
    await page.waitForTimeout(500);
    expect(keysOf((s) => s.path.endsWith('/updates') && s.body!.includes(measures))).toHaveLength(1);
    expect(await updatesWith(measures)).toHaveLength(1);
  }, 30_000);

  it('a 202 Accepted is shown as saved, and the screen follows once the live update arrives', async () => {
    const measures = `开展环境监测（202 ${randomUUID().slice(0, 6)}）`;
    let first = true;
    await page.route(UPDATES, async (route: Route) => {
      if (!first) return route.continue();
      first = false;
      const stored = (await (await route.fetch()).json()) as { id: string; revision: number; position: string };
      // The answer the API gives once the events are appended but its read models have not caught up.
      return route.fulfill({
        status: 202,
        headers: { 'content-type': 'application/json', location: `/api/v1/incidents/${stored.id}` },
        body: JSON.stringify({
          id: stored.id,
          revision: stored.revision,
          position: stored.position,
          replayed: false,
          accepted: true,
          detail: '已保存，读取结果请稍候',
        }),
      });
    });
    await page.getByTestId('followup-measures').fill(measures);
    await page.getByTestId('followup-submit').click();
    await feedback('accepted');
    expect(await page.getByTestId('action-feedback').textContent()).toContain('已保存');
    // Seen where the user is, at the form far down the screen, without scrolling back up.
    const box = (await page.getByTestId('action-feedback').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await screenshot(page, 'idempotency-202-accepted');
    // Once the live delta has come the screen reads the incident again and says it is current.
    await page.getByTestId('action-feedback').getByText('显示已更新').waitFor({ timeout: 15_000 });
    await page.unroute(UPDATES);
    // The form was reset (the command is stored) and nothing was sent again.
    expect(await page.getByTestId('followup-measures').inputValue()).toBe('');
    expect(keysOf((s) => s.path.endsWith('/updates') && s.body!.includes(measures))).toHaveLength(1);
    expect(await updatesWith(measures)).toHaveLength(1);
  }, 60_000);

  it('a report answered 202 opens the incident as soon as it can be read, stored once', async () => {
    const title = `管廊燃气泄漏（202 ${randomUUID().slice(0, 6)}）`;
    let first = true;
    await page.route('**/api/v1/incidents', async (route: Route) => {
      if (route.request().method() !== 'POST' || !first) return route.continue();
      first = false;
      const stored = (await (await route.fetch()).json()) as { id: string; revision: number; position: string };
      return route.fulfill({
        status: 202,
        headers: { 'content-type': 'application/json', location: `/api/v1/incidents/${stored.id}` },
        body: JSON.stringify({ id: stored.id, revision: stored.revision, position: stored.position, accepted: true }),
      });
    });
    await fillIntake(title);
    // Another place than the first report's: intake warns of a report within 1 km in the last hour, and this test is
    // about the 202, not about that check.
    await page.getByTestId('intake-address').fill('海兴开发区');
    await page.getByTestId('intake-lat').fill('37.444');
    await page.getByTestId('intake-lng').fill('105.62');
    await page.getByTestId('intake-jurisdiction').selectOption('640572');
    await page.getByTestId('intake-submit').click();
    const detail = page.locator('[data-testid="incident-detail"]').filter({ hasText: title });
    await detail.waitFor({ timeout: 30_000 });
    await page.unroute('**/api/v1/incidents');
    const id = (await detail.getAttribute('data-incident-id'))!;
    const listed = (await t.get('/api/v1/incidents', commander.token).expect(200)).body as {
      id: string;
      title: string;
    }[];
    expect(listed.filter((i) => i.title === title).map((i) => i.id)).toEqual([id]);
    expect(keysOf((s) => s.path === '/api/v1/incidents' && s.body!.includes(title))).toHaveLength(1);
  }, 60_000);

  it('every command the console sent carried an Idempotency-Key', () => {
    expect(sent.length).toBeGreaterThan(5);
    for (const s of sent) expect(s.key).toMatch(UUID);
  });
});

/** `datetime-local` wants the wall-clock time; the console reads it as Beijing time. */
function beijingLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
