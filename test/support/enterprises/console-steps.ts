import type { Locator, Page } from 'playwright-core';

/**
 * Browser steps of the supervision screens (企业监管: enterprises, major hazard sources, online monitoring), for walks
 * that compose an admin's or a duty officer's work: each acts through the console's own controls and waits for what
 * the user would see.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The id at the end of the page's path (`/enterprises/{id}`, `/hazard-sources/{id}`), once the console is there. */
async function idInPath(page: Page, prefix: string): Promise<string> {
  await page.waitForURL((url) => url.pathname.startsWith(`${prefix}/`) && UUID.test(url.pathname), {
    timeout: 15_000,
  });
  return UUID.exec(new URL(page.url()).pathname)![0];
}

/** Opens the enterprise register through the 企业监管 tab and waits until its table has been read. */
export async function openEnterpriseRegister(page: Page): Promise<void> {
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('enterprises-table').waitFor({ timeout: 10_000 });
}

/** Opens the major hazard source register through the supervision sub-navigation. */
export async function openHazardSourceRegister(page: Page): Promise<void> {
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('subnav-hazardSources').click();
  await page.locator('[data-testid="hazard-sources-table"], [data-testid="hazard-sources-empty"]').first().waitFor();
}

/** Opens the online-rate board through the supervision sub-navigation and waits for its figure. */
export async function openOnlineRateBoard(page: Page): Promise<void> {
  await page.getByTestId('nav-enterprises').click();
  await page.getByTestId('subnav-monitoring').click();
  await page.getByTestId('monitoring-rate-value').waitFor({ timeout: 15_000 });
}

export interface EnterpriseEntry {
  name: string;
  creditCode: string;
  /** An industry code (`hazardous_chemicals`, …). */
  industry: string;
  /** A jurisdiction code. */
  jurisdiction: string;
  address: string;
  lat: number;
  lng: number;
  principal: { name: string; phone: string };
  safety?: { name: string; phone: string };
}

/** Registers an enterprise through the register's form (an admin); returns its id from the page it opens. */
export async function registerEnterpriseInConsole(page: Page, entry: EnterpriseEntry): Promise<string> {
  await openEnterpriseRegister(page);
  await page.getByTestId('enterprise-register').click();
  const form = page.getByTestId('enterprise-form');
  await form.getByTestId('enterprise-name').fill(entry.name);
  await form.getByTestId('enterprise-credit-code').fill(entry.creditCode);
  await form.getByTestId('enterprise-industry').selectOption(entry.industry);
  await form.locator(`[data-testid="enterprise-jurisdiction"] option[value="${entry.jurisdiction}"]`).waitFor({
    state: 'attached',
  });
  await form.getByTestId('enterprise-jurisdiction').selectOption(entry.jurisdiction);
  await form.getByTestId('enterprise-address').fill(entry.address);
  await form.getByTestId('enterprise-lat').fill(String(entry.lat));
  await form.getByTestId('enterprise-lng').fill(String(entry.lng));
  await form.getByTestId('enterprise-principal-name').fill(entry.principal.name);
  await form.getByTestId('enterprise-principal-phone').fill(entry.principal.phone);
  if (entry.safety) {
    await form.getByTestId('enterprise-safety-name').fill(entry.safety.name);
    await form.getByTestId('enterprise-safety-phone').fill(entry.safety.phone);
  }
  await form.getByTestId('enterprise-submit').click();
  const id = await idInPath(page, '/enterprises');
  await page.getByTestId('enterprise-title').waitFor();
  return id;
}

/** On an enterprise's page (an admin): issues a device key and returns the key as shown once. */
export async function issueDeviceKeyInConsole(page: Page, label: string): Promise<string> {
  const panel = page.getByTestId('device-keys');
  await panel.getByTestId('device-key-label').fill(label);
  await panel.getByTestId('device-key-issue').click();
  const key = (await page.getByTestId('issued-key-value').textContent({ timeout: 10_000 })) ?? '';
  await panel.locator('[data-testid="device-key-row"]', { hasText: label }).waitFor({ timeout: 10_000 });
  return key;
}

export interface SubstanceEntry {
  casNo?: string;
  name: string;
  /** A category code, for a substance the standard does not name. */
  category?: string;
  quantityTonnes: number;
  criticalQuantityTonnes?: number;
}

export interface HazardSourceEntry {
  enterpriseId: string;
  name: string;
  unitKind?: 'production' | 'storage';
  exposedPopulation: number;
  substances: SubstanceEntry[];
}

/**
 * Registers a hazard source through the register's form (an admin), reads the server's look-up lines it shows, and
 * opens the new source's page; returns its id and the look-up lines.
 */
export async function registerHazardSourceInConsole(
  page: Page,
  entry: HazardSourceEntry,
): Promise<{ id: string; lookup: string[]; saved: string }> {
  await openHazardSourceRegister(page);
  await page.getByTestId('hazard-register').click();
  const form = page.getByTestId('hazard-form');
  await form.locator(`[data-testid="hazard-enterprise"] option[value="${entry.enterpriseId}"]`).waitFor({
    state: 'attached',
  });
  await form.getByTestId('hazard-enterprise').selectOption(entry.enterpriseId);
  await form.getByTestId('hazard-name').fill(entry.name);
  await form.getByTestId('hazard-unit-kind').selectOption(entry.unitKind ?? 'storage');
  await form.getByTestId('hazard-exposed').fill(String(entry.exposedPopulation));
  for (const [i, s] of entry.substances.entries()) {
    if (i > 0) await form.getByTestId('hazard-add-substance').click();
    const row = form.getByTestId('hazard-substance-row').nth(i);
    if (s.casNo) await row.getByTestId('hazard-sub-cas').fill(s.casNo);
    await row.getByTestId('hazard-sub-name').fill(s.name);
    if (s.category) await row.getByTestId('hazard-sub-category').selectOption(s.category);
    await row.getByTestId('hazard-sub-q').fill(String(s.quantityTonnes));
    if (s.criticalQuantityTonnes !== undefined)
      await row.getByTestId('hazard-sub-Q').fill(String(s.criticalQuantityTonnes));
  }
  await form.getByTestId('hazard-submit').click();
  const saved = (await page.getByTestId('hazard-saved-grade').textContent({ timeout: 15_000 })) ?? '';
  const lookup = await page.getByTestId('hazard-lookup').locator('li').allTextContents();
  await page.getByTestId('hazard-saved-done').click();
  const id = await idInPath(page, '/hazard-sources');
  await page.getByTestId('hazard-title').waitFor();
  return { id, lookup, saved };
}

export interface SensorEntry {
  code: string;
  name: string;
  kind: string;
  unit: string;
  intervalSeconds?: number;
  thresholds: { lowLow?: number; low?: number; high?: number; highHigh?: number };
}

/** On a hazard source's page (an admin): adds a sensor through the live panel and waits for its card. */
export async function addSensorInConsole(page: Page, entry: SensorEntry): Promise<Locator> {
  const panel = page.getByTestId('sensor-panel');
  await panel.getByTestId('sensor-add').click();
  const form = panel.getByTestId('sensor-form');
  await form.getByTestId('sensor-form-code').fill(entry.code);
  await form.getByTestId('sensor-form-name').fill(entry.name);
  await form.getByTestId('sensor-form-kind').selectOption(entry.kind);
  await form.getByTestId('sensor-form-unit').fill(entry.unit);
  await form.getByTestId('sensor-form-interval').fill(String(entry.intervalSeconds ?? 10));
  for (const key of ['lowLow', 'low', 'high', 'highHigh'] as const) {
    const value = entry.thresholds[key];
    if (value !== undefined) await form.getByTestId(`sensor-form-${key}`).fill(String(value));
  }
  await form.getByTestId('sensor-form-submit').click();
  const card = sensorCard(page, entry.name);
  await card.waitFor({ timeout: 15_000 });
  return card;
}

/** A sensor's card on a hazard source's live panel, found by the sensor's name. */
export function sensorCard(page: Page, name: string): Locator {
  return page.getByTestId('sensor-panel').locator('[data-testid="sensor-card"]', { hasText: name });
}

/** What a sensor's card says: its value with unit, band, online state and threshold list. */
export async function readSensorCard(card: Locator): Promise<{
  value: string;
  band: string;
  online: string;
  thresholds: string;
}> {
  return {
    value: (await card.getByTestId('sensor-value').textContent()) ?? '',
    band: (await card.getByTestId('sensor-band').textContent()) ?? '',
    online: (await card.getByTestId('sensor-online').textContent()) ?? '',
    thresholds: (await card.getByTestId('sensor-thresholds').textContent()) ?? '',
  };
}

/** The rows of the enterprise register as the officer reads them (each row's cells). */
export async function enterpriseRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('enterprise-row');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push(await rows.nth(i).locator('td').allTextContents());
  return out;
}
