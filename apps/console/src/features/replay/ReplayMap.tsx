import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import L from 'leaflet';
import type { IncidentView } from '@app/incidents/contract';
import type { ReplayEventData } from '@app/replay/contract';
import { useI18n } from '../../i18n';
import { StoreContext } from '../../store';
import { useLabels } from '../labels/labels';
import { addConfiguredTiles } from '../map/base-map';

/** Tooltip text as a DOM node whose text is set as text: names are typed by users and Leaflet reads strings as HTML. */
function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

export interface ReplayPlace {
  kind: 'incident' | 'warehouse' | 'team';
  id: string;
  name: string;
  lat: number;
  lng: number;
  detail: string;
}

const id = (data: unknown, key: string): string | undefined => {
  const v = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
};

/**
 * What the replay's map shows at its instant: each incident at its reported place (from its state), and the warehouses
 * and teams the events played so far involve, at the positions the console knows (a warehouse's site, a team's base).
 */
export function usePlaces(
  states: ReadonlyMap<string, IncidentView>,
  played: readonly ReplayEventData[],
): ReplayPlace[] {
  const store = useContext(StoreContext);
  const { label } = useLabels();
  const teams = store?.state.teams;
  const warehouses = store?.state.warehouses;
  return useMemo(() => {
    const places: ReplayPlace[] = [...states.values()].map((s) => ({
      kind: 'incident',
      id: s.id,
      name: s.title,
      lat: s.location.lat,
      lng: s.location.lng,
      detail: `${label('grade', s.grade)} · ${label('incidentStatus', s.status)}`,
    }));
    const warehouseIds = new Set(played.flatMap((e) => id(e.event.data, 'warehouseId') ?? []));
    for (const wid of warehouseIds) {
      const w = warehouses?.[wid];
      if (w)
        places.push({
          kind: 'warehouse',
          id: wid,
          name: w.name,
          lat: w.location.lat,
          lng: w.location.lng,
          detail: w.location.address,
        });
    }
    const teamIds = new Set(played.flatMap((e) => id(e.event.data, 'teamId') ?? []));
    for (const tid of teamIds) {
      const team = teams?.[tid];
      if (team)
        places.push({
          kind: 'team',
          id: tid,
          name: team.name,
          lat: team.base.lat,
          lng: team.base.lng,
          detail: team.base.address,
        });
    }
    return places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng));
  }, [states, played, teams, warehouses, label]);
}

const STYLE: Record<ReplayPlace['kind'], L.CircleMarkerOptions> = {
  incident: { radius: 9, color: '#111', weight: 2, fillColor: '#dc2626', fillOpacity: 0.9 },
  warehouse: { radius: 7, color: '#5b21b6', weight: 2, fillColor: '#a78bfa', fillOpacity: 0.9 },
  team: { radius: 7, color: '#14532d', weight: 2, fillColor: '#16a34a', fillOpacity: 0.9 },
};

/**
 * The replay's own small map (offline: no base map unless `/console-config.json` names the bureau's tile server).
 * Markers are redrawn from the places at each instant; the view fits them when their set changes.
 */
export function ReplayMap({ places }: { places: readonly ReplayPlace[] }) {
  const { t, lang } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const [tiles, setTiles] = useState<boolean | null>(null);
  const fitted = useRef('');

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomControl: true, attributionControl: true }).setView([37.5, 105.2], 8);
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    let cancelled = false;
    addConfiguredTiles(m, () => cancelled, setTiles);
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const kindName = (kind: ReplayPlace['kind']) => t(`replay.map.${kind}`);
    const colon = lang === 'zh' ? '：' : ': ';
    for (const p of places) {
      L.circleMarker([p.lat, p.lng], { ...STYLE[p.kind], className: `replay-marker-${p.kind}` })
        .bindTooltip(
          textNode(`${kindName(p.kind)}${colon}${p.name}${lang === 'zh' ? `（${p.detail}）` : ` (${p.detail})`}`),
          {
            permanent: true,
            direction: 'top',
            offset: [0, -8],
          },
        )
        .addTo(group);
    }
    const key = places
      .map((p) => `${p.kind}:${p.id}`)
      .sort()
      .join(',');
    if (places.length > 0 && key !== fitted.current) {
      fitted.current = key;
      const bounds = L.latLngBounds(places.map((p) => [p.lat, p.lng] as [number, number]));
      m.fitBounds(bounds.pad(0.3), { maxZoom: 12 });
    }
  }, [places, t, lang]);

  return (
    <section className="panel" aria-labelledby="replay-map-title">
      <h2 id="replay-map-title">{t('replay.map.title')}</h2>
      <div className="legend small">
        <span>
          <span className="sw inc" /> {t('replay.map.incident')}
        </span>
        <span>
          <span className="sw replay-wh" /> {t('replay.map.warehouse')}
        </span>
        <span>
          <span className="sw replay-team" /> {t('replay.map.team')}
        </span>
        {tiles === false && (
          <span className="muted" data-testid="replay-map-offline">
            {t('replay.map.offline')}
          </span>
        )}
      </div>
      <div
        ref={container}
        className="map replay-map"
        data-testid="replay-map"
        data-places={places.length}
        role="region"
        aria-label={t('replay.map.title')}
      />
    </section>
  );
}
