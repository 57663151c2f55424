import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot, signInThroughConsole } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import { isMarkedStale, waitForLiveAgain, waitForStaleBanner } from '../support/night-shift/live';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A server restart seen from a console in the middle of typing: while the server is down every screen says since
 * when its data is stale; once it is back (same database, same port) the console reconnects and resumes without
 * signing anyone out (the signing key is kept in the database), without remounting its screens (what was typed
 * stays), and live deltas made after the restart arrive.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('the console across a server restart: stale, then current again, still signed in', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let intake: Page;
  let detail: Page;
  let officer: TestUser;
  let incidentId: string;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD)) throw new Error('the console is not built: npm run build:console (npm test does)');
    t = await startTestApp();
    officer = await t.user(['duty_officer'], '640500');
    incidentId = (await t.post('/api/v1/incidents', officer.token).send(incidentBody()).expect(201)).body.id;
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // One officer, two tabs of one console: the intake form in one, the incident's follow-up form in the other
    // (the second tab takes the session from the refresh cookie, as a reload does).
    intake = await context.newPage();
    await intake.goto(t.baseUrl);
    await signInThroughConsole(intake, officer);
    detail = await context.newPage();
    await detail.goto(`${t.baseUrl}/incidents/${incidentId}`);
    await detail.getByTestId('followup-form').waitFor({ timeout: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('marks every screen stale while the server is down, and resumes after its restart with the typed text kept', async () => {
    await intake.getByTestId('nav-intake').click();
    const title = `化工园区管廊泄漏（停机前录入 ${Date.now()}）`;
    const account = '巡检发现管廊法兰处有刺激性气味，已疏散周边作业人员。';
    await intake.getByTestId('intake-title').fill(title);
    await intake.getByTestId('intake-description').fill(account);
    const situation = '现场已设置 200 米警戒区，消防一中队到场处置。';
    const measures = '关闭上游阀门，启动园区应急预案。';
    await detail.getByTestId('followup-description').fill(situation);
    await detail.getByTestId('followup-measures').fill(measures);
    for (const page of [intake, detail]) expect(await isMarkedStale(page)).toBe(false);

    // The server stops. Each console says since when its data is, in Beijing time.
    const port = Number(new URL(t.baseUrl).port);
    const { databaseUrl } = t;
    const stoppedAt = Date.now();
    await t.close({ keepDatabase: true });
    for (const page of [intake, detail]) {
      const banner = await waitForStaleBanner(page);
      expect(banner.text).toMatch(/^数据截至 \d{2}:\d{2}:\d{2}（\d+秒钟前）$/);
      const since = Date.parse(banner.since);
      expect(since).toBeGreaterThanOrEqual(stoppedAt - 1_000);
      expect(since).toBeLessThanOrEqual(Date.now());
      expect(await isMarkedStale(page)).toBe(true);
      expect(await page.getByTestId('connection-state').getAttribute('data-state')).not.toBe('connected');
    }
    await screenshot(detail, 'live-stale-while-server-down');

    // Started again on the same database and port; nobody signs in again.
    t = await startTestApp({}, { databaseUrl, port });
    for (const page of [intake, detail]) {
      await waitForLiveAgain(page);
      expect(await isMarkedStale(page)).toBe(false);
      expect(await page.getByTestId('login-submit').count()).toBe(0);
      await expect(page.getByTestId('current-user').textContent()).resolves.toContain(officer.username);
    }
    expect(await intake.getByTestId('intake-title').inputValue()).toBe(title);
    expect(await intake.getByTestId('intake-description').inputValue()).toBe(account);
    expect(await detail.getByTestId('followup-description').inputValue()).toBe(situation);
    expect(await detail.getByTestId('followup-measures').inputValue()).toBe(measures);

    // A change made after the restart, with the access token issued before it, reaches the open incident live;
    // the officer's typed follow-up survives it.
    const before = await detail.locator('[data-testid="timeline-entry"][data-type="SituationUpdated"]').count();
    await t
      .post(`/api/v1/incidents/${incidentId}/updates`, officer.token)
      .send({ measures: '指挥部要求每 30 分钟续报一次' })
      .expect(200);
    await detail.waitForFunction(
      `document.querySelectorAll('[data-testid="timeline-entry"][data-type="SituationUpdated"]').length > ${before}`,
      undefined,
      { timeout: 10_000 },
    );
    expect(await detail.getByTestId('followup-description').inputValue()).toBe(situation);
    expect(await detail.getByTestId('followup-measures').inputValue()).toBe(measures);
    await screenshot(detail, 'live-current-after-restart');
  }, 120_000);

  it('says the same in English', async () => {
    await intake.getByTestId('lang-switch').click();
    const port = Number(new URL(t.baseUrl).port);
    const { databaseUrl } = t;
    await t.close({ keepDatabase: true });
    const banner = await waitForStaleBanner(intake);
    expect(banner.text).toMatch(/^Data as of \d{2}:\d{2}:\d{2} \(\d+ seconds? ago\)$/);
    await expect(intake.getByTestId('connection-state').textContent()).resolves.toMatch(/data as of \d{2}:\d{2}:\d{2}/);
    t = await startTestApp({}, { databaseUrl, port });
    await waitForLiveAgain(intake);
    await intake.getByTestId('lang-switch').click();
  }, 90_000);
});
