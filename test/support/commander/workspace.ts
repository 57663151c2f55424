import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps of a commander on an incident's workspace (事故指挥工作台), driven through its action area the way a
 * commander uses it: each step opens its action, acts through the visible controls and waits until the workspace
 * shows the outcome. The browser suites compose these into walks.
 */

export type ResponseLevel = 'I' | 'II' | 'III' | 'IV';
type Action = 'level' | 'plan' | 'dispatch' | 'allocate' | 'moves' | 'report';

const detail = (page: Page) => page.getByTestId('incident-detail');

/** Opens one action of the action area (leaves it open when it already is) and returns its form. */
export async function openAction(page: Page, action: Action): Promise<Locator> {
  const sheet = page.locator(`[data-testid="action-sheet"][data-action="${action}"]`);
  if (!(await sheet.isVisible())) await page.getByTestId(`action-${action}`).click();
  await sheet.waitFor({ timeout: 10_000 });
  return sheet;
}

/** Waits until the last command's outcome line says it was stored. */
export async function waitForDone(page: Page): Promise<void> {
  await page
    .locator('[data-testid="action-feedback"][data-kind="ok"], [data-testid="action-feedback"][data-kind="accepted"]')
    .waitFor({ timeout: 20_000 });
}

/** The confirmation a level change asks for: the level now and after, as the dialog words them. */
export async function levelConfirmation(page: Page): Promise<{ change: string; reason: string; dialog: Locator }> {
  const dialog = page.getByTestId('level-confirm');
  await dialog.waitFor({ timeout: 10_000 });
  return {
    change: (await dialog.getByTestId('level-confirm-change').textContent()) ?? '',
    reason: (await dialog.getByTestId('level-confirm-reason').textContent()) ?? '',
    dialog,
  };
}

/** Fills the response level form and sends it; the confirmation dialog is left open for the caller. */
export async function askResponseLevel(page: Page, level: ResponseLevel, reason: string): Promise<void> {
  const sheet = await openAction(page, 'level');
  await sheet.getByTestId('response-level').selectOption(level);
  await sheet.getByTestId('response-level-reason').fill(reason);
  await sheet.getByTestId('response-level-submit').click();
}

/** Confirms the open level dialog and waits until the workspace shows the new level. */
export async function confirmLevel(page: Page, level: ResponseLevel): Promise<void> {
  await page.getByTestId('level-confirm-ok').click();
  await page.locator(`[data-testid="incident-detail"][data-response-level="${level}"]`).waitFor({ timeout: 15_000 });
}

/** Activates a suggested plan (the suggestion's button); the level confirmation, if any, is left for the caller. */
export async function activateSuggestedPlan(page: Page, planId: string): Promise<void> {
  const sheet = await openAction(page, 'plan');
  const suggestion = sheet.locator(`[data-testid="plan-suggestion"][data-plan-id="${planId}"]`);
  await suggestion.waitFor({ timeout: 15_000 });
  await suggestion.getByTestId('plan-suggestion-activate').click();
}

/** The team needs as the dispatch form shows them: specialty → what is still missing. */
export async function teamNeeds(page: Page): Promise<Record<string, number>> {
  const sheet = await openAction(page, 'dispatch');
  const needs: Record<string, number> = {};
  const items = sheet.getByTestId('team-need');
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    needs[(await item.getAttribute('data-specialty'))!] = Number(await item.getAttribute('data-remaining'));
  }
  return needs;
}

/** The recommended teams in the order the dispatch form offers them. */
export async function offeredTeams(page: Page): Promise<string[]> {
  const sheet = await openAction(page, 'dispatch');
  return sheet.getByTestId('recommended-team').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team-id')!));
}

/** Dispatches a recommended team with its task and waits until it is on the assigned teams' list. */
export async function dispatchWithTask(page: Page, teamId: string, task: string): Promise<void> {
  const sheet = await openAction(page, 'dispatch');
  const row = sheet.locator(`[data-testid="recommended-team"][data-team-id="${teamId}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.getByTestId('dispatch-task').fill(task);
  await row.getByTestId('dispatch-team').click();
  await page.locator(`[data-testid="assigned-team"][data-team-id="${teamId}"]`).waitFor({ timeout: 15_000 });
}

/**
 * Allocates from a warehouse with the quantities edited line by line (material code → quantity; lines not named
 * keep what the form offers) and waits until the allocation shows.
 */
export async function allocateEdited(
  page: Page,
  warehouseId: string,
  quantities: Record<string, number>,
): Promise<void> {
  const sheet = await openAction(page, 'allocate');
  const before = await page.getByTestId('allocation').count();
  await sheet
    .locator(`[data-testid="recommended-warehouse"][data-warehouse-id="${warehouseId}"]`)
    .getByTestId('allocate-choose')
    .check();
  for (const [code, quantity] of Object.entries(quantities))
    await sheet
      .locator(`[data-testid="allocate-line"][data-material="${code}"]`)
      .getByTestId('allocate-quantity')
      .fill(String(quantity));
  await sheet.getByTestId('allocate-submit').click();
  for (const until = Date.now() + 15_000; Date.now() < until; await page.waitForTimeout(100))
    if ((await page.getByTestId('allocation').count()) > before) return;
  throw new Error('the allocation did not show');
}

/** The lines the allocation form offers now (material code → quantity), empty when nothing is left to allocate. */
export async function offeredAllocation(page: Page): Promise<Record<string, number>> {
  const sheet = await openAction(page, 'allocate');
  const lines: Record<string, number> = {};
  const rows = sheet.getByTestId('allocate-line');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    lines[(await row.getAttribute('data-material'))!] = Number(await row.getByTestId('allocate-quantity').inputValue());
  }
  return lines;
}

/** Logs a team's movement (出发 / 到达现场 / 返回 / 归队) from the incident and waits until its card shows it. */
export async function logTeamMove(
  page: Page,
  teamId: string,
  to: 'en_route' | 'on_scene' | 'returning' | 'available',
): Promise<void> {
  const sheet = await openAction(page, 'moves');
  await sheet
    .locator(`[data-testid="move-team"][data-team-id="${teamId}"]`)
    .locator(`[data-testid="team-move"][data-to="${to}"]`)
    .click();
  await page
    .locator(`[data-testid="assigned-team"][data-team-id="${teamId}"][data-status="${to}"]`)
    .waitFor({ timeout: 15_000 });
}

/** Moves an allocation on (出库, 确认送达) from its card and waits until it shows the new status. */
export async function moveAllocation(page: Page, allocationId: string, step: 'ship' | 'deliver'): Promise<void> {
  const card = page.locator(`[data-testid="allocation"][data-allocation-id="${allocationId}"]`);
  await card.getByTestId(`${step}-allocation`).click();
  const status = step === 'ship' ? 'shipped' : 'delivered';
  await page
    .locator(`[data-testid="allocation"][data-allocation-id="${allocationId}"][data-status="${status}"]`)
    .waitFor({ timeout: 15_000 });
}

/** Whether any part of the workspace's header, action area and open form lies below the fold (needs a scroll). */
export async function actionsBelowFold(page: Page): Promise<string[]> {
  const height = page.viewportSize()?.height ?? 0;
  const below: string[] = [];
  for (const testId of ['incident-title', 'command-bar']) {
    const box = await detail(page).getByTestId(testId).boundingBox();
    if (!box || box.y + box.height > height) below.push(testId);
  }
  const buttons = page.locator('[data-testid="command-bar"] [role="tab"]');
  for (let i = 0; i < (await buttons.count()); i++) {
    const box = await buttons.nth(i).boundingBox();
    if (!box || box.y + box.height > height)
      below.push((await buttons.nth(i).getAttribute('data-testid')) ?? `tab ${i}`);
  }
  return below;
}
