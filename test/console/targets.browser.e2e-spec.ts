import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs } from '../support/browser';
import { incidentBody, NO_CASUALTIES } from '../support/incident-fixtures';
import { runningDrill } from '../support/running-drill';
import { officeScreenshot } from '../support/statistics/statistics';
import {
  addTarget,
  chooseTargetsPlace,
  denominatorHints,
  enterBaselineDenominators,
  openChildTargets,
  openTargets,
  openTargetsForm,
  saveTargets,
  splitLines,
  targetCards,
  trendChartTexts,
  typeDenominators,
} from '../support/targets/targets';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A city commander sets the year's assessment targets (考核目标) in Chromium — a reduction of deaths against last
 * year, the 较大-and-above share ceiling, a rate per 亿元 GDP with this year's and last year's GDP entered, a rate per
 * 10,000 vehicles whose baseline has no vehicle count — and reads the progress the real incidents make (the drill's
 * deaths never count), then splits the accident ceiling to a county; a duty officer reads the same screen without
 * the form. Screenshots at 1366×768 in test-artifacts/targets-*.png.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
/** This year of Beijing time, the demo jurisdictions' zone: the year the screen opens on. */
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const LAST = YEAR - 1;
const MONTH = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(new Date()));

interface ProgressLine {
  indicator: string;
  kind: string;
  status: string;
  actual: number | null;
  limit: number | null;
  baselineValue: number | null;
  missing: string[];
}

suite('a commander sets the year’s assessment targets and reads the progress', () => {
  let t: TestApp;
  let commander: TestUser;
  let officer: TestUser;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    commander = await t.user(['commander'], '640500');
    officer = await t.user(['duty_officer'], '640500');
    const zhongning = await t.user(['duty_officer'], '640521');
    const haiyuan = await t.user(['duty_officer'], '640522');
    const report = async (user: TestUser, body: Record<string, unknown>) =>
      t.post('/api/v1/incidents', user.token).send(incidentBody(body)).expect(201);
    // Last year, the baseline: 10 deaths in two accidents.
    await report(zhongning, {
      title: '中宁县去年道路交通事故',
      category: 'road_traffic',
      jurisdiction: '640521',
      occurredAt: `${LAST}-06-15T10:00:00+08:00`,
      casualties: { ...NO_CASUALTIES, deaths: 2 },
    });
    await report(haiyuan, {
      title: '海原县去年危化品爆炸',
      category: 'hazardous_chemicals',
      jurisdiction: '640522',
      occurredAt: `${LAST}-09-03T15:00:00+08:00`,
      casualties: { ...NO_CASUALTIES, deaths: 8 },
    });
    // This year: 4 deaths in three accidents, one of them 较大 (3 deaths).
    await report(zhongning, {
      title: '中宁县国道货车侧翻',
      category: 'road_traffic',
      jurisdiction: '640521',
      occurredAt: minutesAgo(90),
      casualties: { ...NO_CASUALTIES, deaths: 1, minorInjuries: 2 },
    });
    await report(haiyuan, {
      title: '海原县某化工厂反应釜爆炸',
      category: 'hazardous_chemicals',
      jurisdiction: '640522',
      occurredAt: minutesAgo(60),
      casualties: { ...NO_CASUALTIES, deaths: 3 },
    });
    await report(haiyuan, {
      title: '海原县某商铺火灾',
      category: 'fire',
      jurisdiction: '640522',
      occurredAt: minutesAgo(30),
      casualties: { ...NO_CASUALTIES, minorInjuries: 1 },
    });
    // A drill's incident with ten deaths: it counts in no target.
    const drillId = await runningDrill(t, '640522');
    await report(haiyuan, {
      title: '演练：海原县危化品泄漏',
      jurisdiction: '640522',
      occurredAt: minutesAgo(20),
      drillId,
      casualties: { ...NO_CASUALTIES, deaths: 10 },
    });
    ({ browser, page } = await consolePageAs(t.baseUrl, commander));
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await t?.close();
  });

  const progress = async (jurisdiction: string, token = commander.token) =>
    (await t.get('/api/v1/statistics/targets', token).query({ jurisdiction, year: YEAR }).expect(200)).body as {
      set: boolean;
      targets: ProgressLine[];
    };

  it('sets the city’s targets, a rate target with this year’s and the baseline year’s denominators', async () => {
    await openTargets(page);
    expect(await page.getByTestId('targets-not-set').textContent()).toContain(`中卫市尚未设定${YEAR}年度考核目标`);
    await officeScreenshot(page, 'targets-01-not-set');

    await openTargetsForm(page);
    await addTarget(page, { indicator: '死亡人数', kind: 'reduction', baselineYear: LAST, value: '15' });
    await addTarget(page, { indicator: '较大及以上事故占比', value: '2' });
    await addTarget(page, { indicator: '事故起数', value: '10' });
    await addTarget(page, {
      indicator: '亿元GDP生产安全事故死亡率',
      kind: 'reduction',
      baselineYear: LAST,
      value: '33',
    });
    await addTarget(page, { indicator: '道路交通万车死亡率', kind: 'reduction', baselineYear: LAST, value: '10' });
    // Neither this year's nor last year's denominators are there yet: the form says which are missing.
    await page.getByTestId('targets-form-baseline-hint').first().waitFor();
    expect(await denominatorHints(page)).toEqual([
      `亿元GDP生产安全事故死亡率需要${YEAR}年的地区生产总值，请在下方录入。`,
      `道路交通万车死亡率需要${YEAR}年的机动车保有量，请在下方录入。`,
      `基准年度${LAST}年缺少地区生产总值，无法计算亿元GDP生产安全事故死亡率的基准值。`,
      `基准年度${LAST}年缺少机动车保有量，无法计算道路交通万车死亡率的基准值。`,
    ]);
    await typeDenominators(page, { gdp: '500', vehicles: '40' });
    await officeScreenshot(page, 'targets-02-form');
    // Last year's GDP only, from the hint: the vehicle count of last year stays missing.
    await enterBaselineDenominators(page, LAST, { gdp: '480' });
    const last = (await t.get(`/api/v1/targets/640500/${LAST}`, commander.token).expect(200)).body as {
      denominators: { gdp100mYuan: number | null; vehicles10k: number | null };
      targets: unknown[];
    };
    expect(last.denominators).toEqual({ gdp100mYuan: 480, vehicles10k: null });
    expect(last.targets).toEqual([]);
    expect(await denominatorHints(page)).toEqual([
      `基准年度${LAST}年缺少机动车保有量，无法计算道路交通万车死亡率的基准值。`,
    ]);
    await saveTargets(page);

    const stored = (await t.get(`/api/v1/targets/640500/${YEAR}`, commander.token).expect(200)).body as {
      targets: { indicator: string; kind: string; value: number; baselineYear: number | null }[];
      denominators: unknown;
    };
    // The share typed as 2 is stored as 0.02; the reductions as the percentages typed.
    expect(stored.targets.map((s) => [s.indicator, s.kind, s.value, s.baselineYear])).toEqual([
      ['deaths', 'reduction', 15, LAST],
      ['major_or_above_share', 'ceiling', 0.02, null],
      ['incidents', 'ceiling', 10, null],
      ['deaths_per_100m_gdp', 'reduction', 33, LAST],
      ['deaths_per_10k_vehicles', 'reduction', 10, LAST],
    ]);
    expect(stored.denominators).toEqual({ gdp100mYuan: 500, vehicles10k: 40 });
  }, 120_000);

  it('shows the progress the real incidents make, as the API counts it, without the drill', async () => {
    const api = await progress('640500');
    expect(api.set).toBe(true);
    const cards = await targetCards(page);
    expect(cards.map((c) => [c.indicator, c.status])).toEqual(api.targets.map((p) => [p.indicator, p.status]));

    const deaths = cards.find((c) => c.indicator === 'deaths')!;
    expect(deaths.words).toBe(`死亡人数较${LAST}年下降 15%`);
    // 4 deaths this year (the drill's 10 nowhere) against 10 last year less 15 %.
    expect(deaths.actual).toBe('4 人');
    expect(deaths.limit).toBe('8.5 人');
    expect(deaths.baseline).toBe('10 人');
    expect(deaths.change).toBe(`较${LAST}年下降 60%`);
    expect(deaths.statusText).toBe('达标');
    expect(deaths.trend.at(-1)).toEqual([`${MONTH}月`, '4']);

    const share = cards.find((c) => c.indicator === 'major_or_above_share')!;
    expect(share.words).toBe('较大及以上事故占比不超过 2%');
    expect(share.actual).toBe('33.33%');
    expect(share.limit).toBe('2%');
    expect(share.statusText).toBe('超标');

    const incidents = cards.find((c) => c.indicator === 'incidents')!;
    expect([incidents.words, incidents.actual, incidents.statusText]).toEqual(['事故起数不超过 10 起', '3 起', '达标']);

    // 4 / 500 亿元 against 10 / 480 less 33 %.
    const gdp = cards.find((c) => c.indicator === 'deaths_per_100m_gdp')!;
    expect(gdp.words).toBe(`亿元GDP生产安全事故死亡率较${LAST}年下降 33%`);
    expect(gdp.actual).toBe('0.008 人/亿元');
    expect(gdp.baseline).toBe('0.0208 人/亿元');
    expect(gdp.statusText).toBe('达标');

    const vehicles = cards.find((c) => c.indicator === 'deaths_per_10k_vehicles')!;
    // Road traffic deaths only (1 this year) per 40 万辆.
    expect(vehicles.actual).toBe('0.025 人/万辆');
    expect(vehicles.statusText).toBe('无法评估');
    expect(vehicles.limit).toBe('—');
    expect(vehicles.missing).toContain(String(LAST));
    expect(vehicles.missing).toContain('机动车保有量');

    expect(await page.getByTestId('targets-drill-note').textContent()).toContain('演练事故不计入考核');
    const texts = await trendChartTexts(page, 'deaths');
    expect(texts).toEqual(expect.arrayContaining(['月份', '累计值（人）', '控制上限']));
    await officeScreenshot(page, 'targets-03-progress');
    await page
      .locator('[data-testid="target-card"][data-indicator="deaths_per_10k_vehicles"]')
      .scrollIntoViewIfNeeded();
    await officeScreenshot(page, 'targets-04-no-data');
  }, 90_000);

  it('splits the accident ceiling to a county from the split view', async () => {
    let lines = await splitLines(page);
    const accidents = lines.find((l) => l.caption === '事故起数')!;
    expect(accidents.parent).toBe('10 起');
    expect(accidents.sum).toBe('0 起');
    await openChildTargets(page, '中宁县');
    expect(await page.getByTestId('targets-form').locator('h2').textContent()).toBe(`中宁县${YEAR}年度考核目标`);
    await addTarget(page, { indicator: '事故起数', value: '4' });
    await addTarget(page, { indicator: '死亡人数', value: '2', category: '道路交通' });
    await addTarget(page, { indicator: '死亡人数', value: '1', category: '煤矿' });
    await addTarget(page, { indicator: '事故起数', value: '2', category: '非煤矿山' });
    await saveTargets(page);
    const county = (await targetCards(page)).map((c) => [c.words, c.actual, c.statusText]);
    expect(county).toEqual([
      ['事故起数不超过 4 起', '1 起', '达标'],
      ['道路交通死亡人数不超过 2 人', '1 人', '达标'],
      ['煤矿死亡人数不超过 1 人', '0 人', '达标'],
      ['非煤矿山事故起数不超过 2 起', '0 起', '达标'],
    ]);
    const stored = (await t.get(`/api/v1/targets/640521/${YEAR}`, commander.token).expect(200)).body as {
      targets: { category: string | null }[];
    };
    expect(stored.targets.map((s) => s.category)).toEqual([null, 'road_traffic', 'coal_mine', 'non_coal_mine']);
    await chooseTargetsPlace(page, '中卫市');
    lines = await splitLines(page);
    const after = lines.find((l) => l.caption === '事故起数')!;
    expect(after.children.find((c) => c[0]!.includes('中宁县'))).toEqual(['设定中宁县的目标', '4 起']);
    expect(after.sum).toBe('4 起');
    expect(after.verdict).toBe('下级合计未超出本级目标');
    await page.getByTestId('targets-split').scrollIntoViewIfNeeded();
    await officeScreenshot(page, 'targets-05-split');
  }, 90_000);

  it('lets a duty officer read the targets but not set them', async () => {
    const other = await consolePageAs(t.baseUrl, officer);
    try {
      await openTargets(other.page);
      const cards = await targetCards(other.page);
      expect(cards.map((c) => c.words)).toContain(`死亡人数较${LAST}年下降 15%`);
      expect(await other.page.getByTestId('targets-edit').count()).toBe(0);
      expect(await other.page.getByTestId('targets-form').count()).toBe(0);
      expect(await other.page.getByTestId('targets-split-open').first().textContent()).toContain('查看');
      await officeScreenshot(other.page, 'targets-06-duty-officer');
      // The server refuses the write too.
      await t.put(`/api/v1/targets/640500/${YEAR}`, officer.token).send({ targets: [], denominators: {} }).expect(403);
      const api = await progress('640500', officer.token);
      expect(api.targets).toHaveLength(5);
    } finally {
      await other.browser.close().catch(() => undefined);
    }
  }, 90_000);
});
