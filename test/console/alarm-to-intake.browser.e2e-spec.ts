import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { highHighAlarm, type MonitoringAlarmChain } from '../support/alarm-to-incident/monitoring-alarm';
import {
  openIncidentFromAlarm,
  openMonitoringAlarm,
  prefilledIntake,
  readAlarmContext,
  submitIntakeFromAlarm,
} from '../support/alarm-to-incident/steps';
import { browserMissingReason, consolePageAs, screenshot } from '../support/browser';
import { registerTeam } from '../support/resource-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * From a monitoring alarm to an incident, in Chromium: a gateway's reading past 高高报 arrives over HTTP with the
 * enterprise's device key and raises the alarm; the city's duty officer sees it in the alarm centre with the
 * enterprise, the hazard source and its grade, clicks 转为事故接报, lands on the intake prefilled from the alarm, adds
 * the caller and submits; the incident names the enterprise. Nothing is filed before the officer submits.
 * Screenshots: test-artifacts/console/alarm-to-intake-*.png.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('from a monitoring alarm to an incident intake in the console', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let chain: MonitoringAlarmChain;
  const browsers: Browser[] = [];

  const incidentCount = async () =>
    (
      await t.sql<{ n: number }>(
        `select count(distinct stream_name)::int as n from es_events where category = 'incident'`,
      )
    )[0]!.n;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    officer = await t.user(['duty_officer'], '640500');
    await registerTeam(t, admin.token, {
      name: '园区危化救援队',
      specialties: ['hazardous_chemicals'],
      base: { address: '中卫工业园区（测试）', lat: 37.535, lng: 105.147 },
    });
    chain = await highHighAlarm(t, admin.token, { enterprise: { name: '中卫美利化工有限公司（测试）' } });
  }, 60_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await t?.close();
  });

  it('the officer sees the alarm with its context, opens the intake prefilled, submits, and the incident names the enterprise', async () => {
    const incidentsBefore = await incidentCount();
    const { browser, page } = await consolePageAs(t.baseUrl, officer);
    browsers.push(browser);

    const card = await openMonitoringAlarm(page, chain.alarm.id);
    const seen = await readAlarmContext(card);
    expect(seen.enterprise).toContain('中卫美利化工有限公司（测试）');
    expect(seen.enterprise).toContain(chain.creditCode);
    expect(seen.hazardSource).toContain('液氨储罐区');
    expect(seen.hazardSource).toContain('氨');
    expect(seen.grade).toMatch(/^[一二三四]级重大危险源$/);
    expect(seen.reading).toContain('读数 9.7m');
    expect(seen.thresholds).toContain('高高报 9m');
    expect(seen.teams).toContain('园区危化救援队');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'alarm-to-intake-1-alarm-context');
    // Seeing the alarm filed nothing.
    expect(await incidentCount()).toBe(incidentsBefore);

    await openIncidentFromAlarm(page, chain.alarm.id);
    expect(new URL(page.url()).pathname).toBe('/intake');
    const prefilled = await prefilledIntake(page);
    expect(prefilled).toMatchObject({
      title: '中卫美利化工有限公司（测试）·液氨储罐区 1# 液氨储罐液位 高高报',
      category: 'hazardous_chemicals',
      jurisdiction: '640571',
      enterprise: '中卫美利化工有限公司（测试）',
      address: '中卫工业园区纬三路（虚构地址）',
    });
    expect(prefilled.description).toContain('超过高高报阈值 9m');
    await screenshot(page, 'alarm-to-intake-2-prefilled');
    // Opening the intake filed nothing either: only the officer's submission does.
    expect(await incidentCount()).toBe(incidentsBefore);

    const { incidentId } = await submitIntakeFromAlarm(page);
    await screenshot(page, 'alarm-to-intake-3-filed');
    expect(await incidentCount()).toBe(incidentsBefore + 1);
    const incident = (await t.get(`/api/v1/incidents/${incidentId}`, officer.token).expect(200)).body as {
      enterprise: string | null;
      enterpriseId?: string | null;
      jurisdiction: string;
      title: string;
    };
    expect(incident).toMatchObject({
      enterprise: '中卫美利化工有限公司（测试）',
      enterpriseId: chain.enterpriseId,
      jurisdiction: '640571',
      title: prefilled.title,
    });
    // The alarm is still the officer's to acknowledge: opening the intake did not do it.
    const alarm = (await t.get(`/api/v1/alarms/${chain.alarm.id}`, officer.token).expect(200)).body as {
      status: string;
    };
    expect(alarm.status).toBe('raised');
  }, 120_000);
});
