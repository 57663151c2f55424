import type { Page } from 'playwright-core';

/**
 * The duty desk's steps as a person takes them in the console, for browser walks to compose (a night shift: sign in,
 * see the queue, report up, answer a roll call, hand over, accept). Each step waits for what the officer would see.
 */

/** Opens the duty desk through the navigation and waits for its queue. */
export async function openDutyDesk(page: Page): Promise<void> {
  await page.getByTestId('nav-duty').click();
  await page.getByTestId('duty-queue').waitFor({ timeout: 20_000 });
}

/** The queue's rows as shown: incident id, obligation id and whether its countdown shows overdue. */
export async function queueRows(page: Page): Promise<{ incidentId: string; obligationId: string; overdue: boolean }[]> {
  return page.locator('[data-testid="duty-obligation"]').evaluateAll((rows) =>
    rows.map((row) => ({
      incidentId: row.getAttribute('data-incident') ?? '',
      obligationId: row.getAttribute('data-obligation') ?? '',
      overdue: row.querySelector('[data-testid="countdown"]')?.getAttribute('data-overdue') === 'true',
    })),
  );
}

/**
 * One-click report of an obligation from the queue: opens the generated text, optionally picks the channel, sends
 * it and waits until the row has left the queue. Returns the report text the server generated.
 */
export async function reportFromDesk(
  page: Page,
  incidentId: string,
  obligationId: string,
  channel?: '电话' | '传真' | '系统报送',
): Promise<string> {
  const row = page.locator(
    `[data-testid="duty-obligation"][data-incident="${incidentId}"][data-obligation="${obligationId}"]`,
  );
  await row.getByTestId('duty-report').click();
  const text = row.getByTestId('duty-report-text');
  await text.waitFor({ timeout: 20_000 });
  const generated = await text.inputValue();
  if (channel) await row.getByTestId('duty-report-channel').selectOption(channel);
  await row.getByTestId('duty-report-send').click();
  await row.waitFor({ state: 'detached', timeout: 20_000 });
  return generated;
}

/** Answers the roll call shown for this watch (the first one when none is named) and waits until it has gone. */
export async function answerRollCall(page: Page, rollCallId?: string): Promise<void> {
  const item = rollCallId
    ? page.locator(`[data-testid="duty-rollcall"][data-rollcall="${rollCallId}"]`)
    : page.getByTestId('duty-rollcall').first();
  await item.waitFor({ timeout: 20_000 });
  await item.getByTestId('duty-answer').click();
  await item.waitFor({ state: 'detached', timeout: 20_000 });
}

/** Hands the watch over with a note and waits until the desk shows the handover pending. */
export async function handOver(page: Page, note: string): Promise<void> {
  await page.getByTestId('duty-handover-note').fill(note);
  await page.getByTestId('duty-hand-over').click();
  await page.getByTestId('duty-pending-handover').waitFor({ timeout: 20_000 });
}

/**
 * As the incoming officer: waits for the pending handover, returns its note and summary as shown, accepts it and
 * waits until the desk no longer shows it pending.
 */
export async function acceptHandover(page: Page): Promise<{ note: string; summary: string }> {
  const pending = page.getByTestId('duty-pending-handover');
  await pending.waitFor({ timeout: 20_000 });
  const note = (await pending.getByTestId('duty-handover-note-shown').textContent()) ?? '';
  const summary = (await pending.getByTestId('duty-handover-summary').textContent()) ?? '';
  await pending.getByTestId('duty-accept').click();
  await pending.waitFor({ state: 'detached', timeout: 20_000 });
  return { note, summary };
}
