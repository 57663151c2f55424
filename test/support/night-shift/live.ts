import type { Page } from 'playwright-core';

/**
 * Browser steps for the console's live line: waiting for it to be lost (the stale banner up, saying since when) and
 * for it to be current again (reconnected, resumed and reloaded: the banner gone).
 */

/** Waits for the stale banner and returns what it says and the instant it names (its `data-since`). */
export async function waitForStaleBanner(page: Page, timeout = 20_000): Promise<{ text: string; since: string }> {
  const banner = page.getByTestId('stale-banner');
  await banner.waitFor({ timeout });
  return {
    text: (await page.getByTestId('stale-since').textContent()) ?? '',
    since: (await banner.getAttribute('data-since')) ?? '',
  };
}

/** Waits until the console is connected and no longer marks its data as stale. */
export async function waitForLiveAgain(page: Page, timeout = 30_000): Promise<void> {
  await page.getByTestId('connection-state').and(page.locator('[data-state="connected"]')).waitFor({ timeout });
  await page.getByTestId('stale-banner').waitFor({ state: 'detached', timeout });
}

/** Whether the screen's data is marked stale right now (the banner and the main area's marker). */
export async function isMarkedStale(page: Page): Promise<boolean> {
  return (
    (await page.getByTestId('stale-banner').count()) > 0 && (await page.locator('main[data-stale="true"]').count()) > 0
  );
}
