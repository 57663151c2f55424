import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { ShelterView } from '@app/shelters/contract';
import type { IncidentView } from '@app/incidents/contract';
import type { TeamView } from '@app/teams/contract';
import type { StockLineView, WarehouseView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import { get, getWithHeaders, getAll } from '../../api';
import { rememberIncidents } from '../../app/incident-changes';
import { useLiveMessages } from '../../app/live-events';
import { comparePositions } from '../../position';
import type { DrillFilter } from './map-prefs';

/**
 * The map's server state, in the query cache and kept current by live deltas. Teams and warehouses share the keys of
 * their boards (`['teams']`, `['warehouses']`): one request serves both screens and either's deltas update both.
 */

/** Rows per page of open incidents: the server's largest, so a city's open incidents take few requests. */
export const INCIDENT_PAGE = 500;
/** A bound on pages followed, so a server answering a Link loop cannot keep the map loading forever. */
const MAX_PAGES = 40;

export function openIncidentsPath(drill: DrillFilter): string {
  const params = new URLSearchParams({ status: 'open', limit: String(INCIDENT_PAGE) });
  if (drill === 'drill') params.set('drill', 'drill');
  return `/incidents?${params.toString()}`;
}

/** The `rel="next"` target of a Link header, as a path under the API's base. */
export function nextPath(link: string | null): string | null {
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '');
  if (!match) return null;
  const url = new URL(match[1]!, 'http://console.invalid');
  return url.pathname.replace(/^\/api\/v1/, '') + url.search;
}

/** Every open incident of the caller's jurisdictions: page after page, following each answer's `Link`. */
export async function loadOpenIncidents(drill: DrillFilter): Promise<IncidentView[]> {
  const all: IncidentView[] = [];
  let path: string | null = openIncidentsPath(drill);
  for (let page = 0; path && page < MAX_PAGES; page++) {
    const answer: { body: IncidentView[]; headers: Headers } = await getWithHeaders<IncidentView[]>(path);
    all.push(...answer.body);
    rememberIncidents(answer.body);
    path = nextPath(answer.headers.get('link'));
  }
  return all;
}

/** A record replaces the cached one unless the cache already holds a later version; `keep` false removes it. */
export function upsert<T extends { id: string; position: string }>(
  list: T[] | undefined,
  record: T,
  keep: boolean,
): T[] | undefined {
  if (!list) return list;
  const current = list.find((r) => r.id === record.id);
  if (current && comparePositions(current.position, record.position) > 0) return list;
  if (!keep) return current ? list.filter((r) => r.id !== record.id) : list;
  return current ? list.map((r) => (r.id === record.id ? record : r)) : [...list, record];
}

/** Whether an incident belongs on the map under the drill filter: open, and real or drill as chosen. */
export function incidentShown(incident: IncidentView, drill: DrillFilter): boolean {
  return incident.status === 'open' && (drill === 'drill' ? incident.drillId !== null : incident.drillId === null);
}

/** Whether a warning's area is drawn: in force (not lifted, not past its expiry) and not a drill's. */
export function warningInForce(warning: WarningView, now = Date.now()): boolean {
  return warning.status === 'active' && warning.drillId === null && Date.parse(warning.expires) > now;
}

export function useMapIncidents(drill: DrillFilter, enabled: boolean) {
  const client = useQueryClient();
  const key = ['map', 'incidents', drill];
  useLiveMessages(['incident.changed'], (m) => {
    const incident = m.data as IncidentView;
    client.setQueryData<IncidentView[]>(key, (list) => upsert(list, incident, incidentShown(incident, drill)));
  });
  return useQuery({ queryKey: key, queryFn: () => loadOpenIncidents(drill), enabled });
}

export function useMapTeams(enabled: boolean) {
  const client = useQueryClient();
  useLiveMessages(['team.changed'], (m) =>
    client.setQueryData<TeamView[]>(['teams'], (list) => upsert(list, m.data as TeamView, true)),
  );
  return useQuery({ queryKey: ['teams'], queryFn: () => getAll<TeamView>('/teams'), enabled });
}

/** A `stock.changed` delta: the one line it carries replaces the cached line of its warehouse and material. */
export function withStockLine(list: WarehouseView[] | undefined, line: StockLineView): WarehouseView[] | undefined {
  if (!list) return list;
  return list.map((w) => {
    if (w.id !== line.warehouseId) return w;
    const known = w.stock.some((l) => l.materialCode === line.materialCode);
    const stock = known ? w.stock.map((l) => (l.materialCode === line.materialCode ? line : l)) : [...w.stock, line];
    return { ...w, stock };
  });
}

export function useMapWarehouses(enabled: boolean) {
  const client = useQueryClient();
  useLiveMessages(['stock.changed'], (m) =>
    client.setQueryData<WarehouseView[]>(['warehouses'], (list) => withStockLine(list, m.data as StockLineView)),
  );
  return useQuery({ queryKey: ['warehouses'], queryFn: () => getAll<WarehouseView>('/warehouses'), enabled });
}

export const WARNINGS_PATH = '/warnings?status=active';

export function useMapWarnings(enabled: boolean) {
  const client = useQueryClient();
  const key = ['map', 'warnings'];
  useLiveMessages(['warning.issued', 'warning.changed'], (m) => {
    const warning = m.data as WarningView;
    client.setQueryData<WarningView[]>(key, (list) => upsert(list, warning, warningInForce(warning)));
  });
  return useQuery({ queryKey: key, queryFn: () => get<WarningView[]>(WARNINGS_PATH), enabled });
}

/**
 * The enterprises of the caller's jurisdictions. The register has no live delta: it changes by an admin's hand, rarely,
 * and the map reads it again on every visit and after a reconnect. Shares the register's key, so a registration made
 * in this session shows at once.
 */
export const MAP_ENTERPRISES_KEY = ['enterprises', 'list', ''] as const;
export function useMapEnterprises(enabled: boolean) {
  return useQuery({
    queryKey: MAP_ENTERPRISES_KEY,
    queryFn: () => getAll<EnterpriseView>('/enterprises'),
    enabled,
    staleTime: 0,
  });
}

/** The major hazard sources (Σq/Q ≥ 1) of the caller's jurisdictions, each with its grade. */
export const HAZARD_SOURCES_PATH = '/hazard-sources?major=true';
export function useMapHazardSources(enabled: boolean) {
  return useQuery({
    queryKey: ['hazard-sources', 'map'],
    queryFn: () => getAll<HazardSourceView>(HAZARD_SOURCES_PATH),
    enabled,
    staleTime: 0,
  });
}

/**
 * The emergency shelters of the caller's jurisdictions. Shares the register's key, so a count recorded in this session
 * shows at once; another console's count comes with `shelter.changed`, or on the next visit.
 */
export function useMapShelters(enabled: boolean) {
  const client = useQueryClient();
  useLiveMessages(['shelter.changed'], () => void client.invalidateQueries({ queryKey: ['shelters'] }));
  return useQuery({
    queryKey: ['shelters', 'list', ''],
    queryFn: () => getAll<ShelterView>('/shelters'),
    enabled,
    staleTime: 0,
  });
}
