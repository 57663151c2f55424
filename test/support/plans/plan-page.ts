import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The plan page's steps as an admin or a reader takes them in the console (预案管理 → one plan): open it from the
 * list, write a new draft version, record its 评审, publish it, record its 备案, compare two versions and read the
 * drill findings still waiting. Each step waits for what the person would see, so walks can compose them.
 */

const WAIT = { timeout: 20_000 };

/** Screenshots of the plans walk: test-artifacts/plans-<name>.png, at the size the page has. */
export async function plansScreenshot(page: Page, name: string): Promise<string> {
  const dir = resolve(__dirname, '../../../test-artifacts');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `plans-${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** 预案管理 from the navigation, then the plan's title in the list. */
export async function openPlanFromList(page: Page, planId: string): Promise<void> {
  await page.getByTestId('nav-plans').click();
  const row = page.locator(`[data-testid="plan-row"][data-plan-id="${planId}"]`);
  await row.waitFor(WAIT);
  await row.getByTestId('plan-link').click();
  await page.locator(`[data-testid="plan-screen"][data-id="${planId}"]`).waitFor(WAIT);
  await page.getByTestId('plan-title').waitFor(WAIT);
}

/** What the page's header says: status, version in force and newest version. */
export async function planBadges(page: Page): Promise<{ status: string; inForce: string; newest: string }> {
  return {
    status: (await page.getByTestId('plan-status').textContent()) ?? '',
    inForce: (await page.getByTestId('plan-in-force').textContent()) ?? '',
    newest: (await page.getByTestId('plan-newest').textContent()) ?? '',
  };
}

/** Waits until the plan's status badge reads `status` (the page reads the plan again after each command). */
export async function waitForPlanStatus(page: Page, status: string): Promise<void> {
  await page.getByTestId('plan-status').filter({ hasText: status }).waitFor(WAIT);
}

/**
 * Writes the next draft version from the current content: a threshold of one response level (empty clears it) and,
 * optionally, a new text for one task. Returns the findings the form says the version addresses.
 */
export async function writeNewDraftVersion(
  page: Page,
  change: {
    level: string;
    field: 'minDeaths' | 'minMissing' | 'minSeriousInjuries' | 'minTrapped' | 'minDirectLossYuan';
    value: string;
    task?: { index: number; title: string };
  },
): Promise<string> {
  await page.getByTestId('revise-form-open').click();
  const level = page.locator(`[data-testid="revise-level"][data-level="${change.level}"]`);
  await level.getByTestId(`revise-${change.field}`).fill(change.value);
  if (change.task) await page.getByTestId('revise-task-title').nth(change.task.index).fill(change.task.title);
  const findings = (await page.getByTestId('revise-findings').textContent()) ?? '';
  await page.getByTestId('revise-submit').click();
  await page.getByTestId('revise-done').waitFor(WAIT);
  return findings;
}

/** Records the 评审 (or 论证) of the newest version with today's date, as the form offers it. */
export async function recordReview(
  page: Page,
  review: {
    kind?: 'review' | 'demonstration';
    experts: string;
    organisation?: string;
    conclusion?: 'passed' | 'passed_with_changes' | 'failed';
    document: string;
  },
): Promise<void> {
  await page.getByTestId('review-form-open').click();
  if (review.kind) await page.getByTestId('review-kind').selectOption(review.kind);
  await page.getByTestId('review-experts').fill(review.experts);
  if (review.organisation) await page.getByTestId('review-organisation').fill(review.organisation);
  if (review.conclusion) await page.getByTestId('review-conclusion').selectOption(review.conclusion);
  await page.getByTestId('review-document').fill(review.document);
  await page.getByTestId('review-submit').click();
  await page.getByTestId('review-done').waitFor(WAIT);
}

/** Presses 发布 (offered once the newest version passed its review) and waits until the plan reads 已发布. */
export async function publishNewestVersion(page: Page): Promise<void> {
  await page.getByTestId('plan-publish').click();
  await waitForPlanStatus(page, '已发布');
}

/** Records the 备案 of the version in force with `authority`, dated today, and returns the filing in words. */
export async function fileVersionInForce(page: Page, authority: string): Promise<string> {
  await page.getByTestId('filing-form-open').click();
  await page.getByTestId('filing-authority').fill(authority);
  await page.getByTestId('filing-submit').click();
  await page.getByTestId('filing-done').waitFor(WAIT);
  await waitForPlanStatus(page, '已备案');
  return (await page.getByTestId('filing-words').textContent()) ?? '';
}

/** One compared line as the table shows it: its mark, the item, the older version's words and the newer one's. */
export interface ComparedLine {
  change: string;
  subject: string;
  before: string;
  after: string;
}

/** Chooses two versions to compare and returns the lines marked as differing (groups' own lines left out). */
export async function compareVersions(page: Page, from: number, to: number): Promise<ComparedLine[]> {
  await page.getByTestId('compare-from').selectOption(String(from));
  await page.getByTestId('compare-to').selectOption(String(to));
  const diff = page.getByTestId('plan-diff');
  await diff.waitFor(WAIT);
  await diff.scrollIntoViewIfNeeded();
  return diff.locator('[data-testid="diff-item"]').evaluateAll((rows) =>
    rows.map((row) => ({
      change: row.getAttribute('data-change') ?? '',
      subject: row.querySelector('[data-testid="diff-subject"]')?.textContent ?? '',
      before: row.querySelector('[data-testid="diff-before"]')?.textContent ?? '',
      after: row.querySelector('[data-testid="diff-after"]')?.textContent ?? '',
    })),
  );
}

/** The drill findings the page lists as waiting for the next version. */
export async function waitingFindings(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="findings-waiting"] [data-testid="finding"]')
    .evaluateAll((items) => items.map((i) => i.textContent ?? ''));
}

/** The findings listed under "第 N 版已解决". */
export async function findingsAddressedBy(page: Page, version: number): Promise<string[]> {
  return page
    .locator(`[data-testid="addressed-by"][data-version="${version}"] [data-testid="finding"]`)
    .evaluateAll((items) => items.map((i) => i.textContent ?? ''));
}
