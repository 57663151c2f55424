import { useQuery } from '@tanstack/react-query';
import type {
  DeviceKeyView,
  EnterpriseIndustry,
  EnterpriseView,
  HazardAssessmentHistoryEntry,
  HazardSourceView,
} from '@app/enterprises/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import { useCallback } from 'react';
import { get, getAll } from '../../api';
import { dictionaries, useI18n } from '../../i18n';
import type { Session } from '../../ui-types';

/**
 * The registers' server state in the query cache. The registers change by an admin's hand and carry no live delta:
 * each screen reads its list again when it is opened (`staleTime: 0`), a save patches or invalidates what it changed,
 * and a reconnect invalidates everything (app/query-client.ts).
 */
export const INDUSTRIES: readonly EnterpriseIndustry[] = [
  'hazardous_chemicals',
  'coal_mine',
  'non_coal_mine',
  'fireworks',
  'metallurgy',
  'industry_trade',
  'construction',
  'gas',
  'other',
];

/**
 * The symbols of GB 18218-2018 Table 2 (J: health hazards, W: physical hazards) a substance the standard does not name
 * is registered under: the server takes Q and β from the symbol's row.
 */
export const HAZARD_CLASSES = [
  'J1',
  'J2',
  'J3',
  'J4',
  'J5',
  'W1.1',
  'W1.2',
  'W1.3',
  'W2',
  'W3',
  'W4',
  'W5.1',
  'W5.2',
  'W5.3',
  'W5.4',
  'W6.1',
  'W6.2',
  'W7.1',
  'W7.2',
  'W8',
  'W9.1',
  'W9.2',
  'W10',
  'W11',
] as const;
export type HazardClassCode = (typeof HAZARD_CLASSES)[number];

export interface EnterpriseFilter {
  jurisdiction?: string;
  industry?: string;
  q?: string;
}

export interface HazardSourceFilter {
  jurisdiction?: string;
  enterpriseId?: string;
  grade?: string;
  major?: boolean;
}

/** `?a=1&b=2` of the filter's set values, in a fixed order (one cache entry per distinct filter). */
export function queryString(filter: Record<string, string | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const enterprisesKey = (qs: string) => ['enterprises', 'list', qs] as const;
export const enterpriseKey = (id: string) => ['enterprises', 'one', id] as const;
export const deviceKeysKey = (id: string) => ['enterprises', 'device-keys', id] as const;
export const hazardSourcesKey = (qs: string) => ['hazard-sources', 'list', qs] as const;
export const hazardSourceKey = (id: string) => ['hazard-sources', 'one', id] as const;
export const hazardHistoryKey = (id: string) => ['hazard-sources', 'history', id] as const;
export const JURISDICTION_TREE_KEY = ['jurisdictions'] as const;

export function useEnterprises(filter: EnterpriseFilter = {}) {
  const qs = queryString({ jurisdiction: filter.jurisdiction, industry: filter.industry, q: filter.q?.trim() });
  return useQuery({
    queryKey: enterprisesKey(qs),
    queryFn: () => getAll<EnterpriseView>(`/enterprises${qs}`),
    staleTime: 0,
  });
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: enterpriseKey(id),
    queryFn: () => get<EnterpriseView>(`/enterprises/${id}`),
    staleTime: 0,
  });
}

export function useDeviceKeys(id: string, enabled: boolean) {
  return useQuery({
    queryKey: deviceKeysKey(id),
    queryFn: () => getAll<DeviceKeyView>(`/enterprises/${id}/device-keys`),
    enabled,
    staleTime: 0,
  });
}

export function useHazardSources(filter: HazardSourceFilter = {}, enabled = true) {
  const qs = queryString({
    jurisdiction: filter.jurisdiction,
    enterpriseId: filter.enterpriseId,
    grade: filter.grade,
    major: filter.major,
  });
  return useQuery({
    queryKey: hazardSourcesKey(qs),
    queryFn: () => getAll<HazardSourceView>(`/hazard-sources${qs}`),
    enabled,
    staleTime: 0,
  });
}

export function useHazardSource(id: string) {
  return useQuery({
    queryKey: hazardSourceKey(id),
    queryFn: () => get<HazardSourceView>(`/hazard-sources/${id}`),
    staleTime: 0,
  });
}

export function useHazardHistory(id: string) {
  return useQuery({
    queryKey: hazardHistoryKey(id),
    queryFn: () => get<HazardAssessmentHistoryEntry[]>(`/hazard-sources/${id}/history`),
    staleTime: 0,
  });
}

/** The jurisdiction tree (names for codes, the filters' choices); shared with the other screens under one key. */
export function useJurisdictionTree() {
  return useQuery({ queryKey: JURISDICTION_TREE_KEY, queryFn: () => get<JurisdictionNode[]>('/jurisdictions') });
}

/** Every jurisdiction of the tree, depth first, each with its depth (for an indented select). */
export function flatTree(
  tree: readonly JurisdictionNode[],
  depth = 0,
): { code: string; name: string; depth: number }[] {
  return tree.flatMap((n) => [{ code: n.code, name: n.name, depth }, ...flatTree(n.children, depth + 1)]);
}

/** Σq/Q and R as the registers print them: at most two decimals. */
export function figure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Math.round(value * 100) / 100);
}

/**
 * A server code named from this feature's catalogue in the console's language; a code the console does not know yet
 * shows the label the server sent beside it.
 */
export function useCodeNames() {
  const { lang } = useI18n();
  return useCallback(
    (group: 'enterprises.industry' | 'hazards.category' | 'hazards.unitKind', code: string, serverLabel: string) => {
      const dict = dictionaries[lang] as Record<string, string>;
      const key = `${group}.${code}`;
      return Object.hasOwn(dict, key) ? dict[key]! : serverLabel;
    },
    [lang],
  );
}

/** Registering and editing units, hazard sources, sensors and device keys is the admins' work. */
export const isAdmin = (session: Session) => session.user.roles.includes('admin');
