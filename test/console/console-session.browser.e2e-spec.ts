import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissingReason, launchBrowser, screenshot } from '../support/browser';
import { restartTestApp, startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * The console's session in a real browser: the access token is kept in memory only, the refresh token in an
 * HttpOnly cookie; a server restart (same database, same port) followed by a reload leaves the console signed in;
 * signing out ends the session on the server.
 */
const missing = browserMissingReason();
const CONSOLE_BUILD = resolve(__dirname, '../../apps/console/dist/index.html');
if (missing && process.env.CI) throw new Error(`the console browser tests need Chromium in CI: ${missing}`);
if (missing) process.stdout.write(`\nconsole browser tests ${missing}\n`);
const suite = missing ? describe.skip : describe;

suite('the console session in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let user: TestUser;

  beforeAll(async () => {
    if (!existsSync(CONSOLE_BUILD)) throw new Error('the console is not built: npm run build:console (npm test does)');
    t = await startTestApp();
    user = await t.user(['commander']);
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    await page.goto(t.baseUrl);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const connected = () =>
    page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });

  it('signs in; no token is left where page script can read it', async () => {
    await page.getByTestId('login-username').fill(user.username);
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await connected();
    // Evaluated in the page (a string: this file is compiled without the DOM's types).
    const readable = await page.evaluate<string>(
      'JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage }, cookie: document.cookie })',
    );
    expect(readable).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT
    expect(readable).not.toContain('ecd_refresh');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'ecd_refresh')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
    });
  }, 60_000);

  // Same database, same port; closing and starting are each time-limited (test-app.ts), so a stuck restart fails
  // with a message instead of running into the test's timeout.
  const restart = async () => {
    t = await restartTestApp(t);
  };

  it('keeps what an operator was typing across a server restart: the console reconnects with the same session', async () => {
    await page.getByTestId('nav-intake').click();
    const draft = `园区管廊泄漏（重启前录入 ${Date.now()}）`;
    await page.getByTestId('intake-description').fill(draft);
    await restart();
    await page
      .getByTestId('connection-state')
      .and(page.locator('[data-state="disconnected"], [data-state="connecting"]'))
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    await connected();
    expect(await page.getByTestId('intake-description').inputValue()).toBe(draft);
    expect(await page.getByTestId('login-submit').count()).toBe(0);
  }, 90_000);

  it('stays signed in across a server restart and a reload', async () => {
    await restart();
    await page.reload();
    await connected();
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain(user.username);
    expect(await page.getByTestId('login-submit').count()).toBe(0);
    await screenshot(page, 'session-after-restart');
  }, 90_000);

  it('signing out ends the session on the server; a reload shows the sign-in form', async () => {
    const before = await t.sql<{ n: number }>(
      `select count(*)::int as n from auth_sessions where user_id = $1 and ended_at is null`,
      [user.id],
    );
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor({ timeout: 10_000 });
    const after = await t.sql<{ n: number }>(
      `select count(*)::int as n from auth_sessions where user_id = $1 and ended_at is null`,
      [user.id],
    );
    expect(after[0]!.n).toBe(before[0]!.n - 1);
    expect(
      await t.sql(`select 1 from auth_sessions where user_id = $1 and end_reason = 'logout'`, [user.id]),
    ).toHaveLength(1);
    await page.reload();
    await page.getByTestId('login-submit').waitFor({ timeout: 10_000 });
  }, 60_000);

  const signInAs = async (who: TestUser) => {
    await page.getByTestId('login-username').fill(who.username);
    await page.getByTestId('login-password').fill(who.password);
    await page.getByTestId('login-submit').click();
    await connected();
  };
  const signOut = async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor({ timeout: 10_000 });
  };

  it("a county duty officer's intake offers only its county and the places below it; roles without intake see no intake tab", async () => {
    const officer = await t.user(['duty_officer'], '640522');
    await signInAs(officer);
    await page.getByTestId('nav-intake').click();
    const select = page.getByTestId('intake-jurisdiction');
    await select.waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      'document.querySelectorAll("[data-testid=intake-jurisdiction] option").length > 1',
      undefined,
      { timeout: 10_000 },
    );
    const offered = (
      await page.evaluate<string[]>(
        'Array.from(document.querySelectorAll("[data-testid=intake-jurisdiction] option")).map((o) => o.value)',
      )
    ).filter(Boolean);
    expect(offered).toEqual(['640522', '640522100']);
    expect(await select.inputValue()).toBe('640522');
    await signOut();
    for (const roles of [['viewer'], ['drill_coordinator']] as const) {
      await signInAs(await t.user([...roles], '640500'));
      await page.getByTestId('nav-board').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('nav-intake').count()).toBe(0);
      await signOut();
    }
  }, 90_000);
});
