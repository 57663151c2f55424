import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInThroughConsole } from '../browser';

/**
 * Browser steps on the situation map (态势地图): open it at a desk laptop's size, read the labels of a layer, switch
 * layers, open a feature's popup, and watch that no request leaves the console's origin. Composable into longer walks.
 */

export const MAP_ARTIFACTS = resolve(__dirname, '../../../test-artifacts');

/** Screenshots of the map go to `test-artifacts/map-<name>.png`. */
export async function mapScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(MAP_ARTIFACTS, { recursive: true });
  const path = join(MAP_ARTIFACTS, `map-${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * A Chromium page at 1366×768 in Chinese and Beijing time, signed in as `user`, with every request it makes recorded
 * (the URL as the browser sent it), so a test can assert that nothing left the origin.
 */
export async function mapPageAs(
  baseUrl: string,
  user: { username: string; password: string },
): Promise<{ browser: Browser; page: Page; requests: string[] }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(baseUrl);
  await signInThroughConsole(page, user);
  return { browser, page, requests };
}

/** Goes to the map through its tab and waits until the outlines are drawn. */
export async function openSituationMap(page: Page): Promise<void> {
  await page.getByTestId('nav-map').click();
  await page.getByTestId('map-layer-panel').waitFor();
  await page.locator('.map-class-outlines-county').first().waitFor({ timeout: 20_000 });
}

/** The texts of the labels a layer shows on the map right now (`outline` for the jurisdiction outlines). */
export async function mapLabels(page: Page, layer: string): Promise<string[]> {
  return page.locator(`.map-label-${layer}`).allTextContents();
}

/** Waits until a layer shows exactly `count` labels (a removed feature's label fades out before it leaves). */
export async function waitForLabelCount(page: Page, layer: string, count: number, timeout = 5000): Promise<number> {
  let seen = -1;
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(100)) {
    seen = await page.locator(`.map-label-${layer}`).count();
    if (seen === count) break;
  }
  return seen;
}

/**
 * Waits until a layer has a label with this text. A label crowded out by a more important one is on the map but
 * hidden until its feature is hovered, so `visible` is asked for only where the test knows there is room.
 */
export async function waitForMapLabel(
  page: Page,
  layer: string,
  text: string,
  { visible = false, timeout = 20_000 } = {},
): Promise<void> {
  await page
    .locator(`.map-label-${layer}`)
    .filter({ hasText: text })
    .first()
    .waitFor({ state: visible ? 'visible' : 'attached', timeout });
}

/** The texts of the labels of a layer a reader sees right now (not crowded out by a more important label). */
export async function visibleMapLabels(page: Page, layer: string): Promise<string[]> {
  return page.locator(`.map-label-${layer}:visible`).allTextContents();
}

/**
 * The visible labels of a layer once they equal `expected` (in any order), or as they are after `timeout`: labels
 * are placed once the map has settled after drawing or zooming.
 */
export async function settledVisibleLabels(
  page: Page,
  layer: string,
  expected: readonly string[],
  timeout = 5000,
): Promise<string[]> {
  const want = [...expected].sort().join('\n');
  let seen: string[] = [];
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await page.waitForTimeout(100)) {
    seen = (await visibleMapLabels(page, layer)).sort();
    if (seen.join('\n') === want) break;
  }
  return seen;
}

/** Zooms the map in by one step with its own control (the labels of crowded features separate). */
export async function zoomMapIn(page: Page): Promise<void> {
  await page.locator('.leaflet-control-zoom-in').click();
  await page.waitForTimeout(400);
}

/** Switches a layer on or off in the layer panel. */
export async function setMapLayer(page: Page, layer: string, on: boolean): Promise<void> {
  await page.getByTestId(`map-toggle-${layer}`).setChecked(on);
}

/** Clicks the marker of a feature (by its id) and returns the popup's link: its text and target. */
export async function openFeaturePopup(page: Page, id: string): Promise<{ text: string; href: string }> {
  await page.locator(`.map-feature[data-feature-id="${id}"]`).click();
  const link = page.locator('.leaflet-popup .map-popup-link');
  await link.waitFor();
  return { text: (await link.textContent()) ?? '', href: (await link.getAttribute('href')) ?? '' };
}

/**
 * Clicks a warning's area (by its level) and returns the popup's text and link. The test areas are triangles filling
 * the upper left half of their box: the click lands inside, not on an edge.
 */
export async function openWarningAreaPopup(
  page: Page,
  level: string,
): Promise<{ text: string; link: { text: string; href: string } }> {
  const area = page.locator(`.map-class-warnings-${level}`).first();
  const box = (await area.boundingBox())!;
  await area.click({ position: { x: box.width * 0.25, y: box.height * 0.3 }, force: true });
  const popup = page.locator('.leaflet-popup');
  await popup.waitFor();
  const link = popup.locator('.map-popup-link');
  return {
    text: await popup.innerText(),
    link: { text: (await link.textContent()) ?? '', href: (await link.getAttribute('href')) ?? '' },
  };
}

/** Closes the open popup with its × and waits until it has faded out. */
export async function closeMapPopup(page: Page): Promise<void> {
  await page.locator('.leaflet-popup-close-button').click();
  await page.locator('.leaflet-popup').waitFor({ state: 'detached' });
}

/** The requests whose URL is not on the console's own origin (data: URLs stay inside the page). */
export function offOrigin(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}
