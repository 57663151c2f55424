import { useQuery } from '@tanstack/react-query';
import type { NearbyIncidentView } from '@app/incidents/contract';
import { get } from '../../api';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';

/** Where the form stands: a valid position (and the address typed or picked), or null while there is none. */
export interface NearbyPoint {
  lat: number;
  lng: number;
  address: string;
}

/**
 * Incidents the server has received within 1 km of the point (or at the same address) in the last hour. The server
 * decides "the last hour" by its clock, so the key holds only the point.
 */
export function nearbyQuery(point: NearbyPoint) {
  return {
    queryKey: ['intake', 'nearby', point.lat, point.lng, point.address],
    queryFn: () => {
      const params = new URLSearchParams({ lat: String(point.lat), lng: String(point.lng), radiusM: '1000' });
      if (point.address) params.set('address', point.address);
      return get<NearbyIncidentView[]>(`/incidents/nearby?${params.toString()}`);
    },
    // Never answered from the cache: an incident logged a moment ago (perhaps from this very console) must show.
    staleTime: 0,
  };
}

export function useNearbyIncidents(point: NearbyPoint | null) {
  return useQuery({
    ...nearbyQuery(point ?? { lat: 0, lng: 0, address: '' }),
    enabled: point !== null,
  });
}

/** The warning shown before submit, with a link to each incident and the box that confirms this one is another. */
export function NearbyIncidentsWarning({
  incidents,
  confirmed,
  onConfirm,
}: {
  incidents: NearbyIncidentView[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="intake-nearby" data-testid="intake-nearby" role="alert">
      <strong>{t('intake.nearby.title')}</strong>
      <p className="small">{t('intake.nearby.intro')}</p>
      <ul>
        {incidents.map((i) => (
          <li key={i.id}>
            <a
              href={`/incidents/${i.id}`}
              data-testid="intake-nearby-link"
              // A new tab: the report being typed stays on screen (it is in the draft as well).
              target="_blank"
              rel="noopener noreferrer">
              {t('intake.nearby.item', {
                title: i.title,
                address: i.address,
                distance: i.distanceM,
                time: formatTime(i.receivedAt),
              })}
            </a>
          </li>
        ))}
      </ul>
      <label className="small">
        <input
          type="checkbox"
          data-testid="intake-nearby-confirm"
          checked={confirmed}
          onChange={(e) => onConfirm(e.target.checked)}
        />{' '}
        {t('intake.nearby.confirm')}
      </label>
    </div>
  );
}
