import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useI18n } from '../../i18n';
import { addConfiguredTiles, loadOutlines } from '../map/base-map';

/**
 * A small Leaflet map on which a click sets the incident's position. Like the situation map: no base map unless the
 * configuration names a tile server, schematic outlines from jurisdictions.geojson, labels as text nodes.
 */
export function PlaceMap({
  lat,
  lng,
  onPick,
}: {
  lat: number | null;
  lng: number | null;
  onPick: (lat: number, lng: number) => void;
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    if (!container.current) return;
    const m = L.map(container.current, { zoomControl: true, attributionControl: true }).setView([37.2, 105.3], 8);
    map.current = m;
    let cancelled = false;
    addConfiguredTiles(m, () => cancelled);
    loadOutlines()
      .then((geo) => {
        if (cancelled) return;
        const layer = L.geoJSON(geo, {
          // The outlines must not swallow the click that sets the point.
          interactive: false,
          style: () => ({ color: '#2563eb', weight: 1.5, dashArray: '6 4', fillOpacity: 0.04 }),
        }).addTo(m);
        if (marker.current === null) m.fitBounds(layer.getBounds(), { padding: [10, 10] });
      })
      .catch(() => undefined);
    // Six decimals are about 10 cm: more than any caller's account is worth, and what the form shows.
    m.on('click', (e: L.LeafletMouseEvent) =>
      pick.current(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))),
    );
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      marker.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    marker.current?.remove();
    marker.current = null;
    if (lat === null || lng === null) return;
    marker.current = L.circleMarker([lat, lng], {
      className: 'intake-map-point',
      radius: 8,
      color: '#111',
      fillColor: '#c81e1e',
      fillOpacity: 0.9,
      weight: 2,
    }).addTo(m);
  }, [lat, lng]);

  return (
    <div>
      <p className="muted small">{t('intake.place.mapHint')}</p>
      <div
        ref={container}
        className="map intake-map"
        data-testid="intake-map"
        role="application"
        aria-label={t('intake.place.openMap')}
      />
    </div>
  );
}
