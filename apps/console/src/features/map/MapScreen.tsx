import { useEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import { loadConsoleConfig } from '../../api';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import type { Session } from '../../ui-types';
import {
  declutterLabels,
  drawEnterprises,
  drawHazardSources,
  drawIncidents,
  drawOutlines,
  drawShelters,
  drawTeams,
  drawWarehouses,
  drawWarnings,
  type DrawContext,
} from './layers/draw';
import { MAP_LAYERS, type MapLayerId } from './layers/registry';
import { LayerPanel, type LayerState } from './LayerPanel';
import {
  useMapEnterprises,
  useMapHazardSources,
  useMapIncidents,
  useMapShelters,
  useMapTeams,
  useMapWarehouses,
  useMapWarnings,
  warningInForce,
} from './map-data';
import { useMapPrefs } from './map-prefs';
import './map.css';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For the one Leaflet option that only takes an HTML string (the tile attribution, from configuration): escaped. */
function escapedAttribution(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The drawn layers, each its own group so that switching one off removes only its features. */
type DrawnLayer = MapLayerId;
const DRAWN: readonly DrawnLayer[] = [
  'outlines',
  'warnings',
  'enterprises',
  'shelters',
  'warehouses',
  'teams',
  'hazardSources',
  'incidents',
];

const OUTLINE_PANE = 'mapOutlines';

/** The current time, read again every minute (warnings leave the map when they expire, without a delta). */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 态势地图: open incidents by grade, teams by status where they last reported, warehouses by stock state, the areas
 * of warnings in force, registered enterprises, major hazard sources by grade and emergency shelters by how full they are,
 * over the schematic jurisdiction outlines. Offline by default: no base map and no request
 * leaves the console's origin; the bureau's own tile server is drawn under the features when configured
 * (`CONSOLE_TILE_URL`, see docs/map.md). Each layer can be switched off; the choice is remembered per user.
 */
export function MapScreen({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const [prefs, setPrefs] = useMapPrefs(session.user.id);
  const shown = (id: MapLayerId) => !prefs.hidden.includes(id);
  const now = useMinute();

  const incidents = useMapIncidents(prefs.drill, shown('incidents'));
  const teams = useMapTeams(shown('teams'));
  const warehouses = useMapWarehouses(shown('warehouses'));
  const warnings = useMapWarnings(shown('warnings'));
  const enterprises = useMapEnterprises(shown('enterprises'));
  const hazardSources = useMapHazardSources(shown('hazardSources'));
  const shelters = useMapShelters(shown('shelters'));
  const majorSources = useMemo(
    () => (hazardSources.data ?? []).filter((s) => s.isMajor && s.grade !== null),
    [hazardSources.data],
  );
  const inForce = useMemo(() => (warnings.data ?? []).filter((w) => warningInForce(w, now)), [warnings.data, now]);
  const withArea = inForce.filter((w) => (w.area.polygon?.length ?? 0) >= 3);
  const withoutArea = inForce.filter((w) => (w.area.polygon?.length ?? 0) < 3);

  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const groups = useRef<Partial<Record<DrawnLayer, L.LayerGroup>>>({});
  const areaRenderer = useRef<L.Renderer | undefined>(undefined);
  const [outlines, setOutlines] = useState<GeoJSON.FeatureCollection | null>(null);
  const [outlineError, setOutlineError] = useState(false);
  const [tiles, setTiles] = useState(false);
  // Labels are measured once the map has settled: after a burst of redraws, or a zoom's animation, has ended.
  const declutterTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scheduleDeclutter = useRef(() => {
    clearTimeout(declutterTimer.current);
    declutterTimer.current = setTimeout(() => {
      if (container.current && map.current) declutterLabels(container.current);
    }, 250);
  });

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomControl: true, attributionControl: true, zoomSnap: 0.25 }).setView(
      [37.2, 105.3],
      8,
    );
    map.current = m;
    m.on('zoomend moveend', () => scheduleDeclutter.current());
    areaRenderer.current = L.svg({ padding: 0.5 });
    // The outlines get a pane under the overlay pane: a warning's area is never covered by an outline (and its clicks
    // never taken by one), whichever of the two arrives first.
    m.createPane(OUTLINE_PANE).style.zIndex = '350';
    // Areas and outlines under the markers: the groups are created in drawing order.
    for (const id of DRAWN) groups.current[id] = L.layerGroup();
    let cancelled = false;
    // loadConsoleConfig falls back instead of rejecting: nothing to catch here.
    void loadConsoleConfig().then((config) => {
      if (cancelled || !config.tileUrl) return;
      L.tileLayer(config.tileUrl, { attribution: escapedAttribution(config.tileAttribution ?? ''), maxZoom: 18 })
        .addTo(m)
        .bringToBack();
      setTiles(true);
    });
    // The outlines are a file the server ships with the console, not a tile service: the map works offline.
    fetch('/jurisdictions.geojson')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((geo: GeoJSON.FeatureCollection) => {
        if (cancelled) return;
        setOutlines(geo);
        const bounds = L.geoJSON(geo).getBounds();
        if (bounds.isValid()) m.fitBounds(bounds, { padding: [20, 20] });
      })
      .catch(() => !cancelled && setOutlineError(true));
    return () => {
      cancelled = true;
      clearTimeout(declutterTimer.current);
      m.remove();
      map.current = null;
      groups.current = {};
    };
  }, []);

  const ctx: DrawContext = useMemo(
    () => ({ t, lang, permanentLabels: prefs.permanentLabels, open: navigate }),
    [t, lang, prefs.permanentLabels],
  );

  // One effect per layer: a delta to the teams redraws the teams only.
  const redraw = (id: DrawnLayer, draw: (group: L.LayerGroup) => void) => {
    const m = map.current;
    const group = groups.current[id];
    if (!m || !group) return;
    group.clearLayers();
    if (!shown(id)) {
      group.remove();
      scheduleDeclutter.current();
      return;
    }
    draw(group);
    if (!m.hasLayer(group)) group.addTo(m);
    scheduleDeclutter.current();
  };
  const hidden = prefs.hidden.join('|');
  useEffect(
    () => redraw('outlines', (g) => outlines && drawOutlines(g, outlines, ctx, OUTLINE_PANE)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [outlines, ctx, hidden],
  );
  useEffect(
    () => redraw('warnings', (g) => drawWarnings(g, withArea, { ...ctx, renderer: areaRenderer.current })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [inForce, ctx, hidden],
  );
  useEffect(
    () => redraw('warehouses', (g) => drawWarehouses(g, warehouses.data ?? [], ctx)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [warehouses.data, ctx, hidden],
  );
  useEffect(
    () => redraw('teams', (g) => drawTeams(g, teams.data ?? [], ctx)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [teams.data, ctx, hidden],
  );
  useEffect(
    () => redraw('enterprises', (g) => drawEnterprises(g, enterprises.data ?? [], ctx)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [enterprises.data, ctx, hidden],
  );
  useEffect(
    () => redraw('shelters', (g) => drawShelters(g, shelters.data ?? [], ctx)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shelters.data, ctx, hidden],
  );
  useEffect(
    () => redraw('hazardSources', (g) => drawHazardSources(g, majorSources, ctx)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [majorSources, ctx, hidden],
  );
  useEffect(
    () => redraw('incidents', (g) => drawIncidents(g, incidents.data ?? [], ctx)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [incidents.data, ctx, hidden],
  );

  const stateOf = (q: { data?: unknown[]; isLoading: boolean; error: unknown }, count?: number): LayerState => ({
    count: count ?? q.data?.length,
    loading: q.isLoading,
    error: q.error ?? undefined,
  });
  const states: Partial<Record<MapLayerId, LayerState>> = {
    incidents: stateOf(incidents),
    teams: stateOf(teams),
    warehouses: stateOf(warehouses),
    warnings: stateOf(warnings, inForce.length),
    outlines: { count: outlines?.features.length },
    enterprises: stateOf(enterprises),
    hazardSources: stateOf(hazardSources, hazardSources.data ? majorSources.length : undefined),
    shelters: stateOf(shelters, shelters.data ? shelters.data.filter((s) => s.active).length : undefined),
  };

  return (
    <section aria-labelledby="map-heading" className="map-screen situation-map">
      <div className="screen-head">
        <h1 id="map-heading">{t('map.title')}</h1>
        <span className="muted small" data-testid="map-tiles">
          {tiles ? t('map.tiles.bureau') : t('map.tiles.offline')}
        </span>
      </div>
      {outlineError && (
        <p className="notice" role="status" data-testid="map-outline-error">
          {t('map.outlineError')}
        </p>
      )}
      <div className="map-body">
        <div ref={container} className="map" data-testid="map" role="application" aria-label={t('map.title')} />
        <LayerPanel
          layers={MAP_LAYERS}
          prefs={prefs}
          onChange={setPrefs}
          states={states}
          warningsWithoutArea={withoutArea}
        />
      </div>
    </section>
  );
}
