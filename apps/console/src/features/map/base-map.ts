import L from 'leaflet';
import { loadConsoleConfig } from '../../api';

/**
 * What every map of the console stands on: offline by default — the jurisdictions' schematic outlines are a file the
 * server ships with the console, no tile service is asked — and the bureau's own tile server underneath when the
 * configuration names one (`CONSOLE_TILE_URL`, docs/map.md).
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Leaflet writes a layer's attribution as HTML: the configured text is escaped so it can only ever be text. */
export function escapedAttribution(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Puts the configured tile server under the map, if any; `onTiles` learns whether there is one. `isGone` says the map
 * was removed meanwhile (the configuration is read asynchronously).
 */
export function addConfiguredTiles(map: L.Map, isGone: () => boolean, onTiles?: (tiles: boolean) => void): void {
  // loadConsoleConfig falls back instead of rejecting: nothing to catch here.
  void loadConsoleConfig().then((config) => {
    if (isGone()) return;
    onTiles?.(config.tileUrl !== null);
    if (!config.tileUrl) return;
    L.tileLayer(config.tileUrl, { attribution: escapedAttribution(config.tileAttribution ?? ''), maxZoom: 18 })
      .addTo(map)
      .bringToBack();
  });
}

/** The jurisdictions' outlines (GeoJSON); rejects when the file cannot be read. */
export async function loadOutlines(): Promise<GeoJSON.FeatureCollection> {
  const response = await fetch('/jurisdictions.geojson');
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as GeoJSON.FeatureCollection;
}
