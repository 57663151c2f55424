import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs } from '../support/browser';
import { publishedPlan } from '../support/plan-fixtures';
import {
  compareVersions,
  fileVersionInForce,
  findingsAddressedBy,
  openPlanFromList,
  planBadges,
  plansScreenshot,
  publishNewestVersion,
  recordReview,
  waitForPlanStatus,
  waitingFindings,
  writeNewDraftVersion,
} from '../support/plans/plan-page';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * An admin of the city bureau revises a plan in Chromium after a drill found a problem with it: the finding waits on
 * the plan page, a new draft version changes a threshold and a task and records the finding as addressed, the
 * versions compare side by side, the new version is reviewed (评审), published and filed (备案) within its deadline.
 * Screenshots at a laptop's 1366×768 go to test-artifacts/plans-*.png.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const CITY = '640500';

suite('a plan revised after a drill, in the console', () => {
  let t: TestApp;
  let admin: TestUser;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    admin = await t.user(['admin'], CITY);
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await t?.close();
  });

  it('walks from a drill finding to a new version reviewed, published and filed', async () => {
    const title = '中卫市危险化学品事故应急预案（<b>测试</b>）';
    const planId = await publishedPlan(t, admin.token, {
      title,
      activation: { description: '符合下列条件之一', levels: [{ level: 'IV', minTrapped: 1 }] },
      requirements: { teams: [], materials: [{ materialCode: '2010102', quantity: 10 }] },
    });
    const coordinator = await t.user(['drill_coordinator'], CITY);
    const drillId = await runningDrill(t, CITY);
    const findingText = '疏散路线标识不清（<i>演练</i>）';
    await t
      .post(`/api/v1/drills/${drillId}/evaluation/findings`, coordinator.token)
      .send({ text: findingText, planId })
      .expect(201);

    ({ browser, page } = await consolePageAs(t.baseUrl, admin));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('nav-plans').click();
    await page.locator(`[data-testid="plan-row"][data-plan-id="${planId}"]`).waitFor({ timeout: 20_000 });
    await plansScreenshot(page, 'list');
    await openPlanFromList(page, planId);
    expect(await page.getByTestId('plan-title').textContent()).toBe(title);
    expect(await page.locator('[data-testid="plan-title"] b').count()).toBe(0);
    expect(await planBadges(page)).toEqual({ status: '已发布', inForce: '现行第 1 版', newest: '最新第 1 版' });
    expect(await page.getByTestId('plan-materials').textContent()).toBe('应急物资：重型防化服 10');
    const waiting = await waitingFindings(page);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toContain(findingText);
    await plansScreenshot(page, 'page');
    await page.getByTestId('plan-findings').scrollIntoViewIfNeeded();
    await plansScreenshot(page, 'finding-waiting');

    // A new draft version: the trapped threshold of Ⅳ raised to 3 and the task reworded.
    await page.getByTestId('plan-revise').scrollIntoViewIfNeeded();
    const says = await writeNewDraftVersion(page, {
      level: 'IV',
      field: 'minTrapped',
      value: '3',
      task: { index: 0, title: '划定警戒区并设置疏散路线标识' },
    });
    expect(says).toContain(findingText);
    await waitForPlanStatus(page, '草案');
    expect(await planBadges(page)).toEqual({ status: '草案', inForce: '现行第 1 版', newest: '最新第 2 版' });
    expect(await page.getByTestId('publication-blocked').textContent()).toBe(
      '最新版本须经评审（论证）并通过后才能发布',
    );
    expect(await page.getByTestId('plan-publish').count()).toBe(0);

    const lines = await compareVersions(page, 1, 2);
    expect(lines).toEqual([
      { change: 'changed', subject: 'Ⅳ级响应', before: '被困 1 人及以上', after: '被困 3 人及以上' },
      { change: 'removed', subject: '划定警戒区', before: 'Ⅰ级响应、Ⅱ级响应、Ⅲ级响应、Ⅳ级响应', after: '—' },
      {
        change: 'added',
        subject: '划定警戒区并设置疏散路线标识',
        before: '—',
        after: 'Ⅰ级响应、Ⅱ级响应、Ⅲ级响应、Ⅳ级响应',
      },
    ]);
    await plansScreenshot(page, 'compare');
    expect(await waitingFindings(page)).toEqual([]);
    expect((await findingsAddressedBy(page, 2))[0]).toContain(findingText);

    await page.getByTestId('plan-review').scrollIntoViewIfNeeded();
    await recordReview(page, {
      experts: '张立、李红',
      organisation: '中卫市应急管理局',
      document: '中卫市应急管理局评审纪要〔2026〕7号',
    });
    await waitForPlanStatus(page, '已评审');
    expect(await page.getByTestId('review-record').textContent()).toContain('张立、李红');
    await plansScreenshot(page, 'reviewed');

    await publishNewestVersion(page);
    expect(await planBadges(page)).toEqual({ status: '已发布', inForce: '现行第 2 版', newest: '最新第 2 版' });
    await page.getByTestId('filing-deadline').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('filing-deadline').textContent()).toMatch(
      /^备案期限：\d{4}\/\d{2}\/\d{2}（发布后 20 个工作日） · 还剩 \d+ 天$/,
    );

    const filed = await fileVersionInForce(page, '宁夏回族自治区应急管理厅');
    expect(filed).toMatch(/^已于 \d{4}\/\d{2}\/\d{2} 向宁夏回族自治区应急管理厅备案，未超过期限$/);
    await page.getByTestId('plan-filing').scrollIntoViewIfNeeded();
    await plansScreenshot(page, 'filed');

    // What the console showed is what the register holds.
    const v2 = (await t.get(`/api/v1/plans/${planId}/versions/2`, admin.token).expect(200)).body as {
      status: string;
      activation: { levels: { level: string; minTrapped?: number }[] };
      addressedFindings: { text: string }[];
      filing: { authority: string; late: boolean };
    };
    expect(v2.status).toBe('filed');
    expect(v2.activation.levels).toEqual([{ level: 'IV', minTrapped: 3 }]);
    expect(v2.addressedFindings.map((f) => f.text)).toEqual([findingText]);
    expect(v2.filing).toMatchObject({ authority: '宁夏回族自治区应急管理厅', late: false });
    const v1 = (await t.get(`/api/v1/plans/${planId}/versions/1`, admin.token).expect(200)).body as { status: string };
    expect(v1.status).toBe('superseded');
  }, 120_000);
});
