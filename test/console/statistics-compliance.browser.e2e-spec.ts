import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import { runningDrill } from '../support/running-drill';
import {
  chooseCompliancePeriod,
  chooseDrill,
  complianceCounts,
  levelRows,
  obligationRows,
  openCompliance,
  reporterRows,
} from '../support/statistics/compliance';
import {
  chartTexts,
  chooseJurisdiction,
  downloadStatisticsCsv,
  headlineFigures,
  officeScreenshot,
  openStatistics,
  statisticsTable,
} from '../support/statistics/statistics';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A city commander reads the year's accident statistics and the reporting compliance of the counties in Chromium:
 * the figures on screen are those the API gives for the same period and place, drills never count, the CSV the
 * browser saves is the API's export under a name that says what it is, and one drill's obligations can be read apart.
 * Screenshots at 1366×768 in test-artifacts/statistics-*.png and compliance-*.png.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
/** This year of Beijing time, the demo jurisdictions' zone: the period the screens open on. */
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const THIS_YEAR = { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` };

interface Line {
  key: string;
  label: string;
  incidents: number;
  deaths: number;
  missing: number;
  injuries: number;
  directLossYuan: number;
  grades: Record<string, number>;
}

suite('a commander reads the statistics and the reporting compliance', () => {
  let t: TestApp;
  let commander: TestUser;
  let zhongning: TestUser;
  let haiyuan: TestUser;
  let drillTitle: string;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    commander = await t.user(['commander'], '640500');
    zhongning = await t.user(['duty_officer'], '640521');
    haiyuan = await t.user(['duty_officer'], '640522');
    const report = async (user: TestUser, body: Record<string, unknown>) =>
      (await t.post('/api/v1/incidents', user.token).send(incidentBody(body)).expect(201)).body.id as string;
    // A road accident in 中宁县 reported up at once (按时).
    const road = await report(zhongning, {
      title: '中宁县国道109线货车侧翻',
      category: 'road_traffic',
      jurisdiction: '640521',
      occurredAt: minutesAgo(40),
      casualties: { deaths: 1, missing: 0, seriousInjuries: 1, minorInjuries: 2, trapped: 0 },
      directLossYuan: 1_200_000,
    });
    await t
      .post(`/api/v1/incidents/${road}/reports`, zhongning.token)
      .send({ toLevel: 'city', channel: '电话' })
      .expect(201);
    // A chemical accident in 海原县 with three deaths (较大事故), received 130 minutes ago, reported now (迟报).
    const chemical = await report(haiyuan, {
      title: '海原县某化工厂反应釜爆炸',
      category: 'hazardous_chemicals',
      jurisdiction: '640522',
      occurredAt: minutesAgo(200),
      receivedAt: minutesAgo(130),
      receivedAtReason: '电话接报后补录',
      casualties: { deaths: 3, missing: 1, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
      directLossYuan: 5_000_000,
    });
    await t
      .post(`/api/v1/incidents/${chemical}/reports`, haiyuan.token)
      .send({ toLevel: 'city', channel: '电话' })
      .expect(201);
    // A fire in 海原县 received 130 minutes ago and not reported yet (逾期未报).
    await report(haiyuan, {
      title: '海原县某商铺火灾',
      category: 'fire',
      jurisdiction: '640522',
      occurredAt: minutesAgo(150),
      receivedAt: minutesAgo(130),
      receivedAtReason: '电话接报后补录',
      casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1, trapped: 0 },
      directLossYuan: 30_000,
    });
    // A drill's incident with ten deaths: it must count nowhere in the real figures.
    const drillId = await runningDrill(t, '640522');
    drillTitle = (await t.get(`/api/v1/drills/${drillId}`).expect(200)).body.title;
    await report(haiyuan, {
      title: '演练：海原县危化品泄漏',
      jurisdiction: '640522',
      occurredAt: minutesAgo(20),
      drillId,
      casualties: { deaths: 10, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
    });
    ({ browser, page } = await consolePageAs(t.baseUrl, commander));
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await t?.close();
  });

  const statistics = async (groupBy: string, jurisdiction = '640500') =>
    (
      await t
        .get('/api/v1/statistics', commander.token)
        .query({ ...THIS_YEAR, jurisdiction, groupBy })
        .expect(200)
    ).body as { rows: Line[]; totals: Line };

  const wan = (yuan: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(yuan / 10_000);

  it('shows this year’s four indicators, grades and charts as the API counts them, without the drill', async () => {
    await openStatistics(page);
    const api = await statistics('jurisdiction');
    // Three real accidents; the drill's ten deaths are nowhere.
    expect(api.totals).toMatchObject({ incidents: 3, deaths: 4, missing: 1, injuries: 4, directLossYuan: 6_230_000 });
    expect(await headlineFigures(page)).toEqual({
      incidents: api.totals.incidents,
      deaths: api.totals.deaths,
      injuries: api.totals.injuries,
      lossTenThousandYuan: wan(api.totals.directLossYuan),
    });
    expect(await page.getByTestId('statistics-share').textContent()).toContain('33.33%');
    expect(await page.getByTestId('statistics-share-verdict').textContent()).toBe('超出目标');
    expect(await page.getByTestId('statistics-drill-note').textContent()).toContain('演练事故不计入统计');

    // By jurisdiction: names, the API's figures row by row.
    expect(await statisticsTable(page, 'jurisdiction')).toEqual(
      api.rows.map((r) => [
        r.label,
        String(r.incidents),
        String(r.deaths),
        String(r.missing),
        String(r.injuries),
        wan(r.directLossYuan),
        String(r.grades.major! + r.grades.serious! + r.grades.especially_serious!),
      ]),
    );
    expect((await statisticsTable(page, 'jurisdiction')).map((r) => r[0])).toEqual(['中宁县', '海原县']);
    const byCategory = await statistics('category');
    expect((await statisticsTable(page, 'category')).map((r) => [r[0], r[1]])).toEqual(
      byCategory.rows.map((r) => [r.label, String(r.incidents)]),
    );
    expect((await statisticsTable(page, 'category')).map((r) => r[0]).sort()).toEqual(
      ['危险化学品', '火灾', '道路交通'].sort(),
    );
    const byMonth = await statistics('month');
    expect((await statisticsTable(page, 'period')).map((r) => r[1])).toEqual(
      byMonth.rows.map((r) => String(r.incidents)),
    );

    // The charts are SVG with labelled axes in their units and the groups' names as ticks.
    const texts = await chartTexts(page, 'jurisdiction');
    expect(texts).toEqual(expect.arrayContaining(['辖区', '事故起数（起）', '人数（人）', '中宁县', '海原县']));
    expect(texts).not.toContain('640521');
    await officeScreenshot(page, 'statistics-01-this-year');
    await page.getByTestId('statistics-category').scrollIntoViewIfNeeded();
    await officeScreenshot(page, 'statistics-02-charts');

    // A county alone.
    await chooseJurisdiction(page, '海原县');
    const haiyuanApi = await statistics('total', '640522');
    expect((await headlineFigures(page)).incidents).toBe(haiyuanApi.totals.incidents);
    expect(haiyuanApi.totals.incidents).toBe(2);
    await chooseJurisdiction(page, '中卫市');
  }, 90_000);

  it('saves the CSV of a chart as the API exports it, named after the place and the dates', async () => {
    const { fileName, text } = await downloadStatisticsCsv(page, 'jurisdiction');
    expect(fileName).toBe(`事故统计-中卫市-${year}-01-01至${year}-12-31-按辖区.csv`);
    const api = await t
      .get('/api/v1/statistics', commander.token)
      .query({ ...THIS_YEAR, jurisdiction: '640500', groupBy: 'jurisdiction', format: 'csv' })
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      })
      .expect(200);
    expect(text).toBe(api.body as string);
    expect(text.startsWith('\ufeff分组,事故起数')).toBe(true);
    expect(text).toContain('中宁县,1,1');
    expect(text).toContain('合计,3,4');
  }, 60_000);

  it('shows the reporting compliance by level and by reporter as the API counts it, and one drill apart', async () => {
    await openCompliance(page);
    await chooseCompliancePeriod(page, 'thisYear');
    const api = (
      await t
        .get('/api/v1/compliance', commander.token)
        .query({ ...THIS_YEAR, jurisdiction: '640500' })
        .expect(200)
    ).body as {
      summary: Record<string, number>;
      unit: Record<string, number>;
      byLevel: { label: string; total: number; met: number; late: number; overdue: number }[];
      byReporter: { name: string; met: number; late: number }[];
      obligations: { title: string }[];
    };
    const bureau = await complianceCounts(page, 'bureau');
    expect(bureau).toMatchObject({
      met: api.summary.met,
      late: api.summary.late,
      missed: api.summary.missed,
      overdue: api.summary.overdue,
      written_off: api.summary.writtenOff,
      pending: api.summary.pending,
    });
    expect(bureau.met).toBeGreaterThanOrEqual(1);
    expect(bureau.late).toBeGreaterThanOrEqual(1);
    expect(bureau.overdue).toBeGreaterThanOrEqual(1);
    expect((await complianceCounts(page, 'unit')).met + (await complianceCounts(page, 'unit')).pending).toBe(
      api.unit.met! + api.unit.pending!,
    );

    const levels = await levelRows(page);
    expect(levels.map((r) => [r[0], r[7]])).toEqual(api.byLevel.map((g) => [g.label, String(g.total)]));
    expect(levels.map((r) => r[0])).toEqual(expect.arrayContaining(['设区的市级', '公安机关']));
    // Reporters by display name, never the sign-in name alone.
    expect(await reporterRows(page)).toEqual(api.byReporter.map((r) => [r.name, String(r.met), String(r.late)]));
    expect((await reporterRows(page)).map((r) => r[0]).sort()).toEqual(
      [`测试用户 ${haiyuan.username}`, `测试用户 ${zhongning.username}`].sort(),
    );
    const lines = await obligationRows(page);
    expect(lines).toHaveLength(api.obligations.length);
    expect(new Set(lines.map((l) => l[0]))).toEqual(
      new Set(['中宁县国道109线货车侧翻', '海原县某化工厂反应釜爆炸', '海原县某商铺火灾']),
    );
    expect(lines.filter((l) => l[8] === '逾期未报').length).toBe(api.summary.overdue);
    await officeScreenshot(page, 'compliance-01-this-year');
    await page.getByTestId('compliance-obligations').scrollIntoViewIfNeeded();
    await officeScreenshot(page, 'compliance-02-obligations');

    // One drill's obligations alone.
    await chooseDrill(page, `演练：${drillTitle}`);
    const drillLines = await obligationRows(page);
    expect(drillLines.length).toBeGreaterThan(0);
    expect(new Set(drillLines.map((l) => l[0]))).toEqual(new Set(['演练：海原县危化品泄漏']));
    await officeScreenshot(page, 'compliance-03-drill');

    // An incident's title leads to its workspace.
    await chooseDrill(page, null);
    await page.getByTestId('compliance-incident-link').filter({ hasText: '海原县某商铺火灾' }).first().click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 10_000 });
  }, 90_000);
});
