import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { findOnBoardDrillFilter } from '../support/drill-walk/board';
import {
  endDrill,
  findOnDrillBoard,
  fireScriptlessReport,
  openDrill,
  openDrillIncident,
  openDrills,
  planDrill,
  startDrill,
  waitForScriptedInject,
} from '../support/drill-walk/drills';
import {
  addFinding,
  openEvaluationFromDrillPage,
  openReport,
  printReportToPdf,
  scoreEveryAspect,
  writeConclusion,
} from '../support/drill-walk/evaluation';
import {
  offersRealResources,
  simulatedAllocation,
  simulatedArrival,
  simulatedDispatch,
} from '../support/drill-walk/incident';
import { incidentBody } from '../support/incident-fixtures';
import { publishedPlan } from '../support/plan-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A drill coordinator runs a tabletop drill (桌面演练) in Chromium: plans it from a plan version in force and a library
 * scenario, starts it, sees the scripted injects run, fires a scriptless report, finds the drill incidents on the drill
 * board and on the board's 演练 filter, dispatches and allocates on paper, reports an arrival, and ends the drill.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('a drill coordinator runs a tabletop drill in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let admin: TestUser;
  let coordinator: TestUser;
  const tag = randomUUID().slice(0, 4);
  const planTitle = `中卫市危险化学品事故专项应急预案 ${tag}`;
  const scenarioName = `园区储罐泄漏情景 ${tag}`;
  const scriptedTitle = `演练：园区储罐泄漏 ${tag}`;
  const handTitle = `演练：槽车侧翻 ${tag}`;
  const teamName = `园区危化品救援队 ${tag}`;
  const warehouseName = `市级应急物资储备库 ${tag}`;
  let drillId = '';
  let handIncident = '';

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD)) throw new Error('the console is not built: npm run build:console (npm test does)');
    t = await startTestApp({ DRILL_TICK_MS: '300' });
    admin = await t.user(['admin'], '640500');
    coordinator = await t.user(['drill_coordinator'], '640500');
    await publishedPlan(t, admin.token, { title: planTitle });
    await registerTeam(t, admin.token, { name: teamName });
    await registerWarehouse(t, admin.token, { name: warehouseName }, [{ materialCode: '2010102', quantity: 50 }]);
    // The scenario library has its script; its report runs at once, its message 20 s in, its follow-up an hour in.
    await t
      .post('/api/v1/scenarios', coordinator.token)
      .send({
        name: scenarioName,
        description: '危化品储罐泄漏的桌面推演脚本',
        jurisdiction: '640500',
        injects: [
          { atSecond: 0, kind: 'report_incident', payload: incidentBody({ title: scriptedTitle }) },
          { atSecond: 20, kind: 'message', payload: { text: '风向转为东南风，下风向 500 米内人员疏散' } },
          {
            atSecond: 3600,
            kind: 'update_situation',
            payload: { incidentRef: 0, casualties: { deaths: 1, trapped: 3 }, description: '二次泄漏' },
          },
        ],
      })
      .expect(201);
    ({ browser, page } = await consolePageAs(t.baseUrl, coordinator));
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('plans the drill from the plan in force and the scenario, previewed in words', async () => {
    await openDrills(page);
    const planned = await planDrill(page, {
      title: `危化品泄漏桌面演练 ${tag}`,
      planTitle,
      scenarioName,
      participants: ['市应急管理局', '市消防救援支队', '园区管委会'],
    });
    drillId = planned.drillId;
    expect(planned.preview[0]).toBe(`开始后 0 分 0 秒 · 演练接报 · 接报：${scriptedTitle}，中卫工业园区纬三路`);
    expect(planned.preview[1]).toContain('情况通报 · 通报：风向转为东南风');
    // The plan is named by its title once the plan register has been read.
    await page.getByTestId('drill-plan').filter({ hasText: planTitle }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('drill-plan').textContent()).toBe(`${planTitle}（第 1 版）`);
    expect(await page.getByTestId('drill-participants').textContent()).toBe('市应急管理局、市消防救援支队、园区管委会');
    await screenshot(page, 'drill-01-planned');
  }, 60_000);

  it('starts it after confirming, and the scripted injects appear as they run', async () => {
    await startDrill(page);
    const report = await waitForScriptedInject(page, 0);
    expect(await report.textContent()).toContain(`演练接报 · 接报：${scriptedTitle}`);
    // The link names the incident once the drill's incident list has it (until then it reads 查看演练事故).
    await report.getByTestId('inject-incident').filter({ hasText: scriptedTitle }).waitFor({ timeout: 10_000 });
    expect(await report.getByTestId('inject-incident').textContent()).toBe(scriptedTitle);
    await waitForScriptedInject(page, 1, 40_000);
    const pending = page.locator('[data-testid="timeline-inject"][data-index="2"]');
    expect(await pending.getAttribute('data-state')).toBe('pending');
    await findOnDrillBoard(page, scriptedTitle);
    await screenshot(page, 'drill-02-running');
  }, 90_000);

  it('fires a scriptless report, which lands on the drill board and on the board’s 演练 filter', async () => {
    await fireScriptlessReport(page, {
      title: handTitle,
      address: '中卫工业园区经二路',
      lat: 37.54,
      lng: 105.16,
      phone: '0955-7654321',
      organization: '园区管委会',
      description: '槽车侧翻，少量泄漏',
      trapped: 2,
    });
    handIncident = await findOnDrillBoard(page, handTitle);
    const scriptless = page.locator('[data-testid="timeline-inject"][data-index=""]', { hasText: handTitle });
    expect(await scriptless.textContent()).toContain('无脚本 · 演练接报');
    expect(await findOnBoardDrillFilter(page, handTitle)).toBe(handIncident);
    expect(await findOnBoardDrillFilter(page, scriptedTitle)).toBeTruthy();
    await screenshot(page, 'drill-03-board-drill-filter');
    // The real board never shows them.
    await page.getByTestId('filter-drill').selectOption('real');
    await page.getByTestId('board-count').waitFor();
    expect(await page.locator('[data-testid="incident-row"]', { hasText: tag }).count()).toBe(0);
  }, 60_000);

  it('dispatches with a task, allocates and reports the arrival on paper; no real action is offered', async () => {
    await openDrill(page, t.baseUrl, drillId);
    await openDrillIncident(page, handIncident);
    expect(await offersRealResources(page)).toBe(false);
    await simulatedDispatch(page, teamName, '关阀堵漏，下风向侦检');
    await simulatedAllocation(page, warehouseName, '重型防化服', 12);
    const arrived = await simulatedArrival(page, teamName);
    expect(arrived).toMatch(/^已于 .* 到达$/);
    await screenshot(page, 'drill-04-simulated-actions');
    // The real team never moved and the stock stayed whole; the incident holds the simulated facts.
    const teams = (await t.get('/api/v1/teams', admin.token).expect(200)).body as { name: string; status: string }[];
    expect(teams.find((x) => x.name === teamName)?.status).toBe('available');
    const incident = (await t.get(`/api/v1/incidents/${handIncident}`, coordinator.token).expect(200)).body;
    expect(incident.assignedTeams).toEqual([
      expect.objectContaining({ name: teamName, task: '关阀堵漏，下风向侦检', status: 'on_scene', simulated: true }),
    ]);
    expect(incident.allocations).toEqual([
      expect.objectContaining({ items: [{ materialCode: '2010102', quantity: 12 }], simulated: true }),
    ]);
  }, 60_000);

  it('ends the drill after confirming', async () => {
    await openDrill(page, t.baseUrl, drillId);
    await endDrill(page);
    expect(await page.getByTestId('drill-times').textContent()).toContain('结束于');
    expect(await page.getByTestId('drill-end').count()).toBe(0);
    await screenshot(page, 'drill-05-ended');
    // The list says so too, in words, with the plan by title and version.
    await openDrills(page);
    const row = page.locator(`[data-testid="drill-row"][data-drill-id="${drillId}"]`);
    expect(await row.getByTestId('drill-status').textContent()).toBe('已结束');
    await row.getByTestId('drill-plan').filter({ hasText: planTitle }).waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('drill-plan').textContent()).toBe(`${planTitle}（第 1 版）`);
    expect(await row.getByTestId('drill-times').textContent()).toMatch(/^结束于 /);
    await screenshot(page, 'drill-06-list');
  }, 30_000);

  it('scores the drill against the AQ/T 9009 rubric and prints the evaluation report as an official document', async () => {
    await openEvaluationFromDrillPage(page, drillId);
    const aspects = await scoreEveryAspect(page, 85);
    expect(aspects).toEqual(expect.arrayContaining(['preparation', 'warning_reporting']));
    await addFinding(page, `槽车侧翻处置中警戒区划定偏晚 ${tag}`);
    await writeConclusion(page, '演练达到预期目的，预案基本可行。');
    expect(await page.getByTestId('evaluation-verdict').textContent()).toBe('良好');
    await screenshot(page, 'drill-07-evaluation');
    await openReport(page);
    await screenshot(page, 'drill-08-report');
    const { text } = await printReportToPdf(page);
    const flat = text.replace(/\s+/g, '');
    // The printed document names the drill, the plan, the bureau and the people; the aspects of AQ/T 9009 including
    // 演练准备 and 预警与信息报告; the verdict and the improvement item; times in the zone's words, never ids or codes.
    for (const words of [
      `危化品泄漏桌面演练${tag}`,
      `《${planTitle.replace(/\s+/g, '')}》第1版`,
      '演练准备',
      '预警与信息报告',
      '评定为良好',
      `槽车侧翻处置中警戒区划定偏晚${tag}`,
      '（北京时间）',
    ])
      expect(flat).toContain(words);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).not.toContain('640500');
  }, 120_000);
});
