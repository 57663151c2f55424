import { comparePositions, maxPosition } from './position';
import type { IncidentView as Incident, TimelineEntryView as TimelineEntry } from '@app/incidents/contract';
import type { PlanSuggestionsView as PlanSuggestions } from '@app/plans/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { TeamView as Team } from '@app/teams/contract';
import type { StockLineView as StockLine, WarehouseView as Warehouse } from '@app/warehouses/contract';
import type { Alert, ConnectionState } from './ui-types';

/**
 * The console's state: read models by id, kept equal to the server by HTTP snapshots (on start and after every
 * reconnect) plus live deltas from Socket.IO `/console` (each `{ position, data }`), newest position wins.
 */
export interface State {
  incidents: Record<string, Incident>;
  incidentsLoaded: boolean;
  teams: Record<string, Team>;
  warehouses: Record<string, Warehouse>;
  timelines: Record<string, TimelineEntry[]>;
  suggestions: Record<string, PlanSuggestions>;
  alerts: Alert[];
  connection: ConnectionState;
  /**
   * When the live line was lost (ISO instant), until the console has caught up again after a reconnect (resumed and
   * reloaded): everything shown is as of then. Null while the data is current.
   */
  staleSince: string | null;
  lastPosition: string | null;
  jurisdictions: JurisdictionNode[];
}

export const initialState: State = {
  incidents: {},
  incidentsLoaded: false,
  teams: {},
  warehouses: {},
  timelines: {},
  suggestions: {},
  alerts: [],
  connection: 'connecting',
  staleSince: null,
  lastPosition: null,
  jurisdictions: [],
};

export type Action =
  | { type: 'incidents.loaded'; incidents: Incident[] }
  | { type: 'incident.upsert'; incident: Incident }
  | { type: 'teams.loaded'; teams: Team[] }
  | { type: 'team.upsert'; team: Team }
  | { type: 'warehouses.loaded'; warehouses: Warehouse[] }
  | { type: 'stock.line'; line: StockLine }
  | { type: 'timeline.loaded'; incidentId: string; entries: TimelineEntry[] }
  | { type: 'timeline.append'; entry: TimelineEntry }
  | { type: 'suggestions'; suggestions: PlanSuggestions }
  | { type: 'alert.add'; alert: Alert }
  | { type: 'alert.update'; key: string; patch: Partial<Alert> }
  | { type: 'alert.dismiss'; key: string }
  | { type: 'alert.clear' }
  | { type: 'connection'; state: ConnectionState; at?: string }
  | { type: 'live.current' }
  | { type: 'position'; position: string | null; reset?: boolean }
  | { type: 'jurisdictions'; tree: JurisdictionNode[] }
  | { type: 'reset' };

/** The newer of two versions of one read-model row: by global position, then by revision. */
function newer<T extends { position?: string; revision?: number }>(current: T | undefined, incoming: T): T {
  if (!current) return incoming;
  const byPosition = comparePositions(incoming.position, current.position);
  if (byPosition !== 0) return byPosition > 0 ? incoming : current;
  return (incoming.revision ?? 0) >= (current.revision ?? 0) ? incoming : current;
}

const timelineKey = (e: TimelineEntry) => `${e.revision}:${e.position}:${e.type}`;

export function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'incidents.loaded': {
      const incidents: Record<string, Incident> = {};
      for (const incident of action.incidents) incidents[incident.id] = newer(state.incidents[incident.id], incident);
      // Drill incidents opened directly are not on the real board list; keep them.
      for (const [id, incident] of Object.entries(state.incidents))
        if (!incidents[id] && incident.drillId) incidents[id] = incident;
      return { ...state, incidents, incidentsLoaded: true };
    }
    case 'incident.upsert':
      return {
        ...state,
        incidents: {
          ...state.incidents,
          [action.incident.id]: newer(state.incidents[action.incident.id], action.incident),
        },
      };
    case 'teams.loaded': {
      const teams: Record<string, Team> = {};
      for (const team of action.teams) teams[team.id] = newer(state.teams[team.id], team);
      return { ...state, teams };
    }
    case 'team.upsert':
      return { ...state, teams: { ...state.teams, [action.team.id]: newer(state.teams[action.team.id], action.team) } };
    case 'warehouses.loaded': {
      const warehouses: Record<string, Warehouse> = {};
      for (const w of action.warehouses) warehouses[w.id] = w;
      return { ...state, warehouses };
    }
    case 'stock.line': {
      const w = state.warehouses[action.line.warehouseId];
      if (!w) return state;
      const exists = w.stock.some((l) => l.materialCode === action.line.materialCode);
      const stock = exists
        ? w.stock.map((l) => (l.materialCode === action.line.materialCode ? action.line : l))
        : [...w.stock, action.line];
      return { ...state, warehouses: { ...state.warehouses, [w.id]: { ...w, stock } } };
    }
    case 'timeline.loaded': {
      // Entries that arrived live while the request was under way are kept.
      const seen = new Set(action.entries.map(timelineKey));
      const live = (state.timelines[action.incidentId] ?? []).filter((e) => !seen.has(timelineKey(e)));
      const entries = [...action.entries, ...live].sort(
        (a, b) => comparePositions(a.position, b.position) || a.revision - b.revision,
      );
      return { ...state, timelines: { ...state.timelines, [action.incidentId]: entries } };
    }
    case 'timeline.append': {
      const current = state.timelines[action.entry.incidentId];
      if (!current) return state; // not open: loaded in full when it is
      if (current.some((e) => timelineKey(e) === timelineKey(action.entry))) return state;
      return { ...state, timelines: { ...state.timelines, [action.entry.incidentId]: [...current, action.entry] } };
    }
    case 'suggestions':
      return { ...state, suggestions: { ...state.suggestions, [action.suggestions.incidentId]: action.suggestions } };
    case 'alert.add': {
      const rest = state.alerts.filter((a) => a.key !== action.alert.key);
      return { ...state, alerts: [action.alert, ...rest].slice(0, 200) };
    }
    case 'alert.update':
      return { ...state, alerts: state.alerts.map((a) => (a.key === action.key ? { ...a, ...action.patch } : a)) };
    case 'alert.dismiss':
      return { ...state, alerts: state.alerts.filter((a) => a.key !== action.key) };
    case 'alert.clear':
      return { ...state, alerts: [] };
    case 'connection': {
      // Stale from the first loss on; a reconnect alone does not make the data current again (see 'live.current').
      const staleSince = action.state === 'disconnected' ? (state.staleSince ?? action.at ?? null) : state.staleSince;
      return state.connection === action.state && state.staleSince === staleSince
        ? state
        : { ...state, connection: action.state, staleSince };
    }
    case 'live.current':
      return state.staleSince === null ? state : { ...state, staleSince: null };
    case 'position':
      return {
        ...state,
        lastPosition: action.reset ? action.position : maxPosition(state.lastPosition, action.position),
      };
    case 'jurisdictions':
      return { ...state, jurisdictions: action.tree };
    case 'reset':
      return initialState;
  }
}
