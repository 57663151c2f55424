import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { checkCap12 } from '../../libs/warnings/src/testing/cap-conformance';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import {
  adjustWarning,
  downloadCap,
  issueWarning,
  liftWarning,
  openWarnings,
  previewCap,
  warningRow,
  warningRows,
} from '../support/warnings/warnings';

/**
 * The warnings screen in Chromium: a county duty officer issues a warning with an area drawn on the map, adjusts it
 * (调整), previews and downloads its CAP message, and lifts it (解除) after confirming; a viewer's console sees it
 * arrive live and is offered none of the forms.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const ZONE = 'Asia/Shanghai';
/** An instant as a `datetime-local` value on Beijing's clock, the jurisdiction's zone. */
function wall(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
const HOUR = 3_600_000;

suite('warnings in the console', () => {
  let t: TestApp;
  let duty: TestUser;
  let viewer: TestUser;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    duty = await t.user(['duty_officer'], '640521');
    viewer = await t.user(['viewer'], '640521');
  }, 60_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await t?.close();
  });

  const open = async (user: TestUser): Promise<Page> => {
    const { browser, page } = await consolePageAs(t.baseUrl, user);
    browsers.push(browser);
    await page.setViewportSize({ width: 1366, height: 768 });
    return page;
  };

  it('a duty officer issues a warning with a drawn area, adjusts it, previews and downloads its CAP, and lifts it', async () => {
    const watching = await open(viewer);
    await openWarnings(watching);
    expect(await watching.getByTestId('warnings-issue-open').count()).toBe(0);

    const page = await open(duty);
    // Offline by default: with no tile server configured, the map asks nothing of any other host.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(t.baseUrl) && !/^(blob|data):/.test(url)) elsewhere.push(url);
    });
    await openWarnings(page);
    const hazard = `危险化学品泄漏 <img src=x onerror="window.__pwned=1">`;
    const now = Date.now();
    const id = await issueWarning(
      page,
      {
        level: 'orange',
        hazard,
        jurisdiction: '640521',
        area: '石空工业园区及周边 2 公里',
        corners: [
          { x: 0.35, y: 0.35 },
          { x: 0.65, y: 0.35 },
          { x: 0.6, y: 0.7 },
          { x: 0.4, y: 0.65 },
        ],
        message: '储罐区氯气泄漏，请周边群众关闭门窗、向上风向撤离',
        instruction: '远离园区，听从现场指挥',
        effective: wall(now),
        expires: wall(now + 6 * HOUR),
        channels: ['sms', 'loudspeaker'],
      },
      async () => {
        await page.getByTestId('warning-area-map').scrollIntoViewIfNeeded();
        await screenshot(page, 'warnings-01-issue-form');
      },
    );
    const issued = (await t.get(`/api/v1/warnings/${id}`, duty.token).expect(200)).body;
    expect(issued).toMatchObject({ level: 'orange', hazard, jurisdiction: '640521', channels: ['sms', 'loudspeaker'] });
    expect(issued.messages[0]).toMatchObject({ action: 'issued', actor: expect.stringContaining(duty.username) });
    // Four corners clicked, sent as a closed ring of five points inside the map's view.
    const polygon = issued.area.polygon as { lat: number; lng: number }[];
    expect(polygon).toHaveLength(5);
    expect(polygon[4]).toEqual(polygon[0]);
    expect(new Set(polygon.map((p) => `${p.lat},${p.lng}`)).size).toBe(4);
    expect((await warningRows(page))[0]).toMatchObject({ id, level: 'orange', status: 'active', hazard });
    // The viewer's console has it too, through the live delta, and offers neither adjust nor lift.
    await warningRow(watching, id).waitFor({ timeout: 15_000 });
    await warningRow(watching, id).click();
    await watching.getByTestId('warning-detail').waitFor();
    expect(await watching.getByTestId('warning-adjust').count()).toBe(0);
    expect(await watching.getByTestId('warning-lift').count()).toBe(0);
    await screenshot(page, 'warnings-02-issued');

    const expires = wall(now + 12 * HOUR);
    await adjustWarning(page, id, { level: 'red', expires, reason: '泄漏量增大，扩大影响范围' });
    const adjusted = (await t.get(`/api/v1/warnings/${id}`, duty.token).expect(200)).body;
    expect(adjusted).toMatchObject({ level: 'red', revision: 1 });
    expect(Date.parse(adjusted.expires)).toBe(Date.parse(`${expires}:00+08:00`));
    expect(adjusted.messages.at(-1)).toMatchObject({ action: 'updated', reason: '泄漏量增大，扩大影响范围' });
    await warningRow(watching, id).and(watching.locator('[data-level="red"]')).waitFor({ timeout: 15_000 });

    const shown = await previewCap(page, id);
    const served = (await t.get(`/api/v1/warnings/${id}/cap`, duty.token).expect(200)).text;
    expect(shown).toBe(served);
    expect(shown).toContain('<msgType>Update</msgType>');
    await page.getByTestId('warning-cap-xml').scrollIntoViewIfNeeded();
    await screenshot(page, 'warnings-03-cap-preview');

    const file = await downloadCap(page, id);
    const day = wall(Date.parse(adjusted.messages.at(-1).sent)).slice(0, 10);
    expect(file.fileName).toBe(`预警-危险化学品泄漏 _img src=x onerror=_window.__pwned=1__-${day}.xml`);
    const cap = checkCap12(file.content);
    expect(cap.problems).toEqual([]);
    const info = cap.document.alert.info[0]!;
    expect(info.event).toBe(hazard);
    expect(cap.document.alert).toMatchObject({ msgType: 'Update', status: 'Actual' });
    const ring = [info.area[0]!.polygon].flat()[0];
    expect(String(ring).trim().split(/\s+/)).toHaveLength(5);

    const question = await liftWarning(page, id, '泄漏已封堵，监测数据恢复正常');
    expect(question).toContain(hazard);
    expect(question).toContain('红色预警');
    const lifted = (await t.get(`/api/v1/warnings/${id}`, duty.token).expect(200)).body;
    expect(lifted).toMatchObject({ status: 'lifted', liftReason: '泄漏已封堵，监测数据恢复正常' });
    expect(await page.getByTestId('warning-adjust').count()).toBe(0);
    expect(await page.getByTestId('warning-lift').count()).toBe(0);
    await warningRow(watching, id).and(watching.locator('[data-status="lifted"]')).waitFor({ timeout: 15_000 });
    // After 解除 the CAP message is the Cancel.
    expect(await previewCap(page, id, '<msgType>Cancel</msgType>')).toContain('<msgType>Cancel</msgType>');
    await screenshot(page, 'warnings-04-lifted');

    expect(elsewhere).toEqual([]);
    for (const p of [page, watching]) {
      expect(await p.locator('[data-testid="warnings-screen"] img').count()).toBe(0);
      expect(await p.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    }
  }, 120_000);
});
