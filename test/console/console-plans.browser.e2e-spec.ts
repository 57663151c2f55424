import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { publishedPlan } from '../support/plan-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The drill coordinator's view of plan governance: each plan of the jurisdiction with its filing deadline (20 working
 * days after publication), its evaluation and drill due dates, from `GET /plans/governance`.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('plan governance in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let coordinator: TestUser;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    coordinator = await t.user(['drill_coordinator'], '640500');
    ({ browser, page } = await consolePageAs(t.baseUrl, coordinator));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists a newly published plan as due for filing, with its deadline, under 预案管理', async () => {
    const admin = await t.user(['admin'], '640500');
    const title = '中卫市危险化学品事故应急预案（<b>测试</b>）';
    const planId = await publishedPlan(t, admin.token, { title });
    const listed = (await t.get('/api/v1/plans/governance', coordinator.token).expect(200)).body as {
      plans: { planId: string; filing: { deadline: string; stateLabel: string } | null }[];
    };
    const filing = listed.plans.find((p) => p.planId === planId)?.filing;
    expect(filing?.stateLabel).toBe('待备案');
    await page.getByTestId('nav-plans').click();
    const row = page.locator(`[data-testid="plan-row"][data-plan-id="${planId}"]`);
    await row.waitFor({ timeout: 20_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(title);
    // Calendar dates are written with their year as the language does (2026/12/31).
    expect(text).toContain(`待备案（期限 ${filing!.deadline.slice(0, 10).replaceAll('-', '/')}`);
    expect(await row.locator('b').count()).toBe(0);
    await screenshot(page, 'console-plan-governance');
  });
});
