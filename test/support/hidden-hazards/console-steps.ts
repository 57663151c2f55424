import type { Page } from 'playwright-core';

/**
 * Browser steps of the hidden-hazard screens (隐患排查治理, under the 企业监管 tab): each acts through the console's own
 * controls and waits for what the user would see, so walks can compose a duty officer's, a commander's work.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A datetime-local value (Beijing wall time) `ms` from now. */
export function beijingInput(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Opens the register through the 企业监管 tab and its sub-navigation, and waits until its table has been read. */
export async function openHiddenHazardRegister(page: Page): Promise<void> {
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('subnav-hiddenHazards').click();
  await page.getByTestId('hh-table').waitFor({ timeout: 10_000 });
}

export interface HiddenHazardEntry {
  /** Typed into the enterprise search, then the enterprise of exactly this name is chosen. */
  enterpriseName: string;
  title: string;
  description: string;
  grade: 'general' | 'major';
  standard?: string;
  foundBy: string;
  source: 'self_inspection' | 'inspection' | 'report';
  measures: string;
  /** datetime-local, Beijing time (see `beijingInput`). */
  deadline: string;
  responsible: { name: string; phone?: string };
}

/** Records a hidden hazard through the register's form (the watch); returns its id from the page it opens. */
export async function recordHiddenHazardInConsole(
  page: Page,
  entry: HiddenHazardEntry,
  beforeSubmit?: () => Promise<void>,
): Promise<string> {
  await openHiddenHazardRegister(page);
  await page.getByTestId('hh-record').click();
  const form = page.getByTestId('hh-form');
  await form.getByTestId('hh-enterprise-search').fill(entry.enterpriseName);
  const option = form.getByTestId('hh-enterprise').locator('option', { hasText: entry.enterpriseName });
  await option.first().waitFor({ state: 'attached', timeout: 10_000 });
  await form.getByTestId('hh-enterprise').selectOption({ label: entry.enterpriseName });
  await form.getByTestId('hh-title').fill(entry.title);
  await form.getByTestId('hh-grade').selectOption(entry.grade);
  await form.getByTestId('hh-source').selectOption(entry.source);
  if (entry.standard) await form.getByTestId('hh-standard').fill(entry.standard);
  await form.getByTestId('hh-description').fill(entry.description);
  await form.getByTestId('hh-found-by').fill(entry.foundBy);
  await form.getByTestId('hh-measures').fill(entry.measures);
  await form.getByTestId('hh-deadline').fill(entry.deadline);
  await form.getByTestId('hh-responsible-name').fill(entry.responsible.name);
  if (entry.responsible.phone) await form.getByTestId('hh-responsible-phone').fill(entry.responsible.phone);
  if (beforeSubmit) await beforeSubmit();
  await form.getByTestId('hh-submit').click();
  await page.waitForURL((url) => url.pathname.startsWith('/hidden-hazards/') && UUID.test(url.pathname), {
    timeout: 15_000,
  });
  await page.getByTestId('hh-detail-title').waitFor();
  return UUID.exec(new URL(page.url()).pathname)![0];
}

/** Opens a hazard's page from the register by its title. */
export async function openHiddenHazard(page: Page, title: string): Promise<void> {
  await openHiddenHazardRegister(page);
  await page.getByTestId('hh-row').getByRole('link', { name: title, exact: true }).click();
  await page.getByTestId('hh-detail-title').waitFor();
}

/** The levels the supervise control offers, as shown. */
export async function supervisionChoices(page: Page): Promise<string[]> {
  return page.getByTestId('hh-supervise-level').locator('option').allTextContents();
}

/** On a hazard's page (a commander): 挂牌督办 at `level`; waits until the page shows the supervision. */
export async function superviseInConsole(page: Page, level: 'county' | 'city' | 'province'): Promise<void> {
  await page.getByTestId('hh-supervise-level').selectOption(level);
  await page.getByTestId('hh-supervise-submit').click();
  await page.getByTestId('hh-action-done').waitFor({ timeout: 10_000 });
}

/** On a hazard's page (the watch or a commander): 报告整改完成 with a note. */
export async function rectifyInConsole(page: Page, note: string): Promise<void> {
  await page.getByTestId('hh-rectify').getByTestId('hh-action-note').fill(note);
  await page.getByTestId('hh-rectify-submit').click();
  await page.getByTestId('hh-detail-status').filter({ hasText: '已整改待验收' }).waitFor({ timeout: 10_000 });
}

/** On a hazard's page (a commander of the supervising level or above): 验收, passed or sent back. */
export async function verifyInConsole(page: Page, passed: boolean, note: string): Promise<void> {
  await page.getByTestId('hh-verify').getByTestId('hh-action-note').fill(note);
  await page.getByTestId(passed ? 'hh-verify-pass' : 'hh-verify-fail').click();
  await page
    .getByTestId('hh-detail-status')
    .filter({ hasText: passed ? '验收通过' : '整改中' })
    .waitFor({ timeout: 10_000 });
}

/** On a hazard's page: 销号, confirmed; waits for the closing line. */
export async function closeInConsole(page: Page): Promise<void> {
  await page.getByTestId('hh-close').click();
  await page.getByTestId('hh-close-yes').click();
  await page.getByTestId('hh-detail-closed').waitFor({ timeout: 10_000 });
}

/** The register's row of `title`, cell by cell as shown. */
export async function registerRow(page: Page, title: string): Promise<string[]> {
  const row = page.getByTestId('hh-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  await row.waitFor({ timeout: 10_000 });
  return row.locator('td').allTextContents();
}

/** Waits until the summary's line of `label` (by enterprise or jurisdiction) shows `rate`; returns the line. */
export async function waitForSummaryRate(
  page: Page,
  groupBy: 'enterprise' | 'jurisdiction',
  label: string,
  rate: string,
): Promise<string[]> {
  const row = page
    .getByTestId(`hh-summary-${groupBy}`)
    .getByTestId('hh-summary-row')
    .filter({ has: page.locator('th', { hasText: label }) });
  await row.getByTestId('hh-summary-rate').filter({ hasText: rate }).waitFor({ timeout: 15_000 });
  return [await row.locator('th').innerText(), ...(await row.locator('td').allTextContents())];
}
