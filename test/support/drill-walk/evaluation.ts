import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { pdfText } from './pdf-text';

/**
 * The drill evaluation's steps as a coordinator takes them in the console, for browser walks to compose: open the
 * evaluation from the drill page, score every aspect, record a finding on the plan, open the report and print it to
 * PDF. Each step waits for what the coordinator would see.
 */

export const REPORT_PDF = resolve(__dirname, '../../../test-artifacts/evaluation-report.pdf');

/** Moves the console to a path the way its own links do (no reload: the session stays in the page). */
export async function goInConsole(page: Page, path: string): Promise<void> {
  // A string, as the test project compiles without the DOM's types.
  await page.evaluate(
    `window.history.pushState(null, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'))`,
  );
}

/** Opens the drill's evaluation from its drill page (`/drills/:id`) through the page's own link (评估). */
export async function openEvaluationFromDrillPage(page: Page, drillId: string): Promise<void> {
  await goInConsole(page, `/drills/${drillId}`);
  await page.getByTestId('drill-screen').waitFor({ timeout: 20_000 });
  await page.getByTestId('open-evaluation').click();
  await page.getByTestId('evaluation-figures').waitFor({ timeout: 20_000 });
}

/** Opens the evaluation at its own address (`/drills/:id/evaluation`), as a link from elsewhere does. */
export async function openEvaluation(page: Page, drillId: string): Promise<void> {
  await goInConsole(page, `/drills/${drillId}/evaluation`);
  await page.getByTestId('evaluation-figures').waitFor({ timeout: 20_000 });
}

/** Scores every aspect of the rubric shown (the same score, or one per aspect key) and submits the sheet. */
export async function scoreEveryAspect(
  page: Page,
  scores: number | Record<string, number>,
  comments: Record<string, string> = {},
): Promise<string[]> {
  const form = page.getByTestId('evaluation-score-form');
  await form.waitFor({ timeout: 20_000 });
  const inputs = form.locator('input[type="number"]');
  const keys: string[] = [];
  for (let i = 0; i < (await inputs.count()); i++) {
    const input = inputs.nth(i);
    const key = ((await input.getAttribute('data-testid')) ?? '').replace('evaluation-score-', '');
    keys.push(key);
    await input.fill(String(typeof scores === 'number' ? scores : (scores[key] ?? 0)));
    if (comments[key]) await page.getByTestId(`evaluation-comment-${key}`).fill(comments[key]);
  }
  await page.getByTestId('evaluation-submit-scores').click();
  await page.locator('[data-testid="evaluation-feedback"][data-kind="ok"]').waitFor({ timeout: 20_000 });
  return keys;
}

/** Records a finding; `onPlan` leaves it on the plan under test (the box is checked by default when there is one). */
export async function addFinding(page: Page, text: string, onPlan = true): Promise<void> {
  await page.getByTestId('evaluation-finding-text').fill(text);
  const box = page.getByTestId('evaluation-finding-on-plan');
  if ((await box.count()) > 0) await box.setChecked(onPlan);
  await page.getByTestId('evaluation-add-finding').click();
  await page.getByTestId('evaluation-finding-list').getByText(text).waitFor({ timeout: 20_000 });
}

/** Writes the evaluators' own conclusion. */
export async function writeConclusion(page: Page, text: string): Promise<void> {
  await page.getByTestId('evaluation-conclusion-text').fill(text);
  await page.getByTestId('evaluation-save-conclusion').click();
  await page.getByTestId('evaluation-evaluators-text').getByText(text, { exact: false }).waitFor({ timeout: 20_000 });
}

/** Opens the report view and waits for the document. */
export async function openReport(page: Page): Promise<void> {
  await page.getByTestId('evaluation-open-report').click();
  await page.getByTestId('evaluation-document').waitFor({ timeout: 20_000 });
}

/**
 * Prints the open report to PDF as the print button does (the print stylesheet, A4) and returns the PDF's text.
 * The button itself calls `window.print()`; a headless browser has no print dialog, so the step checks the button
 * calls it and prints with page.pdf(), which applies the same print media.
 */
export async function printReportToPdf(page: Page, path = REPORT_PDF): Promise<{ path: string; text: string }> {
  await page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; }');
  await page.getByTestId('evaluation-print').click();
  const printed = Number(await page.evaluate('window.__printed'));
  if (printed !== 1) throw new Error(`the print button called window.print() ${printed} times`);
  mkdirSync(dirname(path), { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return { path, text: pdfText(readFileSync(path)) };
}
