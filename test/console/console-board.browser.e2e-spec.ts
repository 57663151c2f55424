import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The board in Chromium with more incidents than one page holds: it says how many match and how many are open, leads
 * with the overdue one, loads the rest on demand, finds drill incidents, and a new incident appears while it is open.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

suite('the board in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let commander: TestUser;
  let overdue: string;
  let drillIncident: string;
  const REAL = 60;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    commander = await t.user(['commander'], '640500');
    const report = async (overrides: Record<string, unknown> = {}) =>
      (await t.post('/api/v1/incidents', commander.token).send(incidentBody(overrides)).expect(201)).body.id as string;
    const ids: string[] = [];
    for (let batch = 0; batch < REAL - 1; batch += 10)
      ids.push(...(await Promise.all(Array.from({ length: Math.min(10, REAL - 1 - batch) }, () => report()))));
    overdue = await report({
      title: '逾期未报的储罐泄漏',
      occurredAt: minutesAgo(200),
      receivedAt: minutesAgo(180),
      receivedAtReason: '电话接报后补录',
    });
    for (const id of ids.slice(0, 2))
      await t.post(`/api/v1/incidents/${id}/end-response`, commander.token).send({ summary: '处置完毕' }).expect(200);
    drillIncident = await report({ title: '演练：园区储罐泄漏', drillId: await runningDrill(t, '640500') });
    ({ browser, page } = await consolePageAs(t.baseUrl, commander));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('says how many match and are open, leads with the overdue one, and loads the rest on demand', async () => {
    const count = page.getByTestId('board-count');
    await count.waitFor({ timeout: 20_000 });
    expect(await count.textContent()).toBe(`共 ${REAL} 起，未终止 ${REAL - 2} 起`);
    const rows = page.locator('[data-testid="incident-row"]');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().getAttribute('data-incident-id')).toBe(overdue);
    expect(await rows.first().getAttribute('data-overdue')).toBe('true');
    await screenshot(page, 'board-01-first-page');
    await page.getByTestId('board-load-more').click();
    await page.getByTestId('board-shown').filter({ hasText: '已全部显示' }).waitFor({ timeout: 10_000 });
    expect(await rows.count()).toBe(REAL);
    // Open ones first: the two ended incidents are the last rows.
    const statuses = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-status')));
    expect(statuses.slice(-2)).toEqual(['closed', 'closed']);
    expect(statuses.slice(0, -2).every((s) => s === 'open')).toBe(true);
  }, 60_000);

  it('shows a new incident at its place while open, and counts it', async () => {
    const title = `新接报 ${Date.now()}`;
    const id = (await t.post('/api/v1/incidents', commander.token).send(incidentBody({ title })).expect(201)).body
      .id as string;
    await page.locator(`[data-testid="incident-row"][data-incident-id="${id}"]`).waitFor({ timeout: 10_000 });
    await page
      .getByTestId('board-count')
      .filter({ hasText: `共 ${REAL + 1} 起，未终止 ${REAL - 1} 起` })
      .waitFor({ timeout: 10_000 });
    // Behind the overdue one, before the ended ones.
    const order = await page
      .locator('[data-testid="incident-row"]')
      .evaluateAll((all) => all.map((r) => r.getAttribute('data-incident-id')));
    expect(order.indexOf(id)).toBeGreaterThan(0);
    expect(order.indexOf(id)).toBeLessThan(order.length - 2);
  }, 30_000);

  it('finds drill incidents with the drill filter, and the search asks the server', async () => {
    await page.getByTestId('filter-drill').selectOption('drill');
    await page
      .locator(`[data-testid="incident-row"][data-incident-id="${drillIncident}"]`)
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="incident-row"]').count()).toBe(1);
    expect(await page.getByTestId('board-count').textContent()).toBe('共 1 起，未终止 1 起');
    await page.getByTestId('filter-drill').selectOption('real');
    await page.getByTestId('filter-q').fill('逾期未报');
    await page.getByTestId('board-count').filter({ hasText: '共 1 起，未终止 1 起' }).waitFor({ timeout: 10_000 });
    expect(
      await page
        .locator('[data-testid="incident-row"]')
        .evaluateAll((all) => all.map((r) => r.getAttribute('data-incident-id'))),
    ).toEqual([overdue]);
    await screenshot(page, 'board-02-search');
  }, 30_000);
});
