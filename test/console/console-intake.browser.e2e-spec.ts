import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot, signInThroughConsole } from '../support/browser';
import {
  logIncidentFromGazetteer,
  openIntake,
  pickPlaceFromGazetteer,
  submitIntake,
} from '../support/night-shift/intake';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * Intake as a duty officer does it at night: the place from the gazetteer (no coordinates typed), a template that
 * reminds what to ask, the warning when the same incident was logged nearby within the hour, a draft that survives a
 * reload and is not shown to the next officer on the same browser, and a point picked on the map.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

type IncidentBody = {
  title: string;
  category: string;
  jurisdiction: string;
  enterprise: string | null;
  location: { address: string; lat: number; lng: number };
  description: string;
};

suite('intake from the gazetteer in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let duty: TestUser;
  let firstId: string;
  const title = `园区储罐泄漏（地名库 ${randomUUID().slice(0, 6)}）`;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    duty = await t.user(['duty_officer'], '640500');
    ({ browser, page } = await consolePageAs(t.baseUrl, duty));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs an incident whose place, position, jurisdiction and enterprise come from the gazetteer', async () => {
    await openIntake(page);
    await page.getByTestId('intake-template').selectOption('chem-leak');
    await page.getByTestId('intake-template-ask').waitFor();
    expect(await page.getByTestId('intake-template-ask').innerText()).toContain('现场风向、风速');
    await pickPlaceFromGazetteer(page, { search: '化工', name: '中卫某化工有限公司' });
    await screenshot(page, 'intake-01-gazetteer-and-template');

    ({ incidentId: firstId } = await logIncidentFromGazetteer(page, {
      place: { search: '化工', name: '中卫某化工有限公司' },
      template: 'chem-leak',
      title,
      casualties: { seriousInjuries: 1 },
    }));
    const stored = (await t.get(`/api/v1/incidents/${firstId}`, duty.token).expect(200)).body as IncidentBody;
    expect(stored).toMatchObject({
      title,
      category: 'hazardous_chemicals',
      jurisdiction: '640571',
      enterprise: '中卫某化工有限公司',
      location: { address: '中卫工业园区纬三路（虚构地址）', lat: 37.533, lng: 105.146 },
    });
    expect(stored.description).toContain('现场风向、风速');
    await screenshot(page, 'intake-02-logged-from-gazetteer');
  }, 90_000);

  it('warns before a second report of the same place within the hour, links the first, and logs on confirmation', async () => {
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/incidents')) posts.push(r.url());
    });
    await expect(
      logIncidentFromGazetteer(page, {
        place: { search: '纬三路', name: '中卫工业园区纬三路' },
        category: 'fire',
        title: '纬三路冒烟（第二个报警电话）',
        description: '路人报告纬三路方向冒烟',
      }),
    ).rejects.toThrow(/可能是同一起事故/);
    const link = page.locator(`[data-testid="intake-nearby-link"][href="/incidents/${firstId}"]`);
    await link.waitFor();
    expect(await link.innerText()).toContain(title);
    expect(posts).toHaveLength(0);
    await page.getByTestId('intake-nearby').scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-03-possibly-the-same-incident');
    const { incidentId } = await submitIntake(page, { confirmNotDuplicate: true });
    expect(incidentId).not.toBe(firstId);
    expect(posts).toHaveLength(1);
  }, 90_000);

  it('keeps a draft across a reload; signing out takes it away, and the next officer on this browser sees none', async () => {
    await openIntake(page);
    const draftTitle = `夜班草稿 ${randomUUID().slice(0, 6)}`;
    await page.getByTestId('intake-title').fill(draftTitle);
    await page.getByTestId('intake-reporterName').fill('李娜');
    await page.reload();
    await page.getByTestId('intake-form').waitFor({ timeout: 20_000 });
    await page.getByTestId('intake-draft-restored').waitFor();
    expect(await page.getByTestId('intake-title').inputValue()).toBe(draftTitle);
    expect(await page.getByTestId('intake-reporterName').inputValue()).toBe('李娜');
    // Only the typed values are stored: nothing in the browser's storage holds a token.
    const stored = String(
      await page.evaluate(`Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join('\\n')`),
    );
    expect(stored).toContain(draftTitle);
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    await screenshot(page, 'intake-04-draft-restored');

    await page.getByTestId('logout').click();
    const next = await t.user(['duty_officer'], '640500');
    await page.getByTestId('login-username').waitFor();
    // The caller's name and phone leave with the officer who typed them.
    const left = String(await page.evaluate(`Object.values(localStorage).join(' ')`));
    expect(left).not.toContain(draftTitle);
    expect(left).not.toContain('李娜');
    await signInThroughConsole(page, next);
    await openIntake(page);
    expect(await page.getByTestId('intake-title').inputValue()).toBe('');
    expect(await page.getByTestId('intake-draft-restored').count()).toBe(0);
  }, 90_000);

  it('sets the position with a click on the map', async () => {
    await openIntake(page);
    await page.getByTestId('intake-map-toggle').click();
    const map = page.getByTestId('intake-map');
    await map.waitFor();
    // The outlines are drawn once loaded; the map then frames the city. A click near the middle lands inside it.
    await page.locator('.intake-map path.leaflet-interactive, .intake-map svg path').first().waitFor();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2 + 20, y: box.height / 2 - 10 } });
    const lat = Number(await page.getByTestId('intake-lat').inputValue());
    const lng = Number(await page.getByTestId('intake-lng').inputValue());
    // The map opens on the demo city's outline.
    expect(lat).toBeGreaterThan(35);
    expect(lat).toBeLessThan(39);
    expect(lng).toBeGreaterThan(103);
    expect(lng).toBeLessThan(107);
    await page.locator('.intake-map-point').waitFor();
    await screenshot(page, 'intake-05-map-point');
  }, 60_000);
});
