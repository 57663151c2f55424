import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useI18n } from '../../i18n';
import type { Point } from './warning-model';
import { addConfiguredTiles, loadOutlines } from '../map/base-map';

/**
 * A small map on which each click adds a corner of the warned area. Offline like the other maps: the jurisdiction
 * outlines the console ships, no base map unless `/console-config.json` names the bureau's own tile server.
 */
export function AreaMap({ points, onAdd }: { points: readonly Point[]; onAdd?: (point: Point) => void }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const shape = useRef<L.LayerGroup | null>(null);
  const add = useRef(onAdd);
  useEffect(() => {
    add.current = onAdd;
  }, [onAdd]);
  // An area given at first (调整) is what the view frames; one being drawn never moves the view under the pointer.
  const givenArea = useRef(points.length >= 2);
  const frameArea = useRef(points.length >= 2);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomControl: true, attributionControl: true }).setView([37.4, 105.4], 8);
    map.current = m;
    shape.current = L.layerGroup().addTo(m);
    let cancelled = false;
    addConfiguredTiles(m, () => cancelled);
    loadOutlines()
      .then((geo) => {
        if (cancelled) return;
        const layer = L.geoJSON(geo, {
          // The outlines must not swallow the clicks that draw the area.
          interactive: false,
          style: () => ({ color: '#2563eb', weight: 1.5, dashArray: '6 4', fillOpacity: 0.04 }),
        }).addTo(m);
        if (!givenArea.current) m.fitBounds(layer.getBounds(), { padding: [10, 10] });
      })
      .catch(() => undefined);
    // Five decimals are about a metre: finer than anyone draws a warned area by hand.
    m.on('click', (e: L.LeafletMouseEvent) =>
      add.current?.({ lat: Number(e.latlng.lat.toFixed(5)), lng: Number(e.latlng.lng.toFixed(5)) }),
    );
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      shape.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = shape.current;
    if (!m || !group) return;
    group.clearLayers();
    const latLngs = points.map((p) => L.latLng(p.lat, p.lng));
    if (latLngs.length >= 3)
      L.polygon(latLngs, {
        className: 'warning-area-shape',
        interactive: false,
        color: '#c2410c',
        weight: 2,
        fillOpacity: 0.2,
      }).addTo(group);
    else if (latLngs.length === 2)
      L.polyline(latLngs, { interactive: false, color: '#c2410c', weight: 2 }).addTo(group);
    for (const p of latLngs)
      L.circleMarker(p, {
        className: 'warning-area-corner',
        interactive: false,
        radius: 5,
        color: '#7c2d12',
        fillOpacity: 1,
      }).addTo(group);
    if (frameArea.current && latLngs.length >= 2) {
      frameArea.current = false;
      m.fitBounds(L.latLngBounds(latLngs), { padding: [20, 20], maxZoom: 12 });
    }
  }, [points]);

  return (
    <div
      ref={container}
      className="warning-area-map"
      data-testid="warning-area-map"
      role="application"
      aria-label={t('warnings.form.mapLabel')}
    />
  );
}
