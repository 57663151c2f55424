import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { browserMissingReason } from '../support/browser';
import { incidentBody } from '../support/incident-fixtures';
import {
  closeMapPopup,
  openWarningAreaPopup,
  settledVisibleLabels,
  waitForLabelCount,
  mapLabels,
  mapPageAs,
  mapScreenshot,
  offOrigin,
  openFeaturePopup,
  openSituationMap,
  setMapLayer,
  waitForMapLabel,
} from '../support/map/situation-map';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The situation map in Chromium at 1366×768, as a city commander reads it: open incidents by grade, teams by status
 * where they last reported, warehouses by stock state and a warning's area, every feature labelled; layers switched
 * off stay off after a reload; a team's report moves its marker live; a popup leads to the incident workspace; a
 * title written as markup stays text; and not one request leaves the console's origin (no tiles by default).
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nsituation map browser test ${missing}\n`);
const suite = missing ? describe.skip : describe;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const HOSTILE = '<img src=x onerror="window.__mapPwned=1">储罐区泄漏';

suite('the situation map in the console', () => {
  let t: TestApp;
  let admin: TestUser;
  let commander: TestUser;
  const browsers: Browser[] = [];
  let incidentId: string;
  let movingTeam: string;
  const suffix = Date.now().toString(36).slice(-4);
  const names = {
    team: `中宁县危化救援队${suffix}`,
    moving: `沙坡头区消防救援队${suffix}`,
    warehouse: `中卫市应急物资储备库${suffix}`,
  };

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    commander = await t.user(['commander'], '640500');
    incidentId = (
      await t
        .post('/api/v1/incidents', commander.token)
        .send(
          incidentBody({
            title: HOSTILE,
            jurisdiction: '640521',
            location: { address: '中宁县石空工业园区', lat: 37.46, lng: 105.72 },
          }),
        )
        .expect(201)
    ).body.id as string;
    await t
      .post('/api/v1/incidents', commander.token)
      .send(
        incidentBody({
          title: `沙坡头区仓库火灾${suffix}`,
          category: 'fire',
          jurisdiction: '640502',
          location: { address: '沙坡头区文昌镇', lat: 37.75, lng: 104.7 },
        }),
      )
      .expect(201);
    await registerTeam(t, admin.token, {
      name: names.team,
      jurisdiction: '640521',
      base: { address: '中宁县', lat: 37.2, lng: 105.9 },
    });
    movingTeam = await registerTeam(t, admin.token, {
      name: names.moving,
      jurisdiction: '640502',
      base: { address: '沙坡头区', lat: 37.3, lng: 104.6 },
    });
    const warehouse = await registerWarehouse(
      t,
      admin.token,
      { name: names.warehouse, location: { address: '中卫市沙坡头区', lat: 37.05, lng: 104.7 } },
      [{ materialCode: '1010101', quantity: 10 }],
    );
    await t
      .post(`/api/v1/warehouses/${warehouse}/minimums`, admin.token)
      .send({ materialCode: '1010101', minimum: 50 })
      .expect(200);
    await t
      .post('/api/v1/warnings', commander.token)
      .send({
        level: 'orange',
        hazard: '危险化学品泄漏',
        jurisdiction: '640521',
        area: {
          description: '石空工业园区周边 2 公里',
          polygon: [
            { lat: 37.43, lng: 105.6 },
            { lat: 37.53, lng: 105.6 },
            { lat: 37.53, lng: 105.75 },
            { lat: 37.43, lng: 105.6 },
          ],
        },
        message: '储罐区泄漏，请向上风向撤离',
        effective: hours(-0.1),
        expires: hours(6),
        channels: ['sms'],
      })
      .expect(201);
  }, 90_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await t?.close();
  });

  it('labels every feature, switches layers (remembered), follows live reports and links to the workspace, offline', async () => {
    const { browser, page, requests } = await mapPageAs(t.baseUrl, commander);
    browsers.push(browser);
    await openSituationMap(page);

    // Every kind of feature carries its label: incident title and grade, team and status, warehouse and stock state.
    await waitForMapLabel(page, 'incidents', `${HOSTILE}（一般事故）`, { visible: true });
    await waitForMapLabel(page, 'incidents', `沙坡头区仓库火灾${suffix}（一般事故）`, { visible: true });
    await waitForMapLabel(page, 'teams', `${names.team}（待命）`);
    await waitForMapLabel(page, 'teams', `${names.moving}（待命）`);
    await waitForMapLabel(page, 'warehouses', `${names.warehouse}（低于储备下限）`);
    await waitForMapLabel(page, 'warnings', '橙色预警：危险化学品泄漏');
    expect(await mapLabels(page, 'outline')).toEqual(
      expect.arrayContaining(['中宁县（示意）', '沙坡头区（示意）', '海原县（示意）']),
    );
    // Spread apart, the teams and the warehouse show their labels too; none is crowded out.
    const teamLabels = [`${names.moving}（待命）`, `${names.team}（待命）`];
    expect(await settledVisibleLabels(page, 'teams', teamLabels)).toEqual(teamLabels.sort());
    const warehouseLabels = [`${names.warehouse}（低于储备下限）`];
    expect(await settledVisibleLabels(page, 'warehouses', warehouseLabels)).toEqual(warehouseLabels);
    await mapScreenshot(page, 'overview');
    await expect(page.locator('.map-label-incidents', { hasText: HOSTILE }).count()).resolves.toBe(1);
    // The enterprise, major hazard source and shelter layers read their registers (this suite registers none: a
    // count, never 暂无数据).
    for (const id of ['enterprises', 'hazardSources', 'shelters']) {
      await expect(page.getByTestId(`map-pending-${id}`).count()).resolves.toBe(0);
      expect(await page.getByTestId(`map-count-${id}`).textContent()).toMatch(/^0\s*个$/);
    }
    // The map fills the main area at 1366×768 and the layer panel sits beside it, inside the window.
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const panelBox = (await page.getByTestId('map-layer-panel').boundingBox())!;
    expect(mapBox.width).toBeGreaterThan(600);
    expect(mapBox.height).toBeGreaterThan(500);
    expect(panelBox.x).toBeGreaterThanOrEqual(mapBox.x + mapBox.width);
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(1366);

    // The title written as markup stayed text: no element was made of it and its handler never ran.
    expect(await page.locator('.leaflet-container img').count()).toBe(0);
    expect(await page.evaluate('window.__mapPwned')).toBeUndefined();

    // A team's report with a position moves it on the map without a reload.
    const before = (await page.locator(`.map-feature[data-feature-id="${movingTeam}"]`).boundingBox())!;
    await t
      .post(`/api/v1/teams/${movingTeam}/status`, commander.token)
      .send({ status: 'out_of_service', location: { lat: 37.2, lng: 105.4 } })
      .expect((r) => expect([200, 201]).toContain(r.status));
    await waitForMapLabel(page, 'teams', `${names.moving}（暂停执勤）`);
    // Wherever its label went (it may now be crowded out), pointing at the team shows it.
    await page.locator(`.map-feature[data-feature-id="${movingTeam}"]`).hover();
    await waitForMapLabel(page, 'teams', `${names.moving}（暂停执勤）`, { visible: true, timeout: 5000 });
    const after = (await page.locator(`.map-feature[data-feature-id="${movingTeam}"]`).boundingBox())!;
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(20);

    // Switching teams and warnings off removes them; the choice survives a reload.
    await setMapLayer(page, 'teams', false);
    await setMapLayer(page, 'warnings', false);
    expect(await waitForLabelCount(page, 'teams', 0)).toBe(0);
    expect(await page.locator('.map-class-warnings-orange').count()).toBe(0);
    expect(await waitForLabelCount(page, 'incidents', 2)).toBe(2);
    await mapScreenshot(page, 'layers-off');
    await page.reload();
    await page.getByTestId('map-layer-panel').waitFor({ timeout: 20_000 });
    await waitForMapLabel(page, 'incidents', `${HOSTILE}（一般事故）`);
    expect(await page.getByTestId('map-toggle-teams').isChecked()).toBe(false);
    expect(await page.locator('.map-label-teams').count()).toBe(0);
    await setMapLayer(page, 'teams', true);
    await setMapLayer(page, 'warnings', true);
    await waitForMapLabel(page, 'teams', `${names.team}（待命）`);

    // The warning's area, under which an industrial park's outline lies, answers a click with its own popup.
    const area = await openWarningAreaPopup(page, 'orange');
    expect(area.text).toContain('石空工业园区周边 2 公里');
    expect(area.link).toEqual({ text: '查看预警', href: '/warnings' });
    await closeMapPopup(page);

    // A click on the incident opens its popup; its link leads to the incident workspace.
    const link = await openFeaturePopup(page, incidentId);
    expect(link).toEqual({ text: '打开事故工作台', href: `/incidents/${incidentId}` });
    expect(await page.locator('.leaflet-popup strong').textContent()).toBe(`${HOSTILE}（一般事故）`);
    await mapScreenshot(page, 'popup');
    await page.locator('.leaflet-popup .map-popup-link').click();
    await page.waitForURL(`**/incidents/${incidentId}`);
    expect(await page.evaluate('window.__mapPwned')).toBeUndefined();

    // Offline by default: every request the page made stayed on the console's origin.
    expect(requests.length).toBeGreaterThan(5);
    expect(offOrigin(requests, t.baseUrl)).toEqual([]);
  }, 120_000);
});
