import type { Page } from 'playwright-core';

/**
 * Browser steps of intake (接报) for walks through the console: each drives the screen as an officer does, through
 * its test ids, and waits for what the officer would wait for. A night-shift walk composes them with the other desks'.
 */

/** The current Beijing wall time (minus `minutesAgo`) as the intake form's datetime-local value. */
export function beijingLocalInput(minutesAgo = 0): string {
  const local = new Date(Date.now() - minutesAgo * 60_000 + 8 * 3_600_000);
  return local.toISOString().slice(0, 16);
}

export async function openIntake(page: Page): Promise<void> {
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-form').waitFor({ timeout: 15_000 });
}

/** Searches the gazetteer for `search` and chooses the entry called `name` (the first when no name is given). */
export async function pickPlaceFromGazetteer(page: Page, place: { search: string; name?: string }): Promise<void> {
  const search = page.getByTestId('intake-place-search');
  await search.fill('');
  await search.fill(place.search);
  const options = page.getByTestId('intake-place-option');
  const option = place.name ? options.filter({ hasText: place.name }).first() : options.first();
  await option.waitFor({ timeout: 10_000 });
  await option.click();
  await page.getByTestId('intake-place-picked').waitFor();
}

export interface GazetteerIntake {
  /** What to type into the gazetteer search, and the entry to choose. */
  place: { search: string; name?: string };
  /** A template id (templates.ts): `chem-leak`, `chem-fire`, `road`, `mine`, `fire`, `gas`. */
  template?: string;
  /** Typed over the template's title when given. */
  title?: string;
  /** Needed when no template sets it. */
  category?: string;
  minutesAgo?: number;
  reporter?: { name: string; phone: string; organization: string };
  casualties?: Partial<Record<'deaths' | 'missing' | 'seriousInjuries' | 'minorInjuries' | 'trapped', number>>;
  /** Typed over the template's text when given. */
  description?: string;
  /** When the console warns of an incident nearby: confirm this one is another (true) or fail the step (false). */
  confirmNotDuplicate?: boolean;
}

/**
 * Logs an incident whose place comes from the gazetteer: opens intake, picks the place, applies the template, fills
 * the caller's details and submits; resolves with the new incident's id once its detail screen shows.
 */
export async function logIncidentFromGazetteer(page: Page, intake: GazetteerIntake): Promise<{ incidentId: string }> {
  await openIntake(page);
  await pickPlaceFromGazetteer(page, intake.place);
  if (intake.template) {
    await page.getByTestId('intake-template').selectOption(intake.template);
    // A form left with typed text asks first; a walk wants the template's text where nothing was typed.
    const conflict = page.getByTestId('intake-template-fill-blank');
    if (await conflict.isVisible()) await conflict.click();
  }
  if (intake.category) await page.getByTestId('intake-category').selectOption(intake.category);
  if (intake.title) await page.getByTestId('intake-title').fill(intake.title);
  await page.getByTestId('intake-occurredAt').fill(beijingLocalInput(intake.minutesAgo ?? 10));
  const reporter = intake.reporter ?? { name: '张伟', phone: '0955-1234567', organization: '企业安全科' };
  await page.getByTestId('intake-reporterName').fill(reporter.name);
  await page.getByTestId('intake-reporterPhone').fill(reporter.phone);
  await page.getByTestId('intake-reporterOrganization').fill(reporter.organization);
  for (const [field, count] of Object.entries(intake.casualties ?? {}))
    await page.getByTestId(`intake-${field}`).fill(String(count));
  if (intake.description) await page.getByTestId('intake-description').fill(intake.description);
  return submitIntake(page, { confirmNotDuplicate: intake.confirmNotDuplicate ?? false });
}

/**
 * Submits the intake form. The console checks for incidents logged nearby within the hour at submit; when it warns,
 * `confirmNotDuplicate` ticks "this is another incident" and submits again, otherwise the step fails.
 */
export async function submitIntake(
  page: Page,
  options: { confirmNotDuplicate?: boolean } = {},
): Promise<{ incidentId: string }> {
  await page.getByTestId('intake-submit').click();
  const detail = page.getByTestId('incident-detail');
  const warning = page.getByTestId('intake-nearby-confirm');
  // Whichever comes first: the new incident's detail screen, or the warning that asks to confirm.
  await detail.or(warning).first().waitFor({ timeout: 20_000 });
  if (await warning.isVisible()) {
    if (!options.confirmNotDuplicate)
      throw new Error(`intake warned of an incident nearby: ${await page.getByTestId('intake-nearby').innerText()}`);
    await warning.check();
    await page.getByTestId('intake-submit').click();
    await detail.waitFor({ timeout: 20_000 });
  }
  const incidentId = await detail.getAttribute('data-incident-id');
  if (!incidentId) throw new Error('the detail screen shows no incident id');
  return { incidentId };
}
