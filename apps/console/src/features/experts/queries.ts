import { useQuery } from '@tanstack/react-query';
import type { ConsultationView, ExpertRecommendationsView, ExpertSpecialty, ExpertView } from '@app/experts/contract';
import { useCallback } from 'react';
import { get, getAll } from '../../api';
import { dictionaries, useI18n } from '../../i18n';
import type { JurisdictionNode } from '@app/shared/contract';
import type { Session } from '../../ui-types';

/**
 * The expert library's server state in the query cache. The library changes by an admin's hand: each screen reads it
 * again when opened (`staleTime: 0`), and a save invalidates what it changed. An incident's consultations follow the
 * `consultation.changed` delta when the server sends one, and are read again after every answer of this console.
 */
export const SPECIALTIES: readonly ExpertSpecialty[] = [
  'hazardous_chemicals',
  'coal_mine',
  'non_coal_mine',
  'fire',
  'road_traffic',
  'construction',
  'special_equipment',
  'gas',
  'industry_trade',
  'fireworks',
  'metallurgy',
  'geology',
  'flood',
  'medical',
  'power',
  'structural',
  'environment',
  'other',
];

export interface ExpertFilter {
  specialty?: string;
  q?: string;
}

/** `?a=1&b=2` of the filter's set values, in a fixed order (one cache entry per distinct filter). */
export function queryString(filter: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const expertKeys = {
  all: ['experts'] as const,
  list: (qs: string) => ['experts', 'list', qs] as const,
  one: (id: string) => ['experts', 'one', id] as const,
};
export const consultationKeys = {
  all: (incidentId: string) => ['consultations', incidentId] as const,
  list: (incidentId: string) => ['consultations', incidentId, 'list'] as const,
  recommendations: (incidentId: string) => ['consultations', incidentId, 'recommendations'] as const,
};

export function useExperts(filter: ExpertFilter = {}) {
  const qs = queryString({ specialty: filter.specialty, q: filter.q?.trim() });
  return useQuery({
    queryKey: expertKeys.list(qs),
    queryFn: () => getAll<ExpertView>(`/experts${qs}`),
    staleTime: 0,
  });
}

export function useExpert(id: string) {
  return useQuery({ queryKey: expertKeys.one(id), queryFn: () => get<ExpertView>(`/experts/${id}`), staleTime: 0 });
}

export function useConsultations(incidentId: string) {
  return useQuery({
    queryKey: consultationKeys.list(incidentId),
    queryFn: () => getAll<ConsultationView>(`/incidents/${incidentId}/experts`),
    staleTime: 0,
  });
}

export function useExpertRecommendations(incidentId: string, enabled: boolean) {
  return useQuery({
    queryKey: consultationKeys.recommendations(incidentId),
    queryFn: () => get<ExpertRecommendationsView>(`/incidents/${incidentId}/expert-recommendations`),
    enabled,
    staleTime: 0,
  });
}

/** A specialty named from this feature's catalogue in the console's language, else the label the server sent. */
export function useSpecialtyName() {
  const { lang } = useI18n();
  return useCallback(
    (code: string, serverLabel?: string) => {
      const dict = dictionaries[lang] as Record<string, string>;
      const key = `experts.specialty.${code}`;
      return Object.hasOwn(dict, key) ? dict[key]! : (serverLabel ?? code);
    },
    [lang],
  );
}

/** Registering, editing and withdrawing experts is the admins' work (`expert.register`). */
export const mayRegisterExperts = (session: Session) => session.user.roles.includes('admin');
/** Inviting experts and recording their answers is the watch's: duty officers and commanders (`expert.consult`). */
export const mayConsult = (session: Session) =>
  session.user.roles.includes('duty_officer') || session.user.roles.includes('commander');

/** The jurisdiction tree (the forms' choices), under the key every screen shares. */
export function useJurisdictionTree() {
  return useQuery({ queryKey: ['jurisdictions'], queryFn: () => get<JurisdictionNode[]>('/jurisdictions') });
}

/** Every jurisdiction of the tree, depth first, each with its depth (for an indented select). */
export function flatTree(
  tree: readonly JurisdictionNode[],
  depth = 0,
): { code: string; name: string; depth: number }[] {
  return tree.flatMap((n) => [{ code: n.code, name: n.name, depth }, ...flatTree(n.children, depth + 1)]);
}
