import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason } from '../support/browser';
import {
  inviteRecommendedExpert,
  openIncidentWorkspace,
  openShelterRegister,
  recommendedExpert,
  recordExpertAnswer,
  recordShelterOccupancyFromIncident,
  resourcesScreenshot,
  shelterRowCells,
  waitForTimelineLine,
} from '../support/experts-shelters/steps';
import { incidentBody } from '../support/incident-fixtures';
import { mapPageAs, openSituationMap, waitForMapLabel } from '../support/map/situation-map';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * A county duty officer at a desk laptop (1366×768) during a chemical leak: opens the incident, invites the expert the
 * console recommends for hazardous chemicals, records the acceptance the expert gave by phone (the timeline shows
 * both steps), records how many residents a nearby shelter took in, and finds the count on the shelter layer of the
 * situation map and in the shelter register. The top bar keeps one row of tabs with the 应急资源 tab added.
 * Screenshots: test-artifacts/resources-*.png.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nexperts and shelters browser test ${missing}\n`);
const suite = missing ? describe.skip : describe;

const COUNTY = '640521';
const TOPIC = '<b>泄漏</b>物质处置与周边疏散范围研判';

suite('experts and shelters in the console', () => {
  let t: TestApp;
  let officer: TestUser;
  let incidentId: string;
  const browsers: Browser[] = [];
  const suffix = Date.now().toString(36).slice(-4);
  const expertName = `王建国${suffix}`;
  const shelterName = `石空镇文化广场${suffix}`;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    const admin = await t.user(['admin'], '640500');
    officer = await t.user(['duty_officer'], COUNTY);
    await t
      .post('/api/v1/experts', admin.token)
      .send({
        name: expertName,
        specialties: ['hazardous_chemicals'],
        title: '正高级工程师',
        organization: '宁夏化工设计研究院（测试）',
        phone: '13995500001',
        jurisdiction: '640500',
      })
      .expect(201);
    await t
      .post('/api/v1/experts', admin.token)
      .send({
        name: `煤矿专家${suffix}`,
        specialties: ['coal_mine'],
        title: '高级工程师',
        organization: '某煤矿安全技术中心（测试）',
        phone: '13995500002',
        jurisdiction: '640500',
      })
      .expect(201);
    await t
      .post('/api/v1/shelters', admin.token)
      .send({
        name: shelterName,
        kind: 'square',
        capacity: 2000,
        facilities: ['water', 'toilets', 'broadcast'],
        address: '中宁县石空镇',
        location: { lat: 37.47, lng: 105.7 },
        jurisdiction: COUNTY,
      })
      .expect(201);
    incidentId = (
      await t
        .post('/api/v1/incidents', officer.token)
        .send(
          incidentBody({
            title: `石空工业园区储罐泄漏${suffix}`,
            jurisdiction: COUNTY,
            location: { address: '中宁县石空工业园区', lat: 37.46, lng: 105.72 },
          }),
        )
        .expect(201)
    ).body.id as string;
  }, 90_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await t?.close();
  });

  let page: Page;

  it('keeps the tab row on one line with the 应急资源 tab', async () => {
    const opened = await mapPageAs(t.baseUrl, officer);
    browsers.push(opened.browser);
    page = opened.page;
    const tabs = page.locator('nav.nav a');
    await page.getByTestId('nav-resources').waitFor();
    expect(await page.getByTestId('nav-resources').textContent()).toBe('应急资源');
    const tops = new Set<number>();
    for (const box of await tabs.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top)))
      tops.add(Math.round(box));
    expect(tops.size).toBe(1);
  }, 60_000);

  it('invites the recommended expert and records the acceptance given by phone; the timeline shows both', async () => {
    await openIncidentWorkspace(page, t.baseUrl, incidentId);
    const recommended = recommendedExpert(page, expertName);
    await recommended.waitFor({ timeout: 20_000 });
    expect(await recommended.getByTestId('expert-reason').textContent()).toContain('危险化学品');
    // The coal-mine expert matches nothing a chemical leak calls for.
    await expect(recommendedExpert(page, `煤矿专家${suffix}`).count()).resolves.toBe(0);
    await page.getByTestId('consultation-panel').scrollIntoViewIfNeeded();
    await resourcesScreenshot(page, 'consultation-recommended');

    const invitation = await inviteRecommendedExpert(page, expertName, 'on_site', TOPIC);
    expect(await invitation.getByTestId('consultation-topic').textContent()).toBe(`会商事项：${TOPIC}`);
    await expect(page.locator('[data-testid="consultation-panel"] b').count()).resolves.toBe(0);
    expect(await waitForTimelineLine(page, `邀请专家${expertName}`)).toContain('现场会商');

    await recordExpertAnswer(page, expertName, 'accept', '电话答复，30 分钟到场');
    const accepted = await waitForTimelineLine(page, `专家${expertName}接受会商邀请`);
    expect(accepted).toContain('电话答复，30 分钟到场');
    await page.getByTestId('consultation-panel').scrollIntoViewIfNeeded();
    await resourcesScreenshot(page, 'consultation-accepted');
  }, 90_000);

  it('records the people a nearby shelter took in, seen on the map and in the register', async () => {
    const panel = page.getByTestId('shelter-panel');
    await panel.scrollIntoViewIfNeeded();
    await recordShelterOccupancyFromIncident(page, shelterName, 300);
    await panel
      .getByTestId('shelter-recommendation')
      .filter({ hasText: shelterName })
      .getByTestId('shelter-recommendation-free')
      .filter({ hasText: '尚可容纳 1700 人' })
      .waitFor({ timeout: 20_000 });
    await resourcesScreenshot(page, 'shelter-panel');

    await openSituationMap(page);
    const label = `${shelterName}（可容纳 2000 人，尚可容纳 1700 人）`;
    await waitForMapLabel(page, 'shelters', label);
    expect(await page.getByTestId('map-count-shelters').textContent()).toMatch(/^1\s*个$/);
    await expect(page.getByTestId('map-pending-shelters').count()).resolves.toBe(0);
    // The incident's label outranks the shelter's where they crowd; resting the pointer on the shelter shows its
    // label. The legend names the shelter classes.
    await page.locator('.map-feature[class*="map-class-shelters-"]').first().hover({ force: true });
    await page.getByTestId('map-layer-shelters').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('map-layer-shelters').textContent()).toContain('尚有余位');
    await resourcesScreenshot(page, 'map-shelters');

    await openShelterRegister(page);
    expect(await shelterRowCells(page, shelterName)).toEqual([
      shelterName,
      '广场',
      '2000',
      '300',
      '1700',
      ' 15%',
      '应急供水、应急厕所、应急广播',
      '中宁县',
    ]);
    await page.getByTestId('shelter-row').filter({ hasText: shelterName }).getByRole('link').click();
    const history = page.getByTestId('shelter-history-row').first();
    await history.waitFor({ timeout: 20_000 });
    const cells = await history.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(cells.slice(1, 3)).toEqual(['300', `石空工业园区储罐泄漏${suffix}`]);
    expect(await page.getByTestId('shelter-incident').textContent()).toBe(`石空工业园区储罐泄漏${suffix}`);
    await resourcesScreenshot(page, 'shelter-page', true);

    // The expert library, one link away: the accepted consultation counts while the response goes on.
    await page.getByTestId('resources-nav-experts').click();
    const expert = page.getByTestId('expert-row').filter({ hasText: expertName });
    await expert.waitFor({ timeout: 20_000 });
    expect(await expert.locator('td').allTextContents()).toEqual([
      expertName,
      '危险化学品',
      '正高级工程师',
      '宁夏化工设计研究院（测试）',
      '13995500001',
      '中卫市',
      '会商中 1 起',
    ]);
    await resourcesScreenshot(page, 'expert-library');
  }, 90_000);
});
