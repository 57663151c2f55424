import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot } from '../support/browser';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

/**
 * 复盘回放 in a real browser: a drill incident with several changes is replayed at ×20 in the console's replay view;
 * the state shown at the end equals the live state (GET /incidents/{id}); the scrubber seeks back to the report.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the replay browser test needs Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nreplay browser test ${missing}\n`);
const suite = missing ? describe.skip : describe;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('the console replay view (复盘回放) in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let incidentId: string;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    const drillId = await runningDrill(t);
    const waitFor = async (ready: (v: Record<string, unknown>) => boolean) => {
      for (const deadline = Date.now() + 8000; Date.now() < deadline; await sleep(25)) {
        const r = await t.get(`/api/v1/incidents/${incidentId}`);
        if (r.status === 200 && ready(r.body)) return;
      }
      throw new Error('the board did not catch up');
    };
    incidentId = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ title: `复盘回放浏览器测试 ${drillId.slice(0, 6)}`, drillId }))
        .expect(201)
    ).body.id;
    await waitFor(() => true);
    await sleep(400);
    await t
      .post(`/api/v1/incidents/${incidentId}/updates`)
      .send({ casualties: { deaths: 12 }, measures: '设置警戒区，疏散下风向群众' })
      .expect(200);
    await waitFor((v) => (v.casualties as { deaths: number }).deaths === 12);
    await sleep(400);
    await t
      .post(`/api/v1/incidents/${incidentId}/response-level`)
      .send({ level: 'II', reason: '演练：启动二级响应' })
      .expect(200);
    await waitFor((v) => v.responseLevel === 'II');
    await sleep(400);
    // A drill incident's real teams stay put (tabletop); its reporting up and follow-ups are recorded as usual.
    const passed = (
      await t.post(`/api/v1/incidents/${incidentId}/reports`).send({ toLevel: 'county', channel: '电话' }).expect(201)
    ).body;
    await waitFor((v) => Number(v.revision) >= Number(passed.revision ?? 3));
    await sleep(400);
    await t
      .post(`/api/v1/incidents/${incidentId}/updates`)
      .send({ casualties: { deaths: 12, seriousInjuries: 4 } })
      .expect(200);
    await waitFor((v) => (v.casualties as { seriousInjuries: number }).seriousInjuries === 4);

    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    await page.goto(t.baseUrl);
    await page.getByTestId('login-username').fill(t.commander.username);
    await page.getByTestId('login-password').fill(t.commander.password);
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('connection-state')
      .and(page.locator('[data-state="connected"]'))
      .waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('replays the drill incident at ×20 and ends in the live state', async () => {
    // From the incident detail's button to the replay view.
    await page.goto(`${t.baseUrl}/incidents/${incidentId}`);
    await page.getByTestId('open-replay').click();
    await page.getByTestId('replay-view').waitFor();
    await page.getByTestId('replay-status').and(page.locator('[data-status="idle"]')).waitFor();
    await page.getByTestId('replay-speed').fill('20');
    await page.getByTestId('replay-start').click();
    await page.getByTestId('replay-status').and(page.locator('[data-status="finished"]')).waitFor({ timeout: 20_000 });

    const live = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    const shown = page.getByTestId('replay-state');
    const attributes = async () => ({
      revision: await shown.getAttribute('data-revision'),
      position: await shown.getAttribute('data-position'),
      grade: await shown.getAttribute('data-grade'),
      responseLevel: await shown.getAttribute('data-response-level'),
      status: await shown.getAttribute('data-status'),
      teams: await shown.getAttribute('data-teams'),
    });
    expect(await attributes()).toEqual({
      revision: String(live.revision),
      position: live.position,
      grade: live.grade,
      responseLevel: live.responseLevel,
      status: live.status,
      teams: String(live.assignedTeams.length),
    });
    const c = live.casualties;
    expect(await page.getByTestId('replay-casualties').textContent()).toBe(
      `死亡 ${c.deaths} 人，失踪 ${c.missing} 人，重伤 ${c.seriousInjuries} 人，轻伤 ${c.minorInjuries} 人，被困 ${c.trapped} 人`,
    );
    await screenshot(page, 'replay-01-finished-live-state');
  }, 60_000);

  it('the scrubber seeks back to the report; resume plays to the end again', async () => {
    const scrubber = page.getByTestId('replay-scrubber');
    await scrubber.fill(String(await scrubber.getAttribute('min')));
    await page.getByTestId('replay-state').and(page.locator('[data-revision="0"]')).waitFor({ timeout: 10_000 });
    await page.getByTestId('replay-status').and(page.locator('[data-status="paused"]')).waitFor();
    expect(await page.getByTestId('replay-state').getAttribute('data-response-level')).toBe('');
    await screenshot(page, 'replay-02-seek-to-report');
    await page.getByTestId('replay-resume').click();
    await page.getByTestId('replay-status').and(page.locator('[data-status="finished"]')).waitFor({ timeout: 20_000 });
    const live = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(await page.getByTestId('replay-state').getAttribute('data-revision')).toBe(String(live.revision));
  }, 60_000);
});
