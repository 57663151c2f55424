import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot, signInThroughConsole } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The reporting chain on the incident's page: the duty officer writes the 快报 (the server's text, 条例493 第十二条,
 * shown as text, user input included) and ticks off the 第十条 notifications; the commander writes off (核销) an
 * obligation no longer owed, with a reason.
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
  let commander: TestUser;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    duty = await t.user(['duty_officer'], '640500');
    commander = await t.user(['commander'], '640500');
    ({ browser, page } = await consolePageAs(t.baseUrl, duty));
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

  it('ticks off a 第十条 notification and lets the commander write off an obligation with a reason', async () => {
    const reported = await t.post('/api/v1/incidents', duty.token).send(incidentBody()).expect(201);
    const id = reported.body.id as string;
    const pendingNotifications = async () =>
      (
        (await t.get(`/api/v1/incidents/${id}`, duty.token).expect(200)).body.deadlines as {
          party: string | null;
          status: string;
        }[]
      ).filter((d) => d.party && d.status !== 'met' && d.status !== 'late');
    const before = (await pendingNotifications()).length;
    expect(before).toBeGreaterThan(0);
    await page.goto(`${t.baseUrl}/incidents/${id}`);
    await page.getByTestId('incident-detail').waitFor({ timeout: 20_000 });
    await page.getByTestId('notify-party').first().click();
    await page
      .getByTestId('notify-party')
      .nth(before - 1)
      .waitFor({ state: 'detached', timeout: 20_000 });
    expect((await pendingNotifications()).length).toBe(before - 1);

    // The duty officer may not write off; the commander may, and must give a reason.
    expect(await page.getByTestId('write-off').count()).toBe(0);
    await page.getByTestId('logout').click();
    await signInThroughConsole(page, commander);
    await page.goto(`${t.baseUrl}/incidents/${id}`);
    await page.getByTestId('incident-detail').waitFor({ timeout: 20_000 });
    page.once('dialog', (dialog) => void dialog.accept('事故等级核实为一般，不再需要向该方通报'));
    await page.getByTestId('write-off').first().click();
    await page.locator('[data-testid="deadline"][data-status="written_off"]').first().waitFor({ timeout: 20_000 });
    const deadlines = (await t.get(`/api/v1/incidents/${id}`, commander.token).expect(200)).body.deadlines as {
      status: string;
      writeOff: { reason: string } | null;
    }[];
    expect(deadlines.filter((d) => d.status === 'written_off').map((d) => d.writeOff?.reason)).toEqual([
      '事故等级核实为一般，不再需要向该方通报',
    ]);
    await screenshot(page, 'console-reporting-chain');
  });
});
