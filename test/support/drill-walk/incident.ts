import type { Locator, Page } from 'playwright-core';

/**
 * A drill incident's simulated actions in the incident workspace (演练调派、演练调拨、模拟到达): nothing real moves.
 * Each step acts through the panel the workspace shows for a drill incident and waits for the incident to show it.
 */

async function chooseByText(select: Locator, text: string): Promise<void> {
  const option = select.locator('option', { hasText: text }).first();
  await option.waitFor({ state: 'attached', timeout: 10_000 });
  await select.selectOption((await option.getAttribute('value'))!);
}

const panel = (page: Page) => page.getByTestId('drill-incident-actions');

/** Dispatches a team on paper with a task; waits until the team is listed as sent to the incident. */
export async function simulatedDispatch(page: Page, teamName: string, task: string): Promise<void> {
  const form = panel(page).getByTestId('sim-dispatch');
  await chooseByText(form.getByTestId('sim-dispatch-team'), teamName);
  await form.getByTestId('sim-dispatch-task').fill(task);
  await form.getByTestId('sim-dispatch-submit').click();
  await panel(page).locator('[data-testid="sim-arrival-team"]', { hasText: teamName }).waitFor({ timeout: 10_000 });
}

/** Allocates supplies on paper (a warehouse and a material by name, a quantity); waits for the confirmation. */
export async function simulatedAllocation(
  page: Page,
  warehouseName: string,
  materialName: string,
  quantity: number,
): Promise<void> {
  const form = panel(page).getByTestId('sim-allocate');
  await chooseByText(form.getByTestId('sim-allocate-warehouse'), warehouseName);
  await chooseByText(form.getByTestId('sim-allocate-material'), materialName);
  await form.getByTestId('sim-allocate-quantity').fill(String(quantity));
  await form.getByTestId('sim-allocate-submit').click();
  await panel(page)
    .locator('[data-testid="drill-actions-feedback"]', { hasText: materialName })
    .waitFor({ timeout: 10_000 });
}

/** Reports a team sent on paper as arrived on scene; waits until the panel shows when it arrived. */
export async function simulatedArrival(page: Page, teamName: string): Promise<string> {
  const team = panel(page).locator('[data-testid="sim-arrival-team"]', { hasText: teamName });
  await team.getByTestId('sim-arrive').click();
  const arrived = team.getByTestId('sim-arrived-at');
  await arrived.waitFor({ timeout: 10_000 });
  return (await arrived.textContent()) ?? '';
}

/** Whether the workspace offers the real dispatch or allocation of recommendations (it must not for a drill incident). */
export async function offersRealResources(page: Page): Promise<boolean> {
  // The commander's action area offers them as its 调派队伍 / 调拨物资 actions, their forms as dispatch-team / allocate-submit.
  const real =
    '[data-testid="action-dispatch"], [data-testid="action-allocate"], [data-testid="dispatch-team"], [data-testid="allocate-submit"]';
  return (await page.locator(real).count()) > 0;
}
