import type { Page } from 'playwright-core';

/**
 * The board's 演练 filter: drill incidents never show on the real board, and are found here (docs/domain.md rule 20).
 * Opens the board from the tab bar, picks 演练, and waits until the incident titled `title` is listed; answers its id.
 */
export async function findOnBoardDrillFilter(page: Page, title: string, timeout = 15_000): Promise<string> {
  await page.getByTestId('nav-board').click();
  await page.getByTestId('filter-drill').waitFor({ timeout: 10_000 });
  await page.getByTestId('filter-drill').selectOption('drill');
  const row = page.locator('[data-testid="incident-row"]', { hasText: title });
  await row.waitFor({ timeout });
  return (await row.getAttribute('data-incident-id'))!;
}
