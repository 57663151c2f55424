import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The duty officer writes the 快报 from the incident's page: the server's text (条例493 第十二条) shown as text,
 * user input included, ready to copy or print.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('report text in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let duty: TestUser;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    duty = await t.user(['duty_officer'], '640500');
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    await page.goto(t.baseUrl);
    await page.getByTestId('login-username').fill(duty.username);
    await page.getByTestId('login-password').fill(duty.password);
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('connection-state')
      .and(page.locator('[data-state="connected"]'))
      .waitFor({ timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('writes the 快报 in 第十二条 order, with a script typed by a caller shown as text', async () => {
    const script = '<img src=x onerror="window.__pwned=1">';
    const reported = await t
      .post('/api/v1/incidents', duty.token)
      .send(incidentBody({ description: `储罐阀门泄漏 ${script}` }))
      .expect(201);
    await page.goto(`${t.baseUrl}/incidents/${reported.body.id}`);
    await page.getByTestId('incident-detail').waitFor({ timeout: 20_000 });
    await page.getByTestId('report-text-generate').click();
    const text = page.getByTestId('report-text');
    await text.waitFor({ timeout: 20_000 });
    const shown = (await text.textContent()) ?? '';
    expect(shown.startsWith('生产安全事故快报')).toBe(true);
    expect(shown).toContain('报告单位：中卫市应急管理局');
    expect(shown).toContain(`三、事故简要经过：储罐阀门泄漏 ${script}`);
    expect(await text.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await text.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-report-text');
  });
});
