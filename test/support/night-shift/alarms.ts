import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps of the alarm centre (告警中心), for walks that compose a night shift: each step acts as a duty officer
 * would, through the console's own controls, and waits for what the officer would see.
 */

/** Opens the alarm centre through the header's bell and waits until its list has been read. */
export async function openAlarmCentre(page: Page): Promise<void> {
  await page.getByTestId('alarm-bell').locator('a').click();
  await page.getByTestId('alarms-screen').waitFor({ timeout: 10_000 });
  await page.locator('[data-testid="alarms-screen"][data-loaded="true"]').waitFor({ timeout: 10_000 });
}

/** The card of one alarm in the alarm centre. */
export function alarmCard(page: Page, alarmId: string): Locator {
  return page.locator(`[data-testid="alarms-screen"] [data-testid="alarm"][data-alarm-id="${alarmId}"]`);
}

/** The number the header's bell shows (unacknowledged alarms of the user's jurisdictions). */
export async function unacknowledgedCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('alarm-bell').getAttribute('data-count'));
}

/** Waits until an alarm's card shows `status` (and, when given, the escalation level). */
export async function waitForAlarm(
  page: Page,
  alarmId: string,
  want: { status?: 'raised' | 'acknowledged' | 'resolved'; escalation?: 0 | 1 | 2 } = {},
  timeout = 15_000,
): Promise<Locator> {
  const card = alarmCard(page, alarmId);
  const selector = [
    want.status ? `[data-status="${want.status}"]` : '',
    want.escalation !== undefined ? `[data-escalation="${want.escalation}"]` : '',
  ].join('');
  await page
    .locator(`[data-testid="alarms-screen"] [data-testid="alarm"][data-alarm-id="${alarmId}"]${selector}`)
    .waitFor({ timeout });
  return card;
}

/** Acknowledges one alarm in the alarm centre with a note, and waits until its card says so. */
export async function acknowledgeAlarm(page: Page, alarmId: string, note = ''): Promise<void> {
  const card = await waitForAlarm(page, alarmId, { status: 'raised' });
  if (note) await card.getByTestId('alarm-note').fill(note);
  await card.getByTestId('alarm-acknowledge').click();
  await waitForAlarm(page, alarmId, { status: 'acknowledged' });
}

/** Acknowledges the most urgent unacknowledged alarm in the alarm centre; answers its id. */
export async function acknowledgeFirstAlarm(page: Page, note = ''): Promise<string> {
  const first = page.locator('[data-testid="alarms-screen"] [data-testid="alarm"][data-status="raised"]').first();
  await first.waitFor({ timeout: 15_000 });
  const id = (await first.getAttribute('data-alarm-id'))!;
  await acknowledgeAlarm(page, id, note);
  return id;
}

/** Whether the side panel's unacknowledged list still shows an alarm. */
export function panelAlarm(page: Page, alarmId: string): Locator {
  return page.locator(`[data-testid="panel-alarms"] [data-testid="alarm"][data-alarm-id="${alarmId}"]`);
}
