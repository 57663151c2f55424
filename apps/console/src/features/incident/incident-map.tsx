import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import { useI18n } from '../../i18n';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import { assignedStatus } from './moves-sheet';
import { Panel, label } from './shared';
import { addConfiguredTiles, loadOutlines } from '../map/base-map';

/** How many of the nearest warehouses the mini-map shows besides those already supplying the incident. */
const NEARBY_WAREHOUSES = 3;

/** Leaflet reads a tooltip string as HTML; names are typed by users, so labels go in as text nodes. */
function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** Kilometres between two points (haversine), to one decimal: enough to order warehouses and say how far. */
export function kmBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

/** The warehouses to show: those the incident draws from, then the nearest others, each with its distance. */
export function warehousesFor(
  incident: IncidentView,
  warehouses: Record<string, WarehouseView>,
): { warehouse: WarehouseView; km: number; supplying: boolean }[] {
  const supplying = new Set(incident.allocations.filter((a) => a.status !== 'cancelled').map((a) => a.warehouseId));
  const all = Object.values(warehouses)
    .map((warehouse) => ({
      warehouse,
      km: kmBetween(incident.location, warehouse.location),
      supplying: supplying.has(warehouse.id),
    }))
    .sort((a, b) => a.km - b.km);
  const nearest = all.filter((w) => !w.supplying).slice(0, NEARBY_WAREHOUSES);
  return [...all.filter((w) => w.supplying), ...nearest];
}

/**
 * The incident on a small map with the teams sent to it (where they last reported) and the warehouses near it. Like
 * the situation map it needs no network: no base map unless `/console-config.json` names the bureau's tile server,
 * the jurisdiction outlines from the console itself. The same facts are listed in words under the map.
 */
export function IncidentMapPanel({
  incident,
  teams,
  warehouses,
}: {
  incident: IncidentView;
  teams: Record<string, TeamView>;
  warehouses: Record<string, WarehouseView>;
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const assigned = useMemo(
    () =>
      incident.assignedTeams
        .filter((a) => !a.simulated)
        .map((a) => ({ a, team: teams[a.teamId], status: assignedStatus(a, teams[a.teamId], incident.id) }))
        .filter((x) => x.status !== 'available'),
    [incident, teams],
  );
  const shownWarehouses = useMemo(() => warehousesFor(incident, warehouses), [incident, warehouses]);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomControl: true, attributionControl: true }).setView(
      [incident.location.lat, incident.location.lng],
      11,
    );
    map.current = m;
    markers.current = L.layerGroup().addTo(m);
    let cancelled = false;
    addConfiguredTiles(m, () => cancelled);
    loadOutlines()
      .then((geo) => {
        if (cancelled) return;
        L.geoJSON(geo, {
          interactive: false,
          style: () => ({ className: 'mini-outline', weight: 1, dashArray: '5 4', fillOpacity: 0.03 }),
        })
          .addTo(m)
          .bringToBack();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      markers.current = null;
    };
    // The map is made once per incident; its markers follow below.
  }, [incident.id]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const m = map.current;
    const group = markers.current;
    if (!m || !group) return;
    group.clearLayers();
    const scene: L.LatLngExpression = [incident.location.lat, incident.location.lng];
    const points: L.LatLngExpression[] = [scene];
    for (const w of shownWarehouses) {
      const at: L.LatLngExpression = [w.warehouse.location.lat, w.warehouse.location.lng];
      points.push(at);
      L.circleMarker(at, { className: 'mini-marker mini-warehouse', radius: 6, weight: 2 })
        .bindTooltip(textNode(`${t('incident.map.warehouse')}：${w.warehouse.name}`))
        .addTo(group);
    }
    for (const { a, team, status } of assigned) {
      if (!team) continue;
      const at: L.LatLngExpression = [team.location.lat, team.location.lng];
      points.push(at);
      L.circleMarker(at, { className: 'mini-marker mini-team', radius: 7, weight: 2 })
        .bindTooltip(textNode(`${a.name}（${label(t, `teamStatus.${status}`, status)}）`))
        .addTo(group);
    }
    L.circleMarker(scene, { className: 'mini-marker mini-incident', radius: 9, weight: 2 })
      // Hover labels only: a permanent one would cover the teams gathered at the scene; the key below names them all.
      .bindTooltip(textNode(`${t('incident.map.incident')}：${incident.title}`))
      .addTo(group);
    if (points.length > 1) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 13 });
    else m.setView(scene, 12);
  }, [incident.title, incident.location.lat, incident.location.lng, assigned, shownWarehouses, t]);

  return (
    <Panel title={t('incident.map')}>
      <div
        ref={container}
        className="map incident-mini-map"
        data-testid="incident-mini-map"
        role="application"
        aria-label={t('incident.map.aria')}
      />
      <ul className="incident-map-key small" data-testid="incident-map-key">
        <li>
          <i className="mini-sw mini-incident" aria-hidden="true" /> {t('incident.map.incident')}：
          {incident.location.address}
        </li>
        {assigned.map(({ a, status }) => (
          <li key={a.teamId} data-testid="map-team" data-team-id={a.teamId}>
            <i className="mini-sw mini-team" aria-hidden="true" /> {t('incident.map.team')}：{a.name}（
            {label(t, `teamStatus.${status}`, status)}）
          </li>
        ))}
        {shownWarehouses.map((w) => (
          <li key={w.warehouse.id} data-testid="map-warehouse" data-warehouse-id={w.warehouse.id}>
            <i className="mini-sw mini-warehouse" aria-hidden="true" /> {t('incident.map.warehouse')}：
            {w.warehouse.name} · {w.km} {t('km')}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
