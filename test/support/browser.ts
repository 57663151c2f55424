import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, as CI installs it (.ci/run). */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(__dirname, '../../test-artifacts/console');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Without Chromium the browser suites cannot run; CI installs it, so there a missing browser is a failure. */
export function browserMissingReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `skipped: ${CHROMIUM} not installed (apt-get install chromium; .ci/run does)`;
}

/** Every browser test leaves a screenshot behind (CI keeps test-artifacts/). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Signs in through the console's own form and waits until its live line is connected. */
export async function signInThroughConsole(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
}

/** A Chromium page on the console at a desk's size, in Beijing time and Chinese, signed in as `user`. */
export async function consolePageAs(
  baseUrl: string,
  user: { username: string; password: string },
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await signInThroughConsole(page, user);
  return { browser, page };
}
