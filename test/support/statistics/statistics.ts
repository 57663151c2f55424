import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Browser steps of the statistics screen (事故统计), for walks that compose a commander's day: each acts through the
 * console's own controls and reads what a person reads (figures and table cells as text).
 */

/** Where these walks leave their screenshots (gitignored; CI keeps them). */
export const STATISTICS_ARTIFACTS = resolve(__dirname, '../../../test-artifacts');

/** A screenshot at a common office screen's size (1366×768), as `test-artifacts/<name>.png`. */
export async function officeScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(STATISTICS_ARTIFACTS, { recursive: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 768 });
  const path = join(STATISTICS_ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  if (size) await page.setViewportSize(size);
  return path;
}

/** Waits until every figure on the screen is of the period and place chosen. */
export async function statisticsLoaded(page: Page): Promise<void> {
  await page.locator('[data-testid="statistics-screen"][data-loaded="true"]').waitFor({ timeout: 15_000 });
}

/** Opens 统计分析 from the navigation and waits for its figures. */
export async function openStatistics(page: Page): Promise<void> {
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('statistics-screen').waitFor({ timeout: 10_000 });
  await statisticsLoaded(page);
}

/** Chooses 本月 / 本年 / 上年 and waits for the figures of that period. */
export async function choosePeriod(page: Page, preset: 'thisMonth' | 'thisYear' | 'lastYear'): Promise<void> {
  await page.getByTestId(`statistics-period-${preset}`).click();
  await statisticsLoaded(page);
}

/** Chooses a jurisdiction by its name and waits for its figures. */
export async function chooseJurisdiction(page: Page, name: string): Promise<void> {
  await page.getByTestId('statistics-place').selectOption({ label: name });
  await statisticsLoaded(page);
}

/** The four indicators as shown: counts as numbers, the loss in 万元 as its text. */
export async function headlineFigures(
  page: Page,
): Promise<{ incidents: number; deaths: number; injuries: number; lossTenThousandYuan: string }> {
  const value = async (key: string) => (await page.getByTestId(`indicator-${key}-value`).textContent()) ?? '';
  return {
    incidents: Number((await value('incidents')).replace(/,/g, '')),
    deaths: Number((await value('deaths')).replace(/,/g, '')),
    injuries: Number((await value('injuries')).replace(/,/g, '')),
    lossTenThousandYuan: await value('loss'),
  };
}

export type StatisticsSection = 'period' | 'jurisdiction' | 'category';

/** The rows of the table under a chart, each as its cells' text (the group's name first). */
export async function statisticsTable(page: Page, section: StatisticsSection): Promise<string[][]> {
  return page
    .getByTestId(`statistics-${section}`)
    .getByTestId('statistics-row')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
}

/** The texts of a chart's SVG (axis labels, ticks, legend). */
export async function chartTexts(page: Page, section: StatisticsSection): Promise<string[]> {
  return page
    .getByTestId(`statistics-${section}-chart`)
    .locator('svg text')
    .evaluateAll((texts) => texts.map((t) => t.textContent ?? ''));
}

/** Clicks a chart's CSV button and returns the file the browser saved: its name and its text (BOM kept). */
export async function downloadStatisticsCsv(
  page: Page,
  section: StatisticsSection,
): Promise<{ fileName: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.getByTestId(`statistics-${section}-csv`).click(),
  ]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}
