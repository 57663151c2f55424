import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps of the warnings screen (预警发布), for walks to compose: each acts as a duty officer or commander would,
 * through the console's own controls, and waits for what they would see.
 */

export interface IssuedWarning {
  level: 'red' | 'orange' | 'yellow' | 'blue';
  hazard: string;
  /** A code among the user's jurisdictions. */
  jurisdiction: string;
  area: string;
  /** Corners clicked on the small map, as fractions of its width and height. */
  corners: { x: number; y: number }[];
  message: string;
  instruction?: string;
  /** `datetime-local` values on the jurisdiction's clock. */
  effective: string;
  expires: string;
  channels: string[];
}

/** Opens the warnings screen through the navigation and waits until its list has been read. */
export async function openWarnings(page: Page): Promise<void> {
  await page.getByTestId('nav-warnings').click();
  await page.locator('[data-testid="warnings-screen"][data-loaded="true"]').waitFor({ timeout: 15_000 });
}

/** The list's row of one warning. */
export function warningRow(page: Page, warningId: string): Locator {
  return page.locator(`[data-testid="warning-row"][data-warning-id="${warningId}"]`);
}

/** The rows as shown, top to bottom: id, level, status and hazard. */
export async function warningRows(
  page: Page,
): Promise<{ id: string; level: string; status: string; hazard: string; expires: string }[]> {
  return page.locator('[data-testid="warning-row"]').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-warning-id') ?? '',
      level: row.getAttribute('data-level') ?? '',
      status: row.getAttribute('data-status') ?? '',
      hazard: row.querySelector('[data-testid="warning-hazard"]')?.textContent ?? '',
      expires: row.querySelector('[data-testid="warning-expires"]')?.textContent ?? '',
    })),
  );
}

/**
 * Fills the form that issues a warning, draws the area by clicking its corners on the map, sends it; answers the new warning's id.
 * `beforeSubmit` runs with the form filled in (a screenshot of it, say).
 */
export async function issueWarning(
  page: Page,
  warning: IssuedWarning,
  beforeSubmit?: () => Promise<unknown>,
): Promise<string> {
  await page.getByTestId('warnings-issue-open').click();
  const form = page.getByTestId('warning-issue');
  await form.getByTestId('warning-issue-level').selectOption(warning.level);
  await form.getByTestId('warning-issue-hazard').fill(warning.hazard);
  await form
    .locator(`[data-testid="warning-issue-jurisdiction"] option[value="${warning.jurisdiction}"]`)
    .waitFor({ state: 'attached', timeout: 10_000 });
  await form.getByTestId('warning-issue-jurisdiction').selectOption(warning.jurisdiction);
  await form.getByTestId('warning-issue-area').fill(warning.area);
  const map = form.getByTestId('warning-area-map');
  const box = (await map.boundingBox())!;
  for (const [i, corner] of warning.corners.entries()) {
    await map.click({ position: { x: box.width * corner.x, y: box.height * corner.y } });
    await form
      .getByTestId('warning-issue-corners')
      .filter({ hasText: new RegExp(`\\b${i + 1}\\b`) })
      .waitFor({ timeout: 5_000 });
  }
  await form.getByTestId('warning-issue-message').fill(warning.message);
  if (warning.instruction) await form.getByTestId('warning-issue-instruction').fill(warning.instruction);
  await form.getByTestId('warning-issue-effective').fill(warning.effective);
  await form.getByTestId('warning-issue-expires').fill(warning.expires);
  for (const channel of warning.channels) await form.getByTestId(`warning-issue-channel-${channel}`).check();
  await beforeSubmit?.();
  await form.getByTestId('warning-issue-submit').click();
  // The new warning opens in the detail panel, saying it was issued.
  const detail = page.getByTestId('warning-detail');
  await detail.getByTestId('warning-feedback').waitFor({ timeout: 15_000 });
  return (await detail.getAttribute('data-warning-id'))!;
}

/** Opens a warning's detail panel from its row. */
export async function openWarning(page: Page, warningId: string): Promise<Locator> {
  await warningRow(page, warningId).click();
  const detail = page.locator(`[data-testid="warning-detail"][data-warning-id="${warningId}"]`);
  await detail.waitFor({ timeout: 10_000 });
  return detail;
}

/** 调整: opens the prefilled form, changes the level and the expiry, gives the reason, waits for the new entry. */
export async function adjustWarning(
  page: Page,
  warningId: string,
  change: { level?: IssuedWarning['level']; expires?: string; reason: string },
): Promise<void> {
  const detail = await openWarning(page, warningId);
  const entries = await detail.getByTestId('warning-history-entry').count();
  await detail.getByTestId('warning-adjust').click();
  const form = detail.getByTestId('warning-adjust');
  if (change.level) await form.getByTestId('warning-adjust-level').selectOption(change.level);
  if (change.expires) await form.getByTestId('warning-adjust-expires').fill(change.expires);
  await form.getByTestId('warning-adjust-reason').fill(change.reason);
  await form.getByTestId('warning-adjust-submit').click();
  await detail.getByTestId('warning-feedback').waitFor({ timeout: 15_000 });
  await detail.getByTestId('warning-history-entry').nth(entries).waitFor({ timeout: 10_000 });
}

/**
 * Shows the warning's CAP message (an open preview stays open and follows the warning) and answers the XML text the
 * screen shows, once it contains `containing` when given (the Cancel after 解除).
 */
export async function previewCap(page: Page, warningId: string, containing?: string): Promise<string> {
  const detail = await openWarning(page, warningId);
  const button = detail.getByTestId('warning-cap-preview');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const pre = detail.getByTestId('warning-cap-xml');
  await (containing ? pre.filter({ hasText: containing }) : pre).waitFor({ timeout: 10_000 });
  return (await pre.textContent()) ?? '';
}

/** Downloads the CAP message as the browser saves it: the file's suggested name and its content. */
export async function downloadCap(page: Page, warningId: string): Promise<{ fileName: string; content: string }> {
  const detail = await openWarning(page, warningId);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    detail.getByTestId('warning-cap-download').click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: download.suggestedFilename(), content: Buffer.concat(chunks).toString('utf8') };
}

/** 解除: gives the reason, confirms, and waits until the detail says the warning is lifted. */
export async function liftWarning(page: Page, warningId: string, reason: string): Promise<string> {
  const detail = await openWarning(page, warningId);
  await detail.getByTestId('warning-lift').click();
  await detail.getByTestId('warning-lift-reason').fill(reason);
  await detail.getByTestId('warning-lift-submit').click();
  const confirm = detail.getByTestId('warning-lift-confirm');
  await confirm.waitFor({ timeout: 5_000 });
  const question = (await confirm.textContent()) ?? '';
  await detail.getByTestId('warning-lift-confirm-yes').click();
  await page
    .locator(`[data-testid="warning-detail"][data-warning-id="${warningId}"][data-status="lifted"]`)
    .waitFor({ timeout: 15_000 });
  return question;
}
