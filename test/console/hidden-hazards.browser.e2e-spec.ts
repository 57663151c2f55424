import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { registerEnterprise } from '../support/enterprises/enterprise-fixtures';
import {
  beijingInput,
  closeInConsole,
  openHiddenHazard,
  openHiddenHazardRegister,
  recordHiddenHazardInConsole,
  rectifyInConsole,
  registerRow,
  superviseInConsole,
  supervisionChoices,
  verifyInConsole,
  waitForSummaryRate,
} from '../support/hidden-hazards/console-steps';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The hidden-hazard register walked in Chromium against the real server: a county duty officer records a major
 * hidden hazard (judged by the 2017 chemical standard) at a registered chemical unit; a city commander puts it under
 * city supervision (挂牌督办); the register shows it with its level; the city commander then receives the report of
 * rectification, accepts it (验收) and closes it (销号) after confirming; the 整改率 of the unit and of the county go
 * from 0 to 100 %. Screenshots in test-artifacts/console/.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const COUNTY = '640521';
const CHEMICAL_STANDARD = '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）';
const DAY = 86_400_000;

suite('the hidden-hazard register in the console', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let cityCommander: TestUser;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    officer = await t.user(['duty_officer'], COUNTY);
    cityCommander = await t.user(['commander'], '640500');
  }, 60_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await t?.close();
  });

  const open = async (user: TestUser): Promise<Page> => {
    const { browser, page } = await consolePageAs(t.baseUrl, user);
    browsers.push(browser);
    return page;
  };

  it('recorded by the watch, supervised by the city, rectified, accepted and closed; the rate follows', async () => {
    const enterpriseName = '中宁县恒安化工有限公司（测试）';
    await registerEnterprise(t, admin.token, { name: enterpriseName, jurisdiction: COUNTY });
    const title = '<b>液氨</b>储罐区未设置紧急切断装置（测试）';

    // 1. A county duty officer records the major hidden hazard; the standard is required before it can be sent.
    const desk = await open(officer);
    const id = await recordHiddenHazardInConsole(
      desk,
      {
        enterpriseName,
        title,
        description: '液氨储罐进出料管线未设紧急切断阀（虚构情形）',
        grade: 'major',
        standard: CHEMICAL_STANDARD,
        foundBy: '县应急管理局执法大队 李检查',
        source: 'inspection',
        measures: '加装紧急切断阀并接入 DCS 联锁',
        deadline: beijingInput(7 * DAY),
        responsible: { name: '张明', phone: '13995512345' },
      },
      () => screenshot(desk, 'hidden-hazards-01-record-form').then(() => undefined),
    );
    expect(await desk.getByTestId('hh-detail-title').textContent()).toBe(title);
    expect(await desk.locator('.main b').count()).toBe(0);
    expect(await desk.getByTestId('hh-detail-grade').textContent()).toBe('重大事故隐患');
    expect(await desk.getByTestId('hh-detail-standard').textContent()).toBe(CHEMICAL_STANDARD);
    expect(await desk.getByTestId('hh-detail-status').textContent()).toBe('整改中');
    expect(await desk.getByTestId('hh-detail-deadline').textContent()).toMatch(/还剩 (6 天 23 小时|7 天)/);
    // The watch neither supervises nor accepts.
    expect(await desk.getByTestId('hh-supervise').count()).toBe(0);
    expect(await desk.getByTestId('hh-rectify').count()).toBe(1);

    // 2. The city commander finds it in the register and supervises it at city level.
    const city = await open(cityCommander);
    await openHiddenHazardRegister(city);
    await waitForSummaryRate(city, 'enterprise', enterpriseName, '0.0%');
    await openHiddenHazard(city, title);
    expect(new URL(city.url()).pathname).toBe(`/hidden-hazards/${id}`);
    expect(await supervisionChoices(city)).toEqual(['县级挂牌督办', '市级挂牌督办']);
    await superviseInConsole(city, 'city');
    expect(await city.getByTestId('hh-detail-supervision').textContent()).toMatch(/^市级挂牌督办：中卫市/);
    await screenshot(city, 'hidden-hazards-02-supervised');

    // 3. The register shows it with its level, its deadline in words and its status.
    await openHiddenHazardRegister(city);
    const row = await registerRow(city, title);
    expect(row[1]).toBe(enterpriseName);
    expect(row[2]).toBe('重大事故隐患');
    expect(row[3]).toBe('市级挂牌督办');
    expect(row[4]).not.toContain('T');
    expect(row[5]).toMatch(/^还剩 /);
    expect(row[6]).toBe('整改中');
    await screenshot(city, 'hidden-hazards-03-register');
    // A week before its deadline it is not overdue: the "overdue only" filter (a query to the server) leaves it out.
    await city.getByTestId('hh-filter-overdue').check();
    await city.getByTestId('hh-empty').waitFor({ timeout: 10_000 });
    await city.getByTestId('hh-filter-status').selectOption('rectifying');
    await city.getByTestId('hh-filter-overdue').uncheck();
    expect((await registerRow(city, title))[6]).toBe('整改中');
    await city.getByTestId('hh-filter-status').selectOption('closed');
    await city.getByTestId('hh-empty').waitFor({ timeout: 10_000 });

    // 4. Rectified, accepted and closed by the city commander.
    await openHiddenHazard(city, title);
    await rectifyInConsole(city, '已加装紧急切断阀，联锁调试完成');
    await verifyInConsole(city, true, '现场核查切断阀动作正常');
    expect(await city.getByTestId('hh-verification').count()).toBe(1);
    await closeInConsole(city);
    expect(await city.getByTestId('hh-detail-status').textContent()).toBe('已销号');
    expect(await city.getByTestId('hh-no-actions').count()).toBe(1);
    await screenshot(city, 'hidden-hazards-04-closed');

    // 5. The 整改率 of the unit and of the county are now 100 %.
    await openHiddenHazardRegister(city);
    const line = await waitForSummaryRate(city, 'enterprise', enterpriseName, '100.0%');
    expect(line.slice(0, 4)).toEqual([enterpriseName, '1', '1', '1']);
    await waitForSummaryRate(city, 'jurisdiction', '中宁县', '100.0%');
    await city.getByTestId('hh-summary').scrollIntoViewIfNeeded();
    await screenshot(city, 'hidden-hazards-05-summary');
  }, 180_000);
});
