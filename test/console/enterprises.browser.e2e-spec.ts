import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import {
  addSensorInConsole,
  enterpriseRows,
  issueDeviceKeyInConsole,
  openEnterpriseRegister,
  readSensorCard,
  registerEnterpriseInConsole,
  registerHazardSourceInConsole,
  sensorCard,
} from '../support/enterprises/console-steps';
import { freshCreditCode } from '../support/enterprises/enterprise-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The supervision screens walked in Chromium: an admin registers an enterprise (with a name typed as markup), issues
 * its gateway a device key, registers a chlorine tank farm as a major hazard source and gives it a level sensor; the
 * gateway reports over HTTP with that key; a duty officer of the park then finds the unit in the register, the hazard
 * source's grade and the live sensor panel with its value, band and trend. Screenshots in test-artifacts/console/; with
 * `README_IMAGES=1` the enterprise's and the hazard source's pages are written to docs/images for the README.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

const PARK = '640571';

suite('enterprises, major hazard sources and the live sensor panel in the console', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    officer = await t.user(['duty_officer'], PARK);
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

  const shot = async (page: Page, name: string, readme?: string) => {
    const path = await screenshot(page, name);
    if (readme && process.env.README_IMAGES) {
      mkdirSync(resolve(__dirname, '../../docs/images'), { recursive: true });
      copyFileSync(path, resolve(__dirname, '../../docs/images', readme));
    }
  };

  it('an admin registers a unit, its hazard source and a sensor; a duty officer reads them live', async () => {
    const name = '<b>瑞泰</b>精细化工有限公司（测试）';
    const creditCode = freshCreditCode('640500');

    // 1. The admin registers the unit through the register's form; the page opens on it, the name as typed.
    const desk = await open(admin);
    const enterpriseId = await registerEnterpriseInConsole(desk, {
      name,
      creditCode,
      industry: 'hazardous_chemicals',
      jurisdiction: PARK,
      address: '中卫工业园区纬三路 8 号（虚构地址）',
      lat: 37.533,
      lng: 105.146,
      principal: { name: '马建国', phone: '0955-7012345' },
      safety: { name: '李安全', phone: '13995512345' },
    });
    expect(await desk.getByTestId('enterprise-title').textContent()).toBe(name);
    expect(await desk.locator('.main b').count()).toBe(0);
    expect(await desk.getByTestId('enterprise-credit-code').textContent()).toBe(creditCode);

    // 2. A device key for the unit's gateway, shown once.
    const key = await issueDeviceKeyInConsole(desk, '罐区数据采集网关');
    expect(key.length).toBeGreaterThan(20);
    expect(await desk.getByTestId('issued-key-warning').textContent()).toContain('密钥只显示这一次');
    await shot(desk, 'enterprises-01-device-key');
    await desk.getByTestId('issued-key-dismiss').click();
    expect(await desk.content()).not.toContain(key);

    // 3. The chlorine tank farm: 50 t of chlorine (Q = 5 t in the standard's table) makes it a major hazard source.
    const source = await registerHazardSourceInConsole(desk, {
      enterpriseId,
      name: '液氯储罐区',
      exposedPopulation: 120,
      substances: [{ casNo: '7782-50-5', name: '氯', quantityTonnes: 50 }],
    });
    expect(source.saved).toMatch(/^已保存：[一二三四]级重大危险源$/);
    expect(source.lookup[0]).toContain('7782-50-5 →');
    expect(source.lookup[0]).toContain('Q = 5 吨');

    // 4. A level sensor on it, with its four thresholds.
    await addSensorInConsole(desk, {
      code: 'LT-101',
      name: '1号液氯储罐液位',
      kind: 'level',
      unit: 'm',
      intervalSeconds: 10,
      thresholds: { lowLow: 1, low: 1.5, high: 8, highHigh: 9 },
    });

    // 5. The gateway reports a few readings over HTTP with its key, the last one above 高报.
    const now = Date.now();
    const readings = [7.2, 7.6, 8.1, 8.4].map((value, i) => ({
      sensorCode: 'LT-101',
      value,
      at: new Date(now - (3 - i) * 20_000).toISOString(),
    }));
    const sent = await request(t.baseUrl)
      .post('/api/v1/monitoring/readings')
      .set('X-Device-Key', key)
      .send({ readings });
    expect([200, 202]).toContain(sent.status);

    // 6. A duty officer of the park finds the unit in the register, and its hazard source with its grade.
    const watch = await open(officer);
    await openEnterpriseRegister(watch);
    const row = (await enterpriseRows(watch)).find((r) => r[0] === name);
    expect(row).toBeDefined();
    expect(row![1]).toBe(creditCode);
    expect(row![2]).toBe('危险化学品');
    expect(row![3]).toBe('中卫工业园区');
    expect(row![4]).toMatch(/^[一二三四]级$/);
    await watch.getByRole('link', { name }).click();
    await watch.getByTestId('enterprise-title').waitFor();
    await watch.getByTestId('hazard-source-row').first().waitFor({ timeout: 10_000 });
    await shot(watch, 'enterprises-02-enterprise-page', 'console-enterprise.png');
    await watch.getByRole('link', { name: '液氯储罐区' }).click();
    await watch.getByTestId('hazard-title').waitFor();
    expect(await watch.getByTestId('hazard-grade').textContent()).toMatch(/^[一二三四]级$/);
    expect(await watch.getByTestId('hazard-rule').textContent()).toContain('构成重大危险源');

    // 7. The live panel shows the last reading with its unit and band, and the trend with its thresholds.
    const card = sensorCard(watch, '1号液氯储罐液位');
    await card.getByTestId('sensor-value').filter({ hasText: '8.4 m' }).waitFor({ timeout: 20_000 });
    const read = await readSensorCard(card);
    expect(read.band).toBe('高报');
    expect(read.online).toBe('在线');
    expect(read.thresholds).toBe('高高报9 m高报8 m低报1.5 m低低报1 m');
    const chart = card.getByTestId('sensor-trend');
    await chart.locator('svg text', { hasText: '高高报 9' }).waitFor({ timeout: 15_000 });
    for (const label of ['高报 8', '低报 1.5', '低低报 1', '时间（北京时间）', '液位（m）'])
      expect(await chart.locator('svg text', { hasText: label }).count()).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await shot(watch, 'enterprises-03-hazard-source', 'console-hazard-source.png');
  }, 180_000);
});
