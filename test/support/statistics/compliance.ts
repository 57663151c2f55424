import type { Page } from 'playwright-core';

/** Browser steps of the compliance screen (报告时效): counts, groups and obligation lines read as text. */

/** Waits until the screen shows the answer for the filters chosen. */
export async function complianceLoaded(page: Page): Promise<void> {
  await page.locator('[data-testid="compliance-screen"][data-loaded="true"]').waitFor({ timeout: 15_000 });
}

/** Opens 报告时效 from the navigation and waits for its answer. */
export async function openCompliance(page: Page): Promise<void> {
  await page.getByTestId('nav-compliance').click();
  await page.getByTestId('compliance-screen').waitFor({ timeout: 10_000 });
  await complianceLoaded(page);
}

/** Chooses 本月 / 本年 / 上年 and waits for the answer. */
export async function chooseCompliancePeriod(page: Page, preset: 'thisMonth' | 'thisYear' | 'lastYear'): Promise<void> {
  await page.getByTestId(`compliance-period-${preset}`).click();
  await complianceLoaded(page);
}

/** Chooses one drill (by the option's text) or, with null, real incidents again. */
export async function chooseDrill(page: Page, optionText: string | null): Promise<void> {
  const select = page.getByTestId('compliance-drill');
  if (optionText === null) await select.selectOption({ index: 0 });
  else await select.selectOption({ label: optionText });
  await complianceLoaded(page);
}

const STATUSES = ['met', 'late', 'missed', 'overdue', 'written_off', 'pending'] as const;

/** The counts of the bureau's or the unit's obligations as shown, and the on-time rate's text. */
export async function complianceCounts(
  page: Page,
  who: 'bureau' | 'unit',
): Promise<Record<(typeof STATUSES)[number], number> & { rate: string }> {
  const read = async (key: string) =>
    (await page.getByTestId(`compliance-${who}-${key}`).locator('dd').textContent()) ?? '';
  const counts = {} as Record<(typeof STATUSES)[number], number>;
  for (const s of STATUSES) counts[s] = Number(await read(s));
  return { ...counts, rate: await read('rate') };
}

const rowsOf = (page: Page, container: string, row: string) =>
  page
    .getByTestId(container)
    .getByTestId(row)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));

/** The table by level and party notified: name, 按时, 迟报, 漏报, 逾期未报, 核销, 待报, 合计, 按时率. */
export const levelRows = (page: Page) => rowsOf(page, 'compliance-by-level', 'compliance-level-row');

/** The table by reporter: display name, 按时, 迟报. */
export const reporterRows = (page: Page) => rowsOf(page, 'compliance-by-reporter', 'compliance-reporter-row');

/** The obligation lines: incident title, jurisdiction, kind, to whom, responsible, due, reported, by, status. */
export const obligationRows = (page: Page) => rowsOf(page, 'compliance-obligations', 'compliance-obligation');
