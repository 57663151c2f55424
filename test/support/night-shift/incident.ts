import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps on the incident's workspace (事故详情), shared by the browser suites that walk a duty officer's night.
 * Each step drives the console as a person would: through its visible controls and their test ids.
 */

/** The casualty figures and texts of a 续报; a figure left out keeps what the form shows. */
export interface FollowUpFigures {
  deaths?: number;
  missing?: number;
  seriousInjuries?: number;
  minorInjuries?: number;
  trapped?: number;
  directLossYuan?: number;
  description?: string;
  measures?: string;
}

const FIGURES = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries', 'trapped', 'directLossYuan'] as const;

/** Opens an incident's workspace from the board (the row must be on it) and waits until it shows. */
export async function openIncident(page: Page, incidentId: string): Promise<Locator> {
  await page.getByTestId('nav-board').click();
  await page.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`).click();
  const detail = page.locator(`[data-testid="incident-detail"][data-incident-id="${incidentId}"]`);
  await detail.waitFor({ timeout: 15_000 });
  return detail;
}

/** Types a follow-up's figures and texts into the form without sending it. */
export async function typeFollowUp(page: Page, figures: FollowUpFigures): Promise<void> {
  for (const figure of FIGURES) {
    const value = figures[figure];
    if (value !== undefined) await page.getByTestId(`followup-${figure}`).fill(String(value));
  }
  if (figures.description !== undefined) await page.getByTestId('followup-description').fill(figures.description);
  if (figures.measures !== undefined) await page.getByTestId('followup-measures').fill(figures.measures);
}

/** What the follow-up form now shows in its figure fields. */
export async function followUpFigures(page: Page): Promise<Record<(typeof FIGURES)[number], string>> {
  const shown = {} as Record<(typeof FIGURES)[number], string>;
  for (const figure of FIGURES) shown[figure] = await page.getByTestId(`followup-${figure}`).inputValue();
  return shown;
}

/** Types a follow-up, sends it and waits until the console says it was stored. */
export async function followUp(page: Page, figures: FollowUpFigures): Promise<void> {
  await typeFollowUp(page, figures);
  await page.getByTestId('followup-submit').click();
  await page
    .locator('[data-testid="action-feedback"][data-kind="ok"], [data-testid="action-feedback"][data-kind="accepted"]')
    .waitFor({
      timeout: 40_000,
    });
}

/**
 * A commander sets the response level with a reason from the action area, confirms the change the workspace asks to
 * confirm, and waits until the workspace shows it.
 */
export async function setResponseLevel(page: Page, level: 'I' | 'II' | 'III' | 'IV', reason: string): Promise<void> {
  const sheet = page.locator('[data-testid="action-sheet"][data-action="level"]');
  if (!(await sheet.isVisible())) await page.getByTestId('action-level').click();
  await sheet.getByTestId('response-level').selectOption(level);
  await sheet.getByTestId('response-level-reason').fill(reason);
  await sheet.getByTestId('response-level-submit').click();
  await page.getByTestId('level-confirm-ok').click();
  await page.locator(`[data-testid="incident-detail"][data-response-level="${level}"]`).waitFor({ timeout: 15_000 });
}

/** The timeline's lines as shown, newest first: their type and actor text. */
export async function timelineLines(page: Page): Promise<{ type: string; actor: string; text: string }[]> {
  const entries = page.getByTestId('timeline-entry');
  const lines: { type: string; actor: string; text: string }[] = [];
  for (let i = 0; i < (await entries.count()); i++) {
    const entry = entries.nth(i);
    lines.push({
      type: (await entry.getAttribute('data-type')) ?? '',
      actor: (await entry.getByTestId('timeline-actor').textContent()) ?? '',
      text: (await entry.textContent()) ?? '',
    });
  }
  return lines;
}

/** Presses 显示更多 until the timeline shows every line. */
export async function showWholeTimeline(page: Page): Promise<void> {
  const more = page.getByTestId('timeline-more');
  while (await more.isVisible()) {
    const before = await page.getByTestId('timeline-entry').count();
    await more.click();
    for (const until = Date.now() + 10_000; Date.now() < until; await page.waitForTimeout(50))
      if ((await page.getByTestId('timeline-entry').count()) > before) break;
  }
}
