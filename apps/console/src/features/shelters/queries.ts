import { useQuery } from '@tanstack/react-query';
import type { IncidentView } from '@app/incidents/contract';
import type {
  ShelterFacility,
  ShelterKind,
  ShelterOccupancyEntry,
  ShelterRecommendationsView,
  ShelterView,
} from '@app/shelters/contract';
import { useCallback } from 'react';
import { get, getAll } from '../../api';
import { dictionaries, useI18n } from '../../i18n';
import type { Session } from '../../ui-types';

/**
 * The shelter register's server state in the query cache. Registrations change by an admin's hand; occupancy changes
 * during incidents and follows the `shelter.changed` delta when the server sends one. Every screen reads its list again
 * when opened (`staleTime: 0`) and a command invalidates what it changed.
 */
export const KINDS: readonly ShelterKind[] = ['park', 'school', 'stadium', 'square', 'indoor', 'other'];
export const FACILITIES: readonly ShelterFacility[] = [
  'water',
  'power',
  'lighting',
  'toilets',
  'medical',
  'kitchen',
  'tents',
  'broadcast',
  'firefighting',
  'waste',
  'accessible',
  'command_post',
];

export const shelterKeys = {
  all: ['shelters'] as const,
  list: (qs: string) => ['shelters', 'list', qs] as const,
  one: (id: string) => ['shelters', 'one', id] as const,
  occupancy: (id: string) => ['shelters', 'occupancy', id] as const,
  recommendations: (incidentId: string) => ['shelters', 'recommendations', incidentId] as const,
};

/** Every shelter of the caller's jurisdictions (a bureau registers tens, not thousands: filtered on screen). */
export const SHELTERS_KEY = shelterKeys.list('');
export function useShelters(enabled = true) {
  return useQuery({
    queryKey: SHELTERS_KEY,
    queryFn: () => getAll<ShelterView>('/shelters'),
    enabled,
    staleTime: 0,
  });
}

export function useShelter(id: string) {
  return useQuery({ queryKey: shelterKeys.one(id), queryFn: () => get<ShelterView>(`/shelters/${id}`), staleTime: 0 });
}

export function useOccupancyHistory(id: string) {
  return useQuery({
    queryKey: shelterKeys.occupancy(id),
    queryFn: () => get<ShelterOccupancyEntry[]>(`/shelters/${id}/occupancy`),
    staleTime: 0,
  });
}

export function useShelterRecommendations(incidentId: string, enabled = true) {
  return useQuery({
    queryKey: shelterKeys.recommendations(incidentId),
    queryFn: () => get<ShelterRecommendationsView>(`/incidents/${incidentId}/shelter-recommendations`),
    enabled,
    staleTime: 0,
  });
}

/** The real incidents still in response (drills never change a real shelter's occupancy), to choose one from. */
export function useOpenIncidents(enabled: boolean) {
  return useQuery({
    queryKey: ['shelters', 'open-incidents'],
    queryFn: () => get<IncidentView[]>('/incidents?status=open&limit=200'),
    enabled,
    staleTime: 0,
  });
}

/** A kind or facility named from this feature's catalogue in the console's language, else the server's label. */
export function useShelterWords() {
  const { lang } = useI18n();
  return useCallback(
    (group: 'shelters.kind' | 'shelters.facility', code: string, serverLabel?: string) => {
      const dict = dictionaries[lang] as Record<string, string>;
      const key = `${group}.${code}`;
      return Object.hasOwn(dict, key) ? dict[key]! : (serverLabel ?? code);
    },
    [lang],
  );
}

/** The occupancy rate as a percentage with at most one decimal (0.4567 → 45.7%). */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Registering and editing shelters is the admins' work (`shelter.register`). */
export const mayRegisterShelters = (session: Session) => session.user.roles.includes('admin');
/** Recording occupancy is the watch's: duty officers and commanders (`shelter.occupancy`). */
export const mayRecordOccupancy = (session: Session) =>
  session.user.roles.includes('duty_officer') || session.user.roles.includes('commander');
