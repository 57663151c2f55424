import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps of the drill coordinator's workspace (应急演练), for walks that compose a whole drill: each step acts
 * through the console's own controls, as the coordinator would, and waits for what the coordinator would see.
 */

/** Opens the drills screen from the tab bar and waits until the list has been read. */
export async function openDrills(page: Page): Promise<void> {
  await page.getByTestId('nav-drills').click();
  await page.getByTestId('drills-screen').waitFor({ timeout: 10_000 });
  await page.getByTestId('drill-create').waitFor({ timeout: 10_000 });
}

export interface DrillPlanInput {
  title: string;
  form?: 'tabletop' | 'live';
  /** The plan's title as the form offers it (its version in force is pinned). */
  planTitle?: string;
  /** The scenario's name in the library. */
  scenarioName?: string;
  participants?: string[];
}

/** The option of a select whose text contains `text`, chosen by its value. */
async function chooseByText(select: Locator, text: string): Promise<void> {
  const option = select.locator('option', { hasText: text }).first();
  await option.waitFor({ state: 'attached', timeout: 10_000 });
  await select.selectOption((await option.getAttribute('value'))!);
}

/**
 * Plans a drill through the form (the scenario's injects previewed in words before it is chosen) and waits for the
 * drill's page; answers the drill's id and the preview lines the coordinator read.
 */
export async function planDrill(page: Page, input: DrillPlanInput): Promise<{ drillId: string; preview: string[] }> {
  const form = page.getByTestId('drill-create');
  await form.getByTestId('drill-title').fill(input.title);
  await form.getByTestId('drill-form').selectOption(input.form ?? 'tabletop');
  if (input.planTitle) await chooseByText(form.getByTestId('drill-plan-choice'), input.planTitle);
  let preview: string[] = [];
  if (input.scenarioName) {
    await chooseByText(form.getByTestId('drill-scenario'), input.scenarioName);
    await form.getByTestId('scenario-preview').waitFor();
    preview = await form.getByTestId('scenario-inject').allTextContents();
  }
  if (input.participants) await form.getByTestId('drill-participants').fill(input.participants.join('\n'));
  await form.getByTestId('drill-create-submit').click();
  await page.waitForURL(/\/drills\/[0-9a-f-]{36}$/, { timeout: 10_000 });
  await page.locator('[data-testid="drill-screen"][data-status="planned"]').waitFor({ timeout: 10_000 });
  const drillId = new URL(page.url()).pathname.split('/').pop()!;
  return { drillId, preview };
}

/** Opens one drill's page (by URL) and waits until it has been read. */
export async function openDrill(page: Page, baseUrl: string, drillId: string): Promise<void> {
  await page.goto(`${baseUrl}/drills/${drillId}`);
  await page.locator(`[data-testid="drill-screen"][data-id="${drillId}"][data-status]`).waitFor({ timeout: 15_000 });
}

/** Starts the drill on its page, confirming when asked, and waits until it runs. */
export async function startDrill(page: Page): Promise<void> {
  await page.getByTestId('drill-start').click();
  await page.getByTestId('drill-start-confirm').waitFor();
  await page.getByTestId('drill-start-yes').click();
  await page.locator('[data-testid="drill-screen"][data-status="running"]').waitFor({ timeout: 10_000 });
}

/** Ends the drill on its page, confirming when asked, and waits until it has ended. */
export async function endDrill(page: Page): Promise<void> {
  await page.getByTestId('drill-end').click();
  await page.getByTestId('drill-end-confirm').waitFor();
  await page.getByTestId('drill-end-yes').click();
  await page.locator('[data-testid="drill-screen"][data-status="ended"]').waitFor({ timeout: 10_000 });
}

/** Waits until the script's inject `index` shows as run on the timeline (the page reads the drill every few seconds). */
export async function waitForScriptedInject(page: Page, index: number, timeout = 20_000): Promise<Locator> {
  const item = page.locator(`[data-testid="timeline-inject"][data-index="${index}"][data-state="executed"]`);
  await item.waitFor({ timeout });
  return item;
}

export interface ScriptlessReport {
  title: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  organization: string;
  description: string;
  trapped?: number;
}

/** Fires a scriptless report (无脚本注入) with the intake-like fields, and waits until the page says it ran. */
export async function fireScriptlessReport(page: Page, report: ScriptlessReport): Promise<void> {
  const form = page.getByTestId('drill-inject');
  await form.getByTestId('inject-kind').selectOption('report_incident');
  await form.getByTestId('inject-title').fill(report.title);
  await form.getByTestId('inject-address').fill(report.address);
  await form.getByTestId('inject-lat').fill(String(report.lat));
  await form.getByTestId('inject-lng').fill(String(report.lng));
  await form.getByTestId('inject-phone').fill(report.phone);
  await form.getByTestId('inject-organization').fill(report.organization);
  if (report.trapped !== undefined) await form.getByTestId('inject-trapped').fill(String(report.trapped));
  await form.getByTestId('inject-description').fill(report.description);
  await form.getByTestId('inject-submit').click();
  await page.locator('[data-testid="drill-feedback"][data-kind="ok"]').waitFor({ timeout: 10_000 });
}

/** Fires a scriptless message (情况通报) and waits until the page says it ran. */
export async function fireScriptlessMessage(page: Page, text: string): Promise<void> {
  const form = page.getByTestId('drill-inject');
  await form.getByTestId('inject-kind').selectOption('message');
  await form.getByTestId('inject-text').fill(text);
  await form.getByTestId('inject-submit').click();
  await page.locator('[data-testid="drill-feedback"][data-kind="ok"]').waitFor({ timeout: 10_000 });
}

/** The drill board on the drill page: waits until an incident titled `title` is listed; answers its id. */
export async function findOnDrillBoard(page: Page, title: string, timeout = 15_000): Promise<string> {
  const row = page.locator('[data-testid="drill-incident"]', { hasText: title });
  await row.waitFor({ timeout });
  return (await row.getAttribute('data-incident-id'))!;
}

/** Opens a drill incident from the drill board in the incident workspace; waits for its simulated actions. */
export async function openDrillIncident(page: Page, incidentId: string): Promise<void> {
  await page.locator(`[data-testid="drill-incident"][data-incident-id="${incidentId}"] a`).first().click();
  await page.locator(`[data-testid="incident-detail"][data-incident-id="${incidentId}"]`).waitFor({ timeout: 10_000 });
  await page.getByTestId('drill-incident-actions').waitFor({ timeout: 10_000 });
}
