// Over 300 lines on purpose: every screen that shows user text, checked in one browser session.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { tickAlarms } from '../support/alarm-fixtures';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { drillBody, drillIncidentPayload } from '../drills/drill-fixtures';
import { FOREIGN_HOST, PAYLOAD_ELEMENTS, XSS_FLAG, labelled } from '../security/xss-payloads';

/**
 * Stored XSS replayed in a real browser against the real application: incidents, teams, warehouses, a dispatch, an
 * allocation, a warning and a drill evaluation whose texts are script payloads, and a commander who opens every
 * screen — board, detail, map (every marker hovered and clicked), replay, teams, stock, the alerts panel, the
 * evaluation report. Nothing of a payload may become an element, its flag must stay unset, no request may leave the
 * origin, the browser reports no CSP violation (none was even attempted), and the payload shows as the typed text.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nstored-XSS browser test ${missing}\n`);
const suite = missing ? describe.skip : describe;

const INCIDENTS = [
  {
    title: labelled('事故甲', 'img'),
    address: labelled('地址', 'breakout'),
    enterprise: labelled('单位', 'svg'),
    reporter: labelled('报告人', 'iframe'),
    description: labelled('经过', 'style'),
    lat: 37.3,
    lng: 105.0,
  },
  {
    title: labelled('事故乙', 'iframe'),
    address: labelled('地址', 'javascriptUrl'),
    enterprise: labelled('单位', 'img'),
    reporter: labelled('报告人', 'breakout'),
    description: labelled('经过', 'svg'),
    lat: 37.3,
    lng: 105.35,
  },
  {
    title: labelled('事故丙', 'breakout'),
    address: labelled('地址', 'img'),
    enterprise: labelled('单位', 'iframe'),
    reporter: labelled('报告人', 'svg'),
    description: labelled('经过', 'javascriptUrl'),
    lat: 37.3,
    lng: 105.7,
  },
];
const TEAMS = [
  {
    name: labelled('队伍甲', 'svg'),
    address: labelled('驻地', 'img'),
    contact: labelled('队长', 'breakout'),
    lat: 37.65,
    lng: 105.0,
  },
  {
    name: labelled('队伍乙', 'javascriptUrl'),
    address: labelled('驻地', 'iframe'),
    contact: labelled('队长', 'svg'),
    lat: 37.65,
    lng: 105.35,
  },
  {
    name: labelled('队伍丙', 'style'),
    address: labelled('驻地', 'svg'),
    contact: labelled('队长', 'iframe'),
    lat: 37.65,
    lng: 105.7,
  },
];
const WAREHOUSES = [
  {
    name: labelled('储备库甲', 'iframe'),
    address: labelled('库址', 'svg'),
    batch: 'B<img src=x onerror=1>',
    lat: 36.95,
    lng: 105.0,
  },
  {
    name: labelled('储备库乙', 'breakout'),
    address: labelled('库址', 'style'),
    batch: 'B"><script>1</script>',
    lat: 36.95,
    lng: 105.35,
  },
];
const WARNING_MESSAGE = labelled('预警', 'img');
const DISPATCH_TASK = labelled('任务', 'svg');
const FOLLOW_UP_MEASURES = labelled('措施', 'iframe');

/** A status check whose failure message carries the problem the server answered with. */
const shows = (status: number) => (response: { status: number; text: string }) => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
};

suite('stored script payloads in the console (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: TestUser;
  let commander: TestUser;
  let coordinator: TestUser;
  let base: URL;
  const incidentIds: string[] = [];
  let drillId: string;
  /** Every URL any page of the context asked for (requests and WebSockets). */
  const requested: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    base = new URL(t.baseUrl);
    [admin, commander, coordinator] = await Promise.all([
      t.user(['admin']),
      t.user(['commander']),
      t.user(['drill_coordinator']),
    ]);

    const teamIds: string[] = [];
    for (const team of TEAMS) {
      teamIds.push(
        (
          await t
            .post('/api/v1/teams', admin.token)
            .send({
              name: team.name,
              kind: 'professional',
              specialties: ['hazardous_chemicals'],
              headcount: 8,
              equipment: [labelled('装备', 'img')],
              base: { address: team.address, lat: team.lat, lng: team.lng },
              jurisdiction: '640500',
              contact: { name: team.contact, phone: '0955-0000001' },
            })
            .expect(shows(201))
        ).body.id,
      );
    }
    const warehouseIds: string[] = [];
    for (const w of WAREHOUSES) {
      const id = (
        await t
          .post('/api/v1/warehouses', admin.token)
          .send({
            name: w.name,
            level: 'city',
            location: { address: w.address, lat: w.lat, lng: w.lng },
            jurisdiction: '640500',
            reserveKind: 'physical',
          })
          .expect(shows(201))
      ).body.id as string;
      await t
        .post(`/api/v1/warehouses/${id}/receipts`, admin.token)
        .send({ items: [{ materialCode: '2010102', quantity: 50, batch: w.batch }] })
        .expect(shows(201));
      warehouseIds.push(id);
    }
    for (const i of INCIDENTS) {
      incidentIds.push(
        (
          await t
            .post('/api/v1/incidents', commander.token)
            .send(
              incidentBody({
                title: i.title,
                jurisdiction: '640500',
                occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
                location: { address: i.address, lat: i.lat, lng: i.lng },
                enterprise: i.enterprise,
                reporter: { name: i.reporter, phone: '0955-1234567', organization: labelled('单位', 'breakout') },
                description: i.description,
              }),
            )
            .expect(shows(201))
        ).body.id,
      );
    }
    await t
      .post(`/api/v1/incidents/${incidentIds[0]}/updates`, commander.token)
      .set('If-Match', '0')
      .send({ casualties: { seriousInjuries: 2 }, measures: FOLLOW_UP_MEASURES, description: labelled('续报', 'svg') })
      .expect(shows(200));
    await t
      .post(`/api/v1/teams/${teamIds[0]}/dispatch`, commander.token)
      .send({ incidentId: incidentIds[0], task: DISPATCH_TASK })
      .expect(shows(201));
    await t
      .post(`/api/v1/warehouses/${warehouseIds[0]}/allocations`, commander.token)
      .send({ incidentId: incidentIds[0], items: [{ materialCode: '2010102', quantity: 5 }] })
      .expect(shows(201));
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    await t
      .post('/api/v1/warnings', commander.token)
      .send({
        level: 'orange',
        hazard: '危险化学品泄漏',
        jurisdiction: '640500',
        message: WARNING_MESSAGE,
        instruction: labelled('指引', 'breakout'),
        area: {
          description: labelled('区域', 'iframe'),
          polygon: [
            { lat: 37.45, lng: 105.6 },
            { lat: 37.5, lng: 105.6 },
            { lat: 37.5, lng: 105.7 },
            { lat: 37.45, lng: 105.6 },
          ],
        },
        effective: hours(-0.1),
        expires: hours(6),
        channels: ['sms'],
      })
      .expect(shows(201));
    // The alarm watch raises the warning's alarm (test-app leaves its timer at an hour: one tick by hand).
    await tickAlarms(t);
    // A drill evaluation for the printable report.
    drillId = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ title: labelled('演练', 'iframe') }))
        .expect(shows(201))
    ).body.id;
    await t.post(`/api/v1/drills/${drillId}/start`, coordinator.token).send({}).expect(shows(200));
    await t
      .post(`/api/v1/drills/${drillId}/injects`, coordinator.token)
      .send({
        kind: 'report_incident',
        payload: drillIncidentPayload({ title: labelled('演练事故', 'svg'), jurisdiction: '640500' }),
      })
      .expect(shows(201));
    await t.post(`/api/v1/drills/${drillId}/end`, coordinator.token).send({}).expect(shows(200));
    await t
      .post(`/api/v1/drills/${drillId}/evaluation/findings`, coordinator.token)
      .send({ text: labelled('问题', 'img') })
      .expect(shows(201));

    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.on('request', (r) => requested.push(r.url()));
    context.on('page', (p) => p.on('websocket', (ws) => requested.push(ws.url())));
    // Every CSP violation the page meets is kept: there should be none, since nothing even tries to run.
    await context.addInitScript({
      content:
        "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 90_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  /** Nothing of a payload in the DOM, the flag unset, no violation, no dialog. */
  async function expectInert(where: string): Promise<void> {
    const created = await page
      .locator(PAYLOAD_ELEMENTS)
      .evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 160)));
    expect({ where, created }).toEqual({ where, created: [] });
    expect({ where, flag: await page.evaluate(`window.${XSS_FLAG}`) }).toEqual({ where, flag: undefined });
    expect({ where, violations: await page.evaluate('window.__csp') }).toEqual({ where, violations: [] });
    expect({ where, dialogs }).toEqual({ where, dialogs: [] });
  }

  async function expectText(locator: Locator, text: string): Promise<void> {
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      if ((await locator.innerText().catch(() => '')).includes(text)) return;
    }
    expect(await locator.innerText()).toContain(text);
  }

  it('serves the console with a script policy that allows no inline script', async () => {
    const response = await page.goto(t.baseUrl);
    const csp = response!.headers()['content-security-policy']!;
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.getByTestId('login-username').fill(commander.username);
    await page.getByTestId('login-password').fill(commander.password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
  }, 30_000);

  it('board: every title shows as the typed text', async () => {
    for (const [n, id] of incidentIds.entries()) {
      const row = page.locator(`[data-testid="incident-row"][data-incident-id="${id}"]`);
      await row.waitFor({ timeout: 10_000 });
      await expectText(row, INCIDENTS[n]!.title);
    }
    await screenshot(page, 'xss-01-board-with-payloads');
    await expectInert('board');
    // The warning in force is an alarm of the server's alarm centre, its message shown as text.
    await page.getByTestId('alarm-bell').locator('a').click();
    await page.getByTestId('alarm-filter-kind').selectOption('warning');
    await expectText(page.locator('[data-testid="alarm"][data-kind="warning"]').first(), WARNING_MESSAGE);
    await expectInert('alarms');
    await page.goBack();
  }, 30_000);

  it('incident detail: title, address, enterprise, reporter, description, follow-up, team, task, allocation as text', async () => {
    for (const [n, id] of incidentIds.entries()) {
      await page.locator(`[data-testid="incident-row"][data-incident-id="${id}"]`).click();
      const detail = page.locator(`[data-testid="incident-detail"][data-incident-id="${id}"]`);
      await detail.waitFor({ timeout: 10_000 });
      const i = INCIDENTS[n]!;
      await expectText(page.getByTestId('incident-title'), i.title);
      for (const text of [i.address, i.enterprise, i.reporter, labelled('单位', 'breakout')])
        await expectText(detail, text);
      if (n === 0) {
        await expectText(detail, FOLLOW_UP_MEASURES);
        await expectText(page.getByTestId('assigned-team').first(), TEAMS[0]!.name);
        await expectText(detail, DISPATCH_TASK);
        await expectText(page.getByTestId('allocation').first(), WAREHOUSES[0]!.name);
        // Recommendations list the other payload-named teams and warehouses.
        await page.getByTestId('recommended-team').first().waitFor({ timeout: 10_000 });
        await screenshot(page, 'xss-02-detail-with-payloads');
      } else {
        await expectText(detail, i.description);
      }
      await expectInert(`detail ${n}`);
      await page.getByTestId('nav-board').click();
    }
  }, 60_000);

  it('map: every feature is labelled with its name as text, and every feature clicked shows it as text in its popup', async () => {
    const names = [...INCIDENTS.map((i) => i.title), ...TEAMS.map((x) => x.name), ...WAREHOUSES.map((w) => w.name)];
    const markers = page.locator('.situation-map .map-feature.map-marker');
    const openMap = async () => {
      await page.getByTestId('nav-map').click();
      await page.getByTestId('map').waitFor();
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && (await markers.count()) < names.length;)
        await page.waitForTimeout(100);
      expect(await markers.count()).toBe(names.length);
    };
    await openMap();
    // The labels stay on the map: each name begins exactly one label, as the typed text.
    // (A label crowded out by a more important one is hidden until its feature is hovered: read as text, not as seen.)
    const labels = await page
      .locator('.map-label-incidents, .map-label-teams, .map-label-warehouses')
      .allTextContents();
    expect(labels).toHaveLength(names.length);
    for (const name of names) expect(labels.filter((l) => l.startsWith(name))).toHaveLength(1);
    expect(await page.locator('.map-label-warnings').first().textContent()).toBe('橙色预警：危险化学品泄漏');
    await screenshot(page, 'xss-03-map-markers');
    await expectInert('map labels');

    // Clicking: every marker and the warning's area open a popup that shows the name (and area) as text.
    const popup = page.locator('.leaflet-popup');
    const clickAndRead = async (
      target: Locator,
      where: string,
      position?: { x: number; y: number },
    ): Promise<string> => {
      await target.click({ force: true, position });
      await popup.waitFor({ timeout: 5000 }).catch(async (error: Error) => {
        await screenshot(page, 'xss-03-map-no-popup');
        throw new Error(`${where}: no popup opened (${error.message})`);
      });
      const text = await popup.innerText();
      await expectInert(where);
      await page.locator('.leaflet-popup-close-button').click();
      await popup.waitFor({ state: 'detached', timeout: 5000 });
      return text;
    };
    const seen: string[] = [];
    for (let n = 0; n < names.length; n++) {
      const text = await clickAndRead(markers.nth(n), `map popup ${n}`);
      seen.push(names.find((name) => text.startsWith(name)) ?? text);
    }
    expect(seen.sort()).toEqual([...names].sort());
    // The area is a triangle filling the upper left half of its box: clicked inside it, not on its edge.
    const triangle = page.locator('.map-class-warnings-orange').first();
    const box = (await triangle.boundingBox())!;
    const area = await clickAndRead(triangle, 'map warning popup', { x: box.width * 0.25, y: box.height * 0.3 });
    expect(area).toContain(labelled('区域', 'iframe'));

    // An incident's popup links to its workspace, a path of the console's own.
    await page.locator(`.map-feature[data-feature-id="${incidentIds[0]}"]`).click({ force: true });
    await page.locator('.leaflet-popup .map-popup-link').click();
    await page.getByTestId('incident-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/incidents/${incidentIds[0]}`);
    await expectInert('map link');
  }, 90_000);

  it('replay: the replayed state shows the title as text', async () => {
    await page.getByTestId('nav-board').click();
    await page.locator(`[data-testid="incident-row"][data-incident-id="${incidentIds[0]}"]`).click();
    await page.getByTestId('open-replay').click();
    await page.getByTestId('replay-view').waitFor();
    await page.getByTestId('replay-speed').fill('100');
    await page.getByTestId('replay-start').click();
    await page.locator('[data-testid="replay-state"] h3').waitFor({ timeout: 15_000 });
    await expectText(page.locator('[data-testid="replay-state"] h3'), INCIDENTS[0]!.title);
    await expectText(page.getByTestId('replay-state'), TEAMS[0]!.name);
    await screenshot(page, 'xss-04-replay');
    await expectInert('replay');
  }, 60_000);

  it('teams and stock: names, bases, contacts, the incident a team is on, batches as text', async () => {
    await page.getByTestId('nav-teams').click();
    const row = page.locator('[data-testid="team-row"]').filter({ hasText: TEAMS[0]!.name });
    await row.waitFor({ timeout: 10_000 });
    await expectText(row, INCIDENTS[0]!.title);
    for (const team of TEAMS) await expectText(page.locator('body'), team.name);
    await screenshot(page, 'xss-05-teams');
    await expectInert('teams');

    await page.getByTestId('nav-stock').click();
    for (const w of WAREHOUSES) {
      const section = page.locator('[data-testid="warehouse"]').filter({ hasText: w.name });
      await section.waitFor({ timeout: 10_000 });
      await expectText(section, w.address);
    }
    await screenshot(page, 'xss-06-stock');
    await expectInert('stock');

    await page.getByTestId('nav-intake').click();
    await page.getByTestId('intake-form').waitFor();
    await expectInert('intake');
  }, 60_000);

  it('the printable evaluation report shows the payloads as text and runs nothing', async () => {
    const reportPage = await context.newPage();
    reportPage.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // The report is a bearer-token GET (a coordinator opens it from a tool or saves it); the token goes in the header.
    await reportPage.route(`**/api/v1/drills/${drillId}/evaluation/report`, (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${coordinator.token}` } }),
    );
    const response = await reportPage.goto(`${t.baseUrl}/api/v1/drills/${drillId}/evaluation/report`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toContain('sandbox');
    const body = await reportPage.locator('body').innerText();
    for (const text of [labelled('演练', 'iframe'), labelled('演练事故', 'svg'), labelled('问题', 'img')])
      expect(body).toContain(text);
    expect(await reportPage.locator(PAYLOAD_ELEMENTS).count()).toBe(0);
    expect(await reportPage.evaluate(`window.${XSS_FLAG}`)).toBeUndefined();
    await screenshot(reportPage, 'xss-07-evaluation-report');
    await reportPage.close();
  }, 30_000);

  it('the evaluation screen renders the report document with the payloads as text', async () => {
    // In the console's own page and session (the report comes as JSON with the console's token, never as markup).
    await page.evaluate(
      `window.history.pushState(null, '', '/drills/${drillId}/evaluation'); window.dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await page.getByTestId('evaluation-open-report').click();
    const doc = page.getByTestId('evaluation-document');
    await doc.waitFor({ timeout: 20_000 });
    for (const text of [labelled('演练', 'iframe'), labelled('演练事故', 'svg'), labelled('问题', 'img')])
      await expectText(doc, text);
    await screenshot(page, 'xss-07b-evaluation-screen-report');
    await expectInert('evaluation report view');
  }, 30_000);

  it('Swagger UI still renders at /api/docs under its own policy', async () => {
    const docs = await context.newPage();
    const response = await docs.goto(`${t.baseUrl}/api/docs`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await docs.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
    expect(await docs.locator('.swagger-ui .info .title').innerText()).toContain('应急指挥调度系统 API');
    await docs.locator('.opblock').first().waitFor({ timeout: 10_000 });
    expect(await docs.evaluate('window.__csp')).toEqual([]);
    await screenshot(docs, 'xss-08-api-docs');
    await docs.close();
  }, 40_000);

  it('no request of any page left the origin', () => {
    expect(requested.length).toBeGreaterThan(10);
    const foreign = requested.filter((u) => !/^(data|blob):/.test(u) && new URL(u).host !== base.host);
    expect(foreign).toEqual([]);
    expect(requested.some((u) => u.includes(FOREIGN_HOST))).toBe(false);
  });
});
