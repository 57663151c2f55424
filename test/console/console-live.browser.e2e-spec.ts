import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot } from '../support/browser';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttable-proxy';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The console in a real browser (Debian's Chromium via playwright-core) against the real application: two consoles
 * signed in separately, live updates between them, and one console whose network is cut and restored.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('the command console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let proxy: CuttableProxy;
  let commander: TestUser;
  let duty: TestUser;
  let admin: TestUser;
  let commanderConsole: Page;
  let dutyConsole: Page;
  const contexts: BrowserContext[] = [];
  let teamId: string;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD))
      throw new Error('the console is not built: npm run build:console (npm test does it)');
    t = await startTestApp();
    proxy = await startCuttableProxy(Number(new URL(t.baseUrl).port));
    [commander, duty, admin] = await Promise.all([t.user(['commander']), t.user(['duty_officer']), t.user(['admin'])]);
    teamId = (
      await t
        .post('/api/v1/teams', admin.token)
        .send({
          name: `危化品救援队 ${randomUUID().slice(0, 4)}`,
          kind: 'professional',
          specialties: ['hazardous_chemicals'],
          headcount: 12,
          base: { address: '中卫工业园区', lat: 37.54, lng: 105.15 },
          jurisdiction: '640571',
          contact: { name: '队长', phone: '0955-0000001' },
        })
        .expect(201)
    ).body.id;
    browser = await launchBrowser();
    const open = async (baseUrl: string) => {
      const context = await browser.newContext({
        viewport: { width: 1920, height: 1080 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(baseUrl);
      return page;
    };
    // The commander's console goes through the cuttable line; the duty officer's straight to the server.
    commanderConsole = await open(proxy.url);
    dutyConsole = await open(t.baseUrl);
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await proxy?.close();
    await t?.close();
  });

  async function signIn(page: Page, user: TestUser): Promise<void> {
    await page.getByTestId('login-username').fill(user.username);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await page
      .getByTestId('connection-state')
      .and(page.locator('[data-state="connected"]'))
      .waitFor({ timeout: 15_000 });
  }

  it('signs in; a wrong password is refused with a message', async () => {
    await dutyConsole.getByTestId('login-username').fill(duty.username);
    await dutyConsole.getByTestId('login-password').fill('wrong-password');
    await dutyConsole.getByTestId('login-submit').click();
    await dutyConsole.getByTestId('login-error').waitFor();
    await signIn(dutyConsole, duty);
    await signIn(commanderConsole, commander);
    await expectText(commanderConsole.getByTestId('current-user'), commander.username);
    await screenshot(commanderConsole, '01-signed-in-board');
  }, 60_000);

  let incidentId: string;
  const title = `园区储罐泄漏（浏览器测试 ${randomUUID().slice(0, 6)}）`;

  it('a duty officer reports an incident and it appears on the commander’s separately signed-in console', async () => {
    await dutyConsole.getByTestId('nav-intake').click();
    const form = dutyConsole.getByTestId('intake-form');
    await form.waitFor();
    // Inline validation before anything is sent.
    await dutyConsole.getByTestId('intake-submit').click();
    await dutyConsole.getByTestId('error-title').waitFor();
    await dutyConsole.getByTestId('intake-title').fill(title);
    await dutyConsole.getByTestId('intake-category').selectOption('hazardous_chemicals');
    await dutyConsole.getByTestId('intake-occurredAt').fill(beijingLocal(new Date(Date.now() - 10 * 60_000)));
    await dutyConsole.getByTestId('intake-address').fill('中卫工业园区纬三路');
    await dutyConsole.getByTestId('intake-lat').fill('37.53');
    await dutyConsole.getByTestId('intake-lng').fill('105.14');
    await dutyConsole.getByTestId('intake-jurisdiction').selectOption('640571');
    await dutyConsole.getByTestId('intake-enterprise').fill('某化工有限公司');
    await dutyConsole.getByTestId('intake-reporterName').fill('张伟');
    await dutyConsole.getByTestId('intake-reporterPhone').fill('0955-1234567');
    await dutyConsole.getByTestId('intake-reporterOrganization').fill('企业安全科');
    await dutyConsole.getByTestId('intake-seriousInjuries').fill('1');
    await dutyConsole.getByTestId('intake-description').fill('储罐阀门泄漏，现场有刺激性气味');
    await dutyConsole.getByTestId('intake-submit').click();
    const detail = dutyConsole.getByTestId('incident-detail');
    await detail.waitFor({ timeout: 15_000 });
    incidentId = (await detail.getAttribute('data-incident-id'))!;
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);

    const row = commanderConsole.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await expectText(row, title);
    await screenshot(dutyConsole, '02-duty-reported-incident');
    await screenshot(commanderConsole, '02-commander-board-shows-it');
  }, 60_000);

  it('the commander dispatches a team from the recommendations and both consoles update', async () => {
    await commanderConsole.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`).click();
    await commanderConsole.getByTestId('incident-detail').waitFor();
    const recommended = commanderConsole.locator(`[data-testid="recommended-team"][data-team-id="${teamId}"]`);
    await recommended.waitFor({ timeout: 10_000 });
    await recommended.getByTestId('dispatch-team').click();

    for (const page of [commanderConsole, dutyConsole]) {
      await page.locator(`[data-testid="assigned-team"][data-team-id="${teamId}"]`).waitFor({ timeout: 15_000 });
    }
    const stored = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(stored.assignedTeams.map((a: { teamId: string }) => a.teamId)).toEqual([teamId]);
    await screenshot(commanderConsole, '03-commander-dispatched');
    await screenshot(dutyConsole, '03-duty-sees-dispatch');

    // The team calls in "en route"; the duty officer logs it on the team board and the commander's detail follows.
    await dutyConsole.getByTestId('nav-teams').click();
    const teamRow = dutyConsole.locator(`[data-testid="team-row"][data-team-id="${teamId}"]`);
    await teamRow.getByTestId('team-status-report').selectOption('en_route');
    await dutyConsole
      .locator(`[data-testid="team-row"][data-team-id="${teamId}"][data-status="en_route"]`)
      .waitFor({ timeout: 15_000 });
    await commanderConsole
      .locator(`[data-testid="assigned-team"][data-team-id="${teamId}"]`)
      .getByText('途中')
      .waitFor({ timeout: 15_000 });
    await screenshot(dutyConsole, '03-duty-team-board');
  }, 60_000);

  it('a console whose line is cut catches up after it is restored and shows exactly the server’s state', async () => {
    await commanderConsole.getByTestId('nav-board').click();
    await commanderConsole.locator('[data-testid="incident-row"]').first().waitFor();
    proxy.cut();
    await commanderConsole
      .locator('[data-testid="connection-state"]:not([data-state="connected"])')
      .waitFor({ timeout: 15_000 });
    await screenshot(commanderConsole, '04-line-cut');

    // Changes while it is away: a new incident, and the first one goes up to a response level.
    const missedTitle = `断线期间接报 ${randomUUID().slice(0, 6)}`;
    const missed = (
      await t
        .post('/api/v1/incidents', duty.token)
        .send({
          title: missedTitle,
          category: 'fire',
          occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          location: { address: '沙坡头区某商场', lat: 37.51, lng: 105.19 },
          jurisdiction: '640502',
          reporter: { name: '李娜', phone: '0955-7654321', organization: '商场保卫处' },
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 2, trapped: 0 },
          description: '商场起火',
        })
        .expect(201)
    ).body.id;
    await t
      .post(`/api/v1/incidents/${incidentId}/response-level`)
      .send({ level: 'III', reason: '研判后启动' })
      .expect(200);

    proxy.restore();
    await commanderConsole
      .locator('[data-testid="connection-state"][data-state="connected"]')
      .waitFor({ timeout: 30_000 });
    await commanderConsole
      .locator(`[data-testid="incident-row"][data-incident-id="${missed}"]`)
      .waitFor({ timeout: 10_000 });
    // Exactly the server's list: the same incidents, no more, no fewer.
    const server = ((await t.get('/api/v1/incidents', commander.token).expect(200)).body as { id: string }[])
      .map((i) => i.id)
      .sort();
    const shown = () =>
      commanderConsole
        .locator('[data-testid="incident-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-id')));
    for (
      const deadline = Date.now() + 5000;
      Date.now() < deadline && JSON.stringify((await shown()).sort()) !== JSON.stringify(server);
    )
      await new Promise((r) => setTimeout(r, 100));
    expect((await shown()).sort()).toEqual(server);
    // The level set while it was away shows too.
    await commanderConsole
      .locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`)
      .getByText(/Ⅲ级/)
      .waitFor({ timeout: 15_000 });
    await screenshot(commanderConsole, '05-caught-up');
  }, 90_000);
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if ((await locator.textContent())?.includes(text)) return;
  }
  expect(await locator.textContent()).toContain(text);
}

/** `datetime-local` wants the wall-clock time; the console reads it as Beijing time. */
function beijingLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
