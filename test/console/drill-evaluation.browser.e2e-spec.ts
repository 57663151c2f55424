import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs } from '../support/browser';
import {
  addFinding,
  openEvaluation,
  openReport,
  printReportToPdf,
  scoreEveryAspect,
  writeConclusion,
} from '../support/drill-walk/evaluation';
import { nameUser, seedEndedTabletopDrill, type SeededDrill } from '../support/drill-walk/seed-ended-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A coordinator evaluates an ended tabletop drill in Chromium: scores every AQ/T 9009 aspect, records a finding on
 * the plan under test, writes the evaluators' conclusion, opens the report in the console (fetched with the
 * console's own token) and prints it to PDF; the PDF reads as the document: the drill's name, the verdict, no ids.
 * Screenshots: test-artifacts/evaluation-*.png; the PDF: test-artifacts/evaluation-report.pdf.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
const ARTIFACTS = resolve(__dirname, '../../test-artifacts');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `evaluation-${name}.png`), fullPage });
}

suite('drill evaluation in the console: scoring, findings and the printed report', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let seeded: SeededDrill;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    const admin = await t.user(['admin']);
    coordinator = await t.user(['drill_coordinator']);
    await nameUser(t, coordinator, '赵组织');
    await nameUser(t, t.commander, '孙指挥');
    seeded = await seedEndedTabletopDrill(
      t,
      { admin, coordinator },
      {
        title: '中卫市危化品泄漏桌面推演',
        planTitle: '中卫市危险化学品事故专项应急预案',
        incidentTitle: '演练：园区储罐泄漏',
      },
    );
  }, 90_000);

  afterAll(async () => {
    for (const b of browsers) await b.close().catch(() => undefined);
    await t?.close();
  });

  it('scores every aspect, records a finding, and prints the report as an official document', async () => {
    const { browser, page } = await consolePageAs(t.baseUrl, coordinator);
    browsers.push(browser);
    await openEvaluation(page, seeded.drillId);
    await page
      .getByTestId('evaluation-figure-level')
      .getByText(/分 \d+ 秒/)
      .waitFor();
    await shot(page, 'screen');

    const aspects = await scoreEveryAspect(
      page,
      {
        preparation: 90,
        warning_reporting: 80,
        response_command: 88,
        onsite_action: 86,
        resources: 84,
        recovery: 90,
        plan_fitness: 82,
      },
      { warning_reporting: '续报内容不全' },
    );
    expect(aspects).toEqual([
      'preparation',
      'warning_reporting',
      'response_command',
      'onsite_action',
      'resources',
      'recovery',
      'plan_fitness',
    ]);
    await addFinding(page, '警戒区划定后未及时通报周边企业');
    await writeConclusion(page, '演练达到预期目的，预案基本可行，信息报告环节需加强。');
    // (10×90 + 15×80 + 20×88 + 20×86 + 15×84 + 10×90 + 10×82) / 100 = 85.6
    expect(await page.getByTestId('evaluation-overall').textContent()).toContain('85.6');
    expect(await page.getByTestId('evaluation-verdict').textContent()).toBe('良好');
    await shot(page, 'scored', true);

    await openReport(page);
    const doc = page.getByTestId('evaluation-document');
    expect(await doc.getByRole('heading', { level: 1 }).textContent()).toBe('中卫市危化品泄漏桌面推演评估报告');
    await shot(page, 'report', true);

    const { text } = await printReportToPdf(page);
    // What the printed PDF says (lines joined as a reader would): the document, not the console around it.
    const flat = text.replace(/\s+/g, '');
    expect(flat.startsWith('中卫市危化品泄漏桌面推演评估报告中卫市应急管理局演练评估组')).toBe(true);
    for (const words of [
      '演练形式桌面演练（综合演练）',
      '检验预案《中卫市危险化学品事故专项应急预案》第1版',
      '参演人员赵组织（中卫市应急管理局，演练组织者）；孙指挥（中卫市应急管理局，指挥长）',
      '（北京时间）',
      '预警与信息报告',
      '本次演练综合得分85.6分，评定为良好。',
      '警戒区划定后未及时通报周边企业（已记入《中卫市危险化学品事故专项应急预案》',
      '评估组（签字）：赵组织',
    ])
      expect(flat).toContain(words);
    expect(flat).not.toContain('打印/导出PDF');
    expect(flat).not.toContain('全程复盘回放');
    expect(flat).not.toContain('我的评分');
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO_INSTANT);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print', true);
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);
});
