import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import { loadConsoleConfig } from '../../api';
import { useI18n, type Translate } from '../../i18n';
import { label } from '../labels/labels';
import { navigate } from '../../router';
import { useStore } from '../../store';

const GRADE_COLOURS: Record<string, string> = {
  general: '#1f6fd1',
  major: '#d4a106',
  serious: '#e0641b',
  especially_serious: '#c81e1e',
};
const TEAM_COLOURS: Record<string, string> = {
  available: '#2e8b57',
  dispatched: '#d97706',
  en_route: '#d97706',
  on_scene: '#c2410c',
  returning: '#6b7280',
  out_of_service: '#9ca3af',
};

/**
 * Leaflet treats a string given to a tooltip (or popup, or attribution) as HTML. Names and titles are typed by users,
 * so every label goes in as a DOM node whose text is set as text: markup in a name shows as the characters typed.
 */
function textLabel(...parts: string[]): HTMLElement {
  const label = document.createElement('span');
  label.textContent = parts.join('');
  return label;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For the one Leaflet option that only takes an HTML string (the tile attribution, from configuration): escaped. */
function escapedAttribution(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The properties each outline carries in jurisdictions.geojson. */
type OutlineProperties = { level?: string; name?: string; code?: string };

/** An outline's tooltip: the jurisdiction's name, marked as schematic; its code is never shown. */
export function outlineText(properties: OutlineProperties | null | undefined, t: Translate, lang: 'zh' | 'en'): string {
  const name = properties?.name ?? '';
  return lang === 'en' ? `${name} (${t('map.schematic')})` : `${name}（${t('map.schematic')}）`;
}

/** A team marker's tooltip: kind of marker, the team's name and its status in the console's language. */
export function teamText(
  team: { name: string; status: string; statusLabel?: string },
  t: Translate,
  lang: 'zh' | 'en',
) {
  const status = label('teamStatus', team.status, team.statusLabel, lang);
  return lang === 'en' ? `${t('map.teams')}: ${team.name} (${status})` : `${t('map.teams')}：${team.name}（${status}）`;
}

/** Leaflet without a base map by default: schematic jurisdiction outlines (static GeoJSON) and markers. */
export function MapScreen() {
  const { t, lang } = useI18n();
  const { state } = useStore();
  // The outlines are drawn once; their tooltips read the language through this ref.
  const tooltipLang = useRef({ t, lang });
  useEffect(() => {
    tooltipLang.current = { t, lang };
  }, [t, lang]);
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const markerRenderer = useRef<L.Renderer | undefined>(undefined);
  const [outlineError, setOutlineError] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomControl: true, attributionControl: true, preferCanvas: true }).setView(
      [37.2, 105.3],
      8,
    );
    map.current = m;
    markers.current = L.layerGroup().addTo(m);
    // Markers are SVG (the outlines stay on the canvas): each marker is an element of its own that the pointer and
    // the browser tests reach; a few hundred circles cost nothing.
    markerRenderer.current = L.svg({ padding: 0.5 });
    let cancelled = false;
    // loadConsoleConfig falls back instead of rejecting: nothing to catch here.
    void loadConsoleConfig().then((config) => {
      if (!cancelled && config.tileUrl)
        L.tileLayer(config.tileUrl, { attribution: escapedAttribution(config.tileAttribution ?? ''), maxZoom: 18 })
          .addTo(m)
          .bringToBack();
    });
    fetch('/jurisdictions.geojson')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((geo: GeoJSON.FeatureCollection) => {
        if (cancelled) return;
        const layer = L.geoJSON<OutlineProperties>(geo, {
          style: (f) => ({
            color:
              f?.properties?.level === 'park' ? '#7c3aed' : f?.properties?.level === 'city' ? '#1e3a5f' : '#2563eb',
            weight: f?.properties?.level === 'city' ? 3 : 1.5,
            dashArray: '6 4',
            fillOpacity: f?.properties?.level === 'city' ? 0.02 : 0.05,
          }),
          onEachFeature: (f, l) =>
            l.bindTooltip(() => textLabel(outlineText(f.properties, tooltipLang.current.t, tooltipLang.current.lang)), {
              sticky: true,
            }),
        }).addTo(m);
        layer.bringToBack();
        m.fitBounds(layer.getBounds(), { padding: [20, 20] });
      })
      .catch(() => setOutlineError(true));
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const group = markers.current;
    if (!group) return;
    const renderer = markerRenderer.current;
    group.clearLayers();
    for (const w of Object.values(state.warehouses)) {
      L.circleMarker([w.location.lat, w.location.lng], {
        renderer,
        className: 'map-marker marker-warehouse',
        radius: 6,
        color: '#5b21b6',
        fillColor: '#a78bfa',
        fillOpacity: 0.9,
        weight: 2,
      })
        .bindTooltip(textLabel(t('map.warehouses'), lang === 'en' ? ': ' : '：', w.name))
        .addTo(group);
    }
    for (const team of Object.values(state.teams)) {
      const c = TEAM_COLOURS[team.status] ?? '#2e8b57';
      L.circleMarker([team.location.lat, team.location.lng], {
        renderer,
        className: 'map-marker marker-team',
        radius: 5,
        color: c,
        fillColor: c,
        fillOpacity: 0.8,
        weight: 1,
      })
        .bindTooltip(textLabel(teamText(team, t, lang)))
        .addTo(group);
    }
    for (const i of Object.values(state.incidents)) {
      if (i.status !== 'open') continue;
      const c = GRADE_COLOURS[i.grade] ?? '#c81e1e';
      L.circleMarker([i.location.lat, i.location.lng], {
        renderer,
        className: 'map-marker marker-incident',
        radius: 10,
        color: '#111',
        fillColor: c,
        fillOpacity: 0.95,
        weight: 2,
      })
        .bindTooltip(textLabel(t('map.incidents'), lang === 'en' ? ': ' : '：', i.title))
        .on('click', () => navigate(`/incidents/${i.id}`))
        .addTo(group);
    }
  }, [state.incidents, state.teams, state.warehouses, t, lang]);

  return (
    <section aria-labelledby="map-heading" className="map-screen">
      <div className="screen-head">
        <h1 id="map-heading">{t('map.title')}</h1>
        <div className="legend small">
          <span>
            <i className="sw inc" />
            {t('map.incidents')}
          </span>
          <span>
            <i className="sw team" />
            {t('map.teams')}
          </span>
          <span>
            <i className="sw wh" />
            {t('map.warehouses')}
          </span>
          <span className="muted">{t('map.note')}</span>
        </div>
      </div>
      {outlineError && (
        <p className="notice" role="status" data-testid="map-outline-error">
          {t('map.outlineError')}
        </p>
      )}
      <div ref={container} className="map" data-testid="map" role="application" aria-label={t('map.title')} />
    </section>
  );
}
