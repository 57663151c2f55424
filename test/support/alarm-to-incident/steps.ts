import type { Locator, Page } from 'playwright-core';
import { submitIntake } from '../night-shift/intake';
import { alarmCard, openAlarmCentre } from '../night-shift/alarms';

/**
 * Browser steps from a monitoring alarm to an incident intake, for walks that compose the duty officer's day: each
 * acts through the console's own controls and waits for what the officer would see.
 */

/** What the alarm centre shows under a monitoring alarm, as the officer reads it. */
export interface SeenAlarmContext {
  enterprise: string;
  hazardSource: string;
  grade: string;
  reading: string;
  thresholds: string;
  teams: string;
  plans: string;
}

/** Opens the alarm centre and waits until the monitoring alarm's card shows its context. */
export async function openMonitoringAlarm(page: Page, alarmId: string): Promise<Locator> {
  await openAlarmCentre(page);
  const card = alarmCard(page, alarmId);
  await card.getByTestId('alarm-context-enterprise').waitFor({ timeout: 15_000 });
  return card;
}

/** The context's texts under the alarm's card (empty strings for parts the card does not show). */
export async function readAlarmContext(card: Locator): Promise<SeenAlarmContext> {
  const text = async (testId: string) => {
    const part = card.getByTestId(testId);
    return (await part.count()) > 0 ? ((await part.first().textContent()) ?? '') : '';
  };
  return {
    enterprise: await text('alarm-context-enterprise'),
    hazardSource: await text('alarm-context-hazard-source'),
    grade: await text('alarm-context-grade'),
    reading: await text('alarm-context-reading'),
    thresholds: await text('alarm-context-thresholds'),
    teams: await text('alarm-context-teams'),
    plans: await text('alarm-context-plans'),
  };
}

/** Clicks 转为事故接报 on the alarm's card and waits for the intake form prefilled from it. */
export async function openIncidentFromAlarm(page: Page, alarmId: string): Promise<void> {
  await alarmCard(page, alarmId).getByTestId('alarm-open-incident').click();
  await page.getByTestId('intake-from-alarm').waitFor({ timeout: 15_000 });
  await page.getByTestId('intake-form').waitFor({ timeout: 15_000 });
}

/** The prefilled intake's values, as the officer sees them before adding anything. */
export async function prefilledIntake(page: Page): Promise<Record<string, string>> {
  const fields = ['title', 'category', 'jurisdiction', 'enterprise', 'address', 'lat', 'lng', 'occurredAt'];
  const values: Record<string, string> = {};
  for (const f of fields) values[f] = await page.getByTestId(`intake-${f}`).inputValue();
  values.description = await page.getByTestId('intake-description').inputValue();
  return values;
}

/**
 * Adds the caller to the prefilled intake and submits it (confirming it is not a duplicate when the console asks);
 * resolves with the new incident's id once its detail screen shows.
 */
export async function submitIntakeFromAlarm(
  page: Page,
  reporter = { name: '李安全', phone: '13995512345', organization: '企业安全科' },
): Promise<{ incidentId: string }> {
  await page.getByTestId('intake-reporterName').fill(reporter.name);
  await page.getByTestId('intake-reporterPhone').fill(reporter.phone);
  await page.getByTestId('intake-reporterOrganization').fill(reporter.organization);
  return submitIntake(page, { confirmNotDuplicate: true });
}
