import type { Page } from 'playwright-core';

/**
 * Browser steps of the assessment targets screen (考核目标, under 统计分析), for walks that compose a commander's
 * year: each acts through the console's own controls and reads what a person reads (words and figures as text).
 */

/** Waits until every figure on the screen is of the jurisdiction and year chosen. */
export async function targetsLoaded(page: Page): Promise<void> {
  await page.locator('[data-testid="targets-screen"][data-loaded="true"]').waitFor({ timeout: 15_000 });
}

/** Opens 统计分析 from the navigation, then 考核目标 from its sub-navigation, and waits for the figures. */
export async function openTargets(page: Page): Promise<void> {
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('statistics-screen').waitFor({ timeout: 10_000 });
  await page.getByTestId('subnav-targets').click();
  await page.getByTestId('targets-screen').waitFor({ timeout: 10_000 });
  await targetsLoaded(page);
}

/** Chooses a jurisdiction by its name and waits for its figures. */
export async function chooseTargetsPlace(page: Page, name: string): Promise<void> {
  await page.getByTestId('targets-place').selectOption({ label: name });
  await targetsLoaded(page);
}

/** One target as typed in the form: shares and reductions as percentages (2 for 2 %). */
export interface TypedTarget {
  /** The indicator's name as the form lists it (死亡人数, 较大及以上事故占比, 亿元GDP生产安全事故死亡率…). */
  indicator: string;
  kind?: 'ceiling' | 'reduction';
  value: string;
  baselineYear?: number;
  /** The category's name (煤矿, 非煤矿山…); all industries when left out. */
  category?: string;
}

/** Opens the form (设定考核目标) of the jurisdiction and year shown. */
export async function openTargetsForm(page: Page): Promise<void> {
  if (await page.getByTestId('targets-form').isVisible()) return;
  await page.getByTestId('targets-edit').click();
  await page.getByTestId('targets-form').waitFor({ timeout: 10_000 });
}

/** Adds one row to the open form and fills it in. */
export async function addTarget(page: Page, target: TypedTarget): Promise<void> {
  const form = page.getByTestId('targets-form');
  await form.getByTestId('targets-form-add').click();
  const row = form.getByTestId('targets-form-row').last();
  await row.getByTestId('targets-form-indicator').selectOption({ label: target.indicator });
  if (target.kind) await row.getByTestId('targets-form-kind').selectOption(target.kind);
  if (target.baselineYear !== undefined)
    await row.getByTestId('targets-form-baseline').fill(String(target.baselineYear));
  if (target.category) await row.getByTestId('targets-form-category').selectOption({ label: target.category });
  await row.getByTestId('targets-form-value').fill(target.value);
}

/** Types the year's denominators (地区生产总值 in 亿元, 机动车保有量 in 万辆) into the open form. */
export async function typeDenominators(page: Page, d: { gdp?: string; vehicles?: string }): Promise<void> {
  const form = page.getByTestId('targets-form');
  if (d.gdp !== undefined) await form.getByTestId('targets-form-gdp').fill(d.gdp);
  if (d.vehicles !== undefined) await form.getByTestId('targets-form-vehicles').fill(d.vehicles);
}

/** The hints the open form shows about missing denominators (this year's, then the baseline years'). */
export async function denominatorHints(page: Page): Promise<string[]> {
  const form = page.getByTestId('targets-form');
  const year = await form.getByTestId('targets-form-year-hint').allTextContents();
  const baseline = await form.getByTestId('targets-form-baseline-hint').locator('p').allTextContents();
  return [...year, ...baseline];
}

/**
 * Enters a baseline year's denominators from the hint the form shows for it (a PUT of that year), and waits until
 * the hint no longer names what was entered (it goes when nothing is missing any more).
 */
export async function enterBaselineDenominators(
  page: Page,
  year: number,
  d: { gdp?: string; vehicles?: string },
): Promise<void> {
  const hint = page.locator(`[data-testid="targets-form-baseline-hint"][data-year="${year}"]`);
  await hint.getByTestId('targets-baseline-enter').click();
  if (d.gdp !== undefined) await hint.getByTestId('targets-baseline-gdp').fill(d.gdp);
  if (d.vehicles !== undefined) await hint.getByTestId('targets-baseline-vehicles').fill(d.vehicles);
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith(`/${year}`),
    { timeout: 15_000 },
  );
  await hint.getByTestId('targets-baseline-save').click();
  const response = await answered;
  if (!response.ok()) throw new Error(`the denominators of ${year} were refused: ${response.status()}`);
  const entered = [d.gdp !== undefined ? '地区生产总值' : null, d.vehicles !== undefined ? '机动车保有量' : null];
  for (const what of entered.filter((w): w is string => w !== null))
    await page
      .locator(`[data-testid="targets-form-baseline-hint"][data-year="${year}"] p`, { hasText: what })
      .waitFor({ state: 'detached', timeout: 15_000 });
}

/** Saves the open form and waits until it has closed and the figures are read again. */
export async function saveTargets(page: Page): Promise<void> {
  await page.getByTestId('targets-form-save').click();
  await page.getByTestId('targets-form').waitFor({ state: 'detached', timeout: 15_000 });
  await targetsLoaded(page);
}

export interface TargetCardText {
  indicator: string;
  status: string;
  words: string;
  statusText: string;
  actual: string;
  limit: string;
  baseline: string | null;
  change: string | null;
  missing: string | null;
  /** The trend table under the chart: month and value as text. */
  trend: string[][];
}

/** Every target card as a person reads it. */
export async function targetCards(page: Page): Promise<TargetCardText[]> {
  return page.getByTestId('target-card').evaluateAll((cards) =>
    cards.map((card) => {
      const text = (id: string) => card.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      return {
        indicator: card.getAttribute('data-indicator') ?? '',
        status: card.getAttribute('data-status') ?? '',
        words: text('target-words') ?? '',
        statusText: text('target-status') ?? '',
        actual: text('target-actual') ?? '',
        limit: text('target-limit') ?? '',
        baseline: text('target-baseline'),
        change: text('target-change'),
        missing: text('target-missing'),
        trend: (() => {
          const table = card.querySelector('[data-testid="target-trend-table"]');
          const months = [...(table?.querySelectorAll('thead th') ?? [])].slice(1).map((c) => c.textContent ?? '');
          const values = [...(table?.querySelectorAll('tbody td') ?? [])].map((c) => c.textContent ?? '');
          return months.map((m, i) => [m, values[i] ?? '']);
        })(),
      };
    }),
  );
}

/** The texts of one card's chart (axis labels and ticks). */
export async function trendChartTexts(page: Page, indicator: string): Promise<string[]> {
  return page
    .locator(`[data-testid="target-card"][data-indicator="${indicator}"]`)
    .getByTestId('target-trend-chart')
    .locator('svg text')
    .evaluateAll((texts) => texts.map((t) => t.textContent ?? ''));
}

/** The split of the count ceilings: per line the children's rows, the sum, the parent's figure and the verdict. */
export async function splitLines(
  page: Page,
): Promise<{ caption: string; children: string[][]; sum: string; parent: string; verdict: string | null }[]> {
  return page.getByTestId('targets-split-line').evaluateAll((tables) =>
    tables.map((table) => ({
      caption: table.querySelector('caption')?.textContent ?? '',
      children: [...table.querySelectorAll('[data-testid="targets-split-child"]')].map((row) =>
        [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
      ),
      sum: table.querySelector('[data-testid="targets-split-sum"]')?.textContent ?? '',
      parent: table.querySelector('[data-testid="targets-split-parent"]')?.textContent ?? '',
      verdict: table.querySelector('[data-testid="targets-split-verdict"]')?.textContent ?? null,
    })),
  );
}

/** Follows the split's link to a child jurisdiction's targets (its form opens for those who may set them). */
export async function openChildTargets(page: Page, childName: string): Promise<void> {
  await page.getByTestId('targets-split-open').filter({ hasText: childName }).first().click();
  await targetsLoaded(page);
}
