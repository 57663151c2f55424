import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps on the 应急资源 screens and on the incident workspace's 专家会商 and 避难场所 panels, driven through the
 * console's visible controls and their test ids, so that the acceptance walks can compose them.
 */

export const RESOURCES_ARTIFACTS = resolve(__dirname, '../../../test-artifacts');

/** Screenshots go to `test-artifacts/resources-<name>.png`. */
export async function resourcesScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(RESOURCES_ARTIFACTS, { recursive: true });
  const path = join(RESOURCES_ARTIFACTS, `resources-${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Opens an incident's workspace by its address (a deep link survives: the console resumes its session). */
export async function openIncidentWorkspace(page: Page, baseUrl: string, incidentId: string): Promise<Locator> {
  await page.goto(`${baseUrl}/incidents/${incidentId}`);
  const detail = page.locator(`[data-testid="incident-detail"][data-incident-id="${incidentId}"]`);
  await detail.waitFor({ timeout: 20_000 });
  return detail;
}

/** The recommended expert of this name in the 专家会商 panel. */
export function recommendedExpert(page: Page, name: string): Locator {
  return page.getByTestId('expert-recommendation').filter({ hasText: name });
}

/** Invites a recommended expert (on site or remote, on a topic) and waits until the invitation is listed. */
export async function inviteRecommendedExpert(
  page: Page,
  name: string,
  mode: 'on_site' | 'remote',
  topic: string,
): Promise<Locator> {
  const row = recommendedExpert(page, name);
  await row.getByTestId('expert-invite').click();
  await row.getByTestId(`invite-mode-${mode}`).check();
  await row.getByTestId('invite-topic').fill(topic);
  await row.getByTestId('invite-send').click();
  const invitation = page.getByTestId('consultation').filter({ hasText: name });
  await invitation.and(page.locator('[data-status="invited"]')).waitFor({ timeout: 20_000 });
  return invitation;
}

/** Records the expert's answer given by phone (accept or decline, with an optional note) and waits until shown. */
export async function recordExpertAnswer(
  page: Page,
  name: string,
  answer: 'accept' | 'decline',
  note?: string,
): Promise<void> {
  const invitation = page.getByTestId('consultation').filter({ hasText: name });
  await invitation.getByTestId(`consultation-${answer}`).click();
  if (note) await invitation.getByTestId('consultation-note').fill(note);
  await invitation.getByTestId('consultation-confirm').click();
  const status = answer === 'accept' ? 'accepted' : 'declined';
  await page
    .getByTestId('consultation')
    .filter({ hasText: name })
    .and(page.locator(`[data-status="${status}"]`))
    .waitFor({ timeout: 20_000 });
}

/** Waits until the incident's timeline shows a line containing `text`; returns the line's text. */
export async function waitForTimelineLine(page: Page, text: string, timeout = 20_000): Promise<string> {
  const line = page.getByTestId('timeline-entry').filter({ hasText: text }).first();
  await line.waitFor({ timeout });
  return (await line.textContent()) ?? '';
}

/** Opens the 避难场所 panel if collapsed and records how many people a shelter holds for this incident. */
export async function recordShelterOccupancyFromIncident(
  page: Page,
  shelterName: string,
  occupants: number,
): Promise<void> {
  const panel = page.getByTestId('shelter-panel');
  await panel.waitFor();
  if ((await panel.getAttribute('data-open')) !== 'true') await panel.getByTestId('shelter-panel-toggle').click();
  const row = panel.getByTestId('shelter-recommendation').filter({ hasText: shelterName });
  await row.getByTestId('shelter-record').click();
  await row.getByTestId('occupancy-occupants').fill(String(occupants));
  await row.getByTestId('occupancy-submit').click();
  await panel.getByTestId('shelter-panel-recorded').waitFor({ timeout: 20_000 });
}

/** Goes to the shelter register through the 应急资源 tab and its sub-navigation. */
export async function openShelterRegister(page: Page): Promise<void> {
  await page.getByTestId('nav-resources').click();
  await page.getByTestId('resources-nav-shelters').click();
  await page.getByTestId('shelters-table').waitFor({ timeout: 20_000 });
}

/** The cells of a shelter's row in the register, as text. */
export async function shelterRowCells(page: Page, shelterName: string): Promise<string[]> {
  const row = page.getByTestId('shelter-row').filter({ hasText: shelterName });
  await row.waitFor({ timeout: 20_000 });
  return row.locator('td').allTextContents();
}
