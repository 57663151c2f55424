import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import {
  changeSpeed,
  openDrillReplay,
  pauseReplay,
  playedCount,
  replayLines,
  resumeReplay,
  seedDrillWithIncident,
  seekToStart,
  startReplay,
  waitForFinished,
  waitForPlayed,
  type SeededDrill,
} from '../support/replay/drill-replay';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 演练复盘回放 in Chromium: a drill coordinator opens /replay/drill/<id>, plays the drill slowly, pauses, speeds it up,
 * sees the event log in Chinese with who did each step and the drill incident on the map, and seeks back to the start.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the drill replay browser test needs Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\ndrill replay browser test ${missing}\n`);
const suite = missing ? describe.skip : describe;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

suite('whole-drill replay (演练复盘回放) in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let drill: SeededDrill;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    drill = await seedDrillWithIncident(t);
    ({ browser, page } = await consolePageAs(t.baseUrl, drill.coordinator));
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('plays the drill, pauses and speeds it up, and shows Chinese lines with actors and the map marker', async () => {
    await openDrillReplay(page, t.baseUrl, drill.drillId);
    await startReplay(page, 1);
    // ×1: the recorded gaps (1.5 s) are kept, so the replay can be paused between the incident's steps.
    await waitForPlayed(page, 3);
    await pauseReplay(page);
    const held = await playedCount(page);
    await sleep(2000);
    expect(await playedCount(page)).toBe(held);
    expect(await page.getByTestId('replay-played').textContent()).toMatch(new RegExp(`^已播放 ${held}/\\d+ 条事件$`));
    await screenshot(page, 'replay-drill-01-paused');

    await changeSpeed(page, 50);
    expect(await page.getByTestId('replay-speed-shown').textContent()).toBe('倍速 50×');
    await resumeReplay(page);
    await waitForFinished(page);

    const lines = await replayLines(page);
    const texts = lines.map((l) => l.text);
    expect(texts[0]).toBe('策划演练：危化品泄漏桌面推演（桌面演练，单项演练）；参演单位 1 个');
    expect(texts).toContainEqual(expect.stringMatching(/^演练开始（\d{2}\/\d{2} \d{2}:\d{2}:\d{2}）$/));
    expect(texts).toContainEqual(expect.stringContaining(`接报：${drill.title}（一般事故，危险化学品）`));
    expect(texts).toContainEqual(expect.stringMatching(/^事故等级由一般事故升为较大事故/));
    expect(texts).toContainEqual('启动Ⅱ级响应；理由：演练：启动Ⅱ级响应');
    expect(texts).toContainEqual(`【演练·模拟】调派队伍：${drill.teamName}，任务：关阀堵漏`);
    // Nothing raw: no event type names, ids or ISO instants.
    expect(texts.join('\n')).not.toMatch(/[A-Z][a-z]+[A-Z][a-z]+|[0-9a-f]{8}-[0-9a-f]{4}|\d{4}-\d{2}-\d{2}T/);
    // Who did each step, by display name: the coordinator planned, started and dispatched; the commander reported.
    const actorOf = (prefix: string) => lines.find((l) => l.text.startsWith(prefix))?.actor;
    expect(actorOf('策划演练')).toBe(`操作人：${drill.coordinatorName}`);
    expect(actorOf('演练开始')).toBe(`操作人：${drill.coordinatorName}`);
    expect(actorOf('接报')).toBe(`操作人：${drill.commanderName}`);
    expect(actorOf('启动Ⅱ级响应')).toBe(`操作人：${drill.commanderName}`);
    expect(actorOf('【演练·模拟】调派队伍')).toContain(drill.coordinatorName);
    expect(lines[lines.length - 1]!.newest).toBe(true);
    expect(lines.filter((l) => l.newest)).toHaveLength(1);

    // The drill incident at the replay's end, with labelled figures, and its marker on the map.
    const card = page.locator(`[data-testid="replay-incident-state"][data-incident-id="${drill.incidentId}"]`);
    expect(await card.getAttribute('data-response-level')).toBe('II');
    const c = (await t.get(`/api/v1/incidents/${drill.incidentId}`).expect(200)).body.casualties;
    expect(c).toMatchObject({ deaths: 4, seriousInjuries: 6 });
    expect(await card.getByTestId('replay-casualties').textContent()).toBe(
      `死亡 ${c.deaths} 人，失踪 ${c.missing} 人，重伤 ${c.seriousInjuries} 人，轻伤 ${c.minorInjuries} 人，被困 ${c.trapped} 人`,
    );
    expect(await card.getByTestId('replay-teams').textContent()).toContain(drill.teamName);
    await page.locator('.replay-marker-incident').first().waitFor();
    expect(await page.locator('.replay-marker-incident').count()).toBe(1);
    expect(await page.locator('.leaflet-tooltip').allTextContents()).toContainEqual(
      `事故：${drill.title}（较大事故 · 处置中）`,
    );
    await screenshot(page, 'replay-drill-02-finished');
  }, 90_000);

  it('seeks back to the start: the log and the incidents go back with it', async () => {
    await seekToStart(page);
    await page.getByTestId('replay-status').and(page.locator('[data-status="paused"]')).waitFor({ timeout: 10_000 });
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && (await playedCount(page)) > 1;) await sleep(50);
    expect(await playedCount(page)).toBe(1);
    expect((await replayLines(page)).map((l) => l.text)).toEqual([
      '策划演练：危化品泄漏桌面推演（桌面演练，单项演练）；参演单位 1 个',
    ]);
    expect(await page.locator('[data-testid="replay-incident-state"]').count()).toBe(0);
    await screenshot(page, 'replay-drill-03-seek-start');
  }, 60_000);
});
