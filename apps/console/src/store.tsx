import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { get } from './api';
import { comparePositions, maxPosition } from './position';
import { formatTime } from './time';
import type { RollCallView } from '@app/duty/contract';
import type {
  ConsoleControlMessages, LiveDeltaMessage, LiveDeltaName, LiveDeltaPayloads,
} from '@app/event-sourcing/contract';
import type { IncidentView as Incident, TimelineEntryView as TimelineEntry } from '@app/incidents/contract';
import type { PlanSuggestionsView as PlanSuggestions } from '@app/plans/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { TeamView as Team } from '@app/teams/contract';
import type { StockLineView as StockLine, WarehouseView as Warehouse } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import type { Alert, AlertKind, ConnectionState, Session } from './ui-types';

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
  lastPosition: string | null;
  jurisdictions: JurisdictionNode[];
}

const initialState: State = {
  incidents: {},
  incidentsLoaded: false,
  teams: {},
  warehouses: {},
  timelines: {},
  suggestions: {},
  alerts: [],
  connection: 'connecting',
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
  | { type: 'connection'; state: ConnectionState }
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

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'incidents.loaded': {
      const incidents: Record<string, Incident> = {};
      for (const incident of action.incidents) incidents[incident.id] = newer(state.incidents[incident.id], incident);
      // Drill incidents opened directly are not on the real board list; keep them.
      for (const [id, incident] of Object.entries(state.incidents)) if (!incidents[id] && incident.drillId) incidents[id] = incident;
      return { ...state, incidents, incidentsLoaded: true };
    }
    case 'incident.upsert':
      return { ...state, incidents: { ...state.incidents, [action.incident.id]: newer(state.incidents[action.incident.id], action.incident) } };
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
      const stock = exists ? w.stock.map((l) => (l.materialCode === action.line.materialCode ? action.line : l)) : [...w.stock, action.line];
      return { ...state, warehouses: { ...state.warehouses, [w.id]: { ...w, stock } } };
    }
    case 'timeline.loaded': {
      // Entries that arrived live while the request was under way are kept.
      const seen = new Set(action.entries.map(timelineKey));
      const live = (state.timelines[action.incidentId] ?? []).filter((e) => !seen.has(timelineKey(e)));
      const entries = [...action.entries, ...live].sort((a, b) => comparePositions(a.position, b.position) || a.revision - b.revision);
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
    case 'connection':
      return state.connection === action.state ? state : { ...state, connection: action.state };
    case 'position':
      return { ...state, lastPosition: action.reset ? action.position : maxPosition(state.lastPosition, action.position) };
    case 'jurisdictions':
      return { ...state, jurisdictions: action.tree };
    case 'reset':
      return initialState;
  }
}

interface StoreValue {
  state: State;
  dispatch: React.Dispatch<Action>;
  /** Follow one incident's room as well as the jurisdiction's (detail screen); null to stop. */
  focusIncident: (incidentId: string | null) => void;
  /** Reload every list over HTTP (after a reconnect, a snapshot.required, or on demand). */
  refetchAll: () => Promise<void>;
  refetchIncident: (incidentId: string) => Promise<void>;
}

const StoreContext = createContext<StoreValue | null>(null);

export function useStore(): StoreValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
}

export type SessionEnd = 'expired' | 'revoked';

export function StoreProvider({ session, onSessionEnd, children }: { session: Session; onSessionEnd: (why: SessionEnd) => void; children: ReactNode }) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const lastPosition = useRef<string | null>(null);
  const focus = useRef<string | null>(null);
  /** Keys of deadline alerts already raised (live or derived), so a dismissed one does not come back. */
  const raised = useRef(new Set<string>());
  const socketRef = useRef<Socket | null>(null);
  const sessionRef = useRef(session);
  const endRef = useRef(onSessionEnd);
  // The socket's handlers read these two; refreshed after each commit (refs are not written during render).
  useEffect(() => {
    sessionRef.current = session;
    endRef.current = onSessionEnd;
  }, [session, onSessionEnd]);

  const refetchIncident = useCallback(async (incidentId: string) => {
    const [incident, timeline] = await Promise.all([
      get<Incident>(`/incidents/${incidentId}`),
      get<TimelineEntry[]>(`/incidents/${incidentId}/timeline`),
    ]);
    dispatch({ type: 'incident.upsert', incident });
    dispatch({ type: 'timeline.loaded', incidentId, entries: timeline });
  }, []);

  /** Open roll calls to this watch and warnings in force, which may predate the connection; each raised once. */
  const seedAlerts = useCallback(async () => {
    const mine = sessionRef.current.user.jurisdiction;
    const raise = (alert: Alert) => {
      if (raised.current.has(alert.key)) return;
      raised.current.add(alert.key);
      dispatch({ type: 'alert.add', alert });
    };
    const [calls, warnings] = await Promise.allSettled([get<RollCallView[]>('/duty/roll-calls'), get<WarningView[]>('/warnings?status=active')]);
    if (calls.status === 'fulfilled') {
      for (const call of calls.value) {
        for (const target of call.targets) {
          if (target.jurisdiction !== mine || target.status !== 'pending' || Date.parse(call.dueAt) < Date.now()) continue;
          raise({
            key: `rollcall:${call.id}:${target.jurisdiction}`, kind: 'rollcall.issued', receivedAt: new Date().toISOString(), rollCallId: call.id, rollCallTarget: target.jurisdiction,
            message: `${call.jurisdictionName}点名：请${target.jurisdictionName}值班人员于 ${formatTime(call.dueAt, true)} 前应答${call.message ? `（${call.message}）` : ''}`,
          });
        }
      }
    }
    if (warnings.status === 'fulfilled') {
      for (const w of warnings.value) {
        if (w.status !== 'active' || w.drillId) continue;
        raise({ key: `warning:${w.id}`, kind: 'warning.issued', receivedAt: new Date().toISOString(), warningLevel: w.level, message: `【${w.levelLabel}】${w.jurisdictionName} ${w.hazard}：${w.message}` });
      }
    }
  }, []);

  const refetchAll = useCallback(async () => {
    const jobs: Promise<unknown>[] = [
      get<Incident[]>('/incidents').then((incidents) => dispatch({ type: 'incidents.loaded', incidents })),
      get<Team[]>('/teams').then((teams) => dispatch({ type: 'teams.loaded', teams })),
      get<Warehouse[]>('/warehouses').then((warehouses) => dispatch({ type: 'warehouses.loaded', warehouses })),
    ];
    if (focus.current) jobs.push(refetchIncident(focus.current));
    jobs.push(seedAlerts());
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === 'rejected') console.warn('refetch failed', r.reason);
  }, [refetchIncident, seedAlerts]);

  const subscribe = useCallback(async (socket: Socket) => {
    const body: { jurisdiction: string; incidentId?: string } = { jurisdiction: sessionRef.current.user.jurisdiction };
    if (focus.current) body.incidentId = focus.current;
    try {
      await socket.timeout(10_000).emitWithAck('subscribe', body);
    } catch {
      /* answered by the next reconnect */
    }
  }, []);

  const focusIncident = useCallback((incidentId: string | null) => {
    if (focus.current === incidentId) return;
    focus.current = incidentId;
    const socket = socketRef.current;
    if (socket?.connected) void subscribe(socket);
  }, [subscribe]);

  // Jurisdiction tree and a first snapshot once per sign-in (the socket's connect refetches again).
  useEffect(() => {
    get<JurisdictionNode[]>('/jurisdictions').then((tree) => dispatch({ type: 'jurisdictions', tree }), () => undefined);
    void refetchAll();
  }, [session.user.id, refetchAll]);

  // The live connection, made again whenever the token changes (the server ends a socket when its token expires).
  useEffect(() => {
    const socket = io('/console', {
      auth: { token: session.accessToken },
      transports: ['websocket', 'polling'],
      tryAllTransports: true, // fall back to long-polling where a proxy refuses WebSocket
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    socketRef.current = socket;
    dispatch({ type: 'connection', state: 'connecting' });

    const seen = (position: string | null | undefined) => {
      if (!position) return;
      lastPosition.current = maxPosition(lastPosition.current, position);
      dispatch({ type: 'position', position });
    };
    // Each live delta is `{ position, data }`, its data typed by the server's map of delta payloads.
    type Apply<N extends LiveDeltaName> = (data: LiveDeltaPayloads[N], position: string | null | undefined) => void;
    const on = <N extends LiveDeltaName>(name: N, apply: Apply<N>) => {
      socket.on(name as string, (delta: LiveDeltaMessage<N>) => {
        if (!delta || typeof delta !== 'object') return;
        apply(delta.data, delta.position);
        seen(delta.position);
      });
    };
    const alert = (kind: AlertKind, key: string, message: string, extra: Partial<Alert> = {}) =>
      dispatch({ type: 'alert.add', alert: { key, kind, message, receivedAt: new Date().toISOString(), ...extra } });

    socket.on('connect', () => {
      dispatch({ type: 'connection', state: 'connected' });
      void (async () => {
        await subscribe(socket);
        if (lastPosition.current) {
          try {
            await socket.timeout(10_000).emitWithAck('resume', { since: lastPosition.current });
          } catch {
            /* the refetch below covers it */
          }
        }
        await refetchAll();
      })();
    });
    socket.on('disconnect', () => dispatch({ type: 'connection', state: 'disconnected' }));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      dispatch({ type: 'connection', state: 'disconnected' });
      // Refused by the handshake middleware: socket.io does not retry, the session is over.
      if (error.data?.code === 'UNAUTHENTICATED') endRef.current('expired');
      // The server could not check the token (its database is restarting): try again, still signed in.
      if (error.data?.code === 'UNAVAILABLE') setTimeout(() => { if (socketRef.current === socket && !socket.connected) socket.connect(); }, 3000);
    });
    socket.on('session.expired', (msg: ConsoleControlMessages['session.expired'] | undefined) => {
      endRef.current(msg?.data?.reason === 'token_expired' || msg?.data?.reason === 'session_expired' ? 'expired' : 'revoked');
    });
    socket.on('snapshot.required', () => {
      lastPosition.current = null;
      dispatch({ type: 'position', position: null, reset: true });
      void refetchAll();
    });

    on('incident.changed', (incident) => dispatch({ type: 'incident.upsert', incident }));
    on('team.changed', (team) => dispatch({ type: 'team.upsert', team }));
    on('stock.changed', (line) => dispatch({ type: 'stock.line', line }));
    on('timeline.appended', (entry) => dispatch({ type: 'timeline.append', entry }));
    for (const kind of ['deadline.due', 'deadline.overdue'] as const) {
      on(kind, (d) => {
        const key = `${kind}:${d.incidentId}:${d.obligationId}`;
        if (raised.current.has(key)) return;
        raised.current.add(key);
        alert(kind, key, d.message, { incidentId: d.incidentId });
      });
    }
    on('plan.suggested', (s, position) => {
      dispatch({ type: 'suggestions', suggestions: s });
      const first = s.suggestions[0];
      if (first) alert('plan.suggested', `plan.suggested:${s.incidentId}:${position ?? ''}`, `${s.title ?? ''}：${s.suggestions.map((x) => `${x.title}（${x.level}）`).join('、')}`, { incidentId: s.incidentId });
    });
    for (const kind of ['warning.issued', 'warning.changed'] as const) {
      socket.on(kind, (delta: LiveDeltaMessage<typeof kind>) => { if (delta?.data?.id) raised.current.add(`warning:${delta.data.id}`); });
      on(kind, (w, position) =>
        alert(kind, `${kind}:${w.id}:${position ?? ''}`, `【${w.levelLabel ?? w.level ?? ''}】${w.jurisdictionName ?? ''} ${w.hazard ?? ''}：${w.message ?? ''}${w.statusLabel ? `（${w.statusLabel}）` : ''}`, { warningLevel: w.level }));
    }
    on('rollcall.issued', (r) => {
      raised.current.add(`rollcall:${r.rollCallId}:${r.target}`);
      alert('rollcall.issued', `rollcall:${r.rollCallId}:${r.target}`, r.message, { rollCallId: r.rollCallId, rollCallTarget: r.target });
    });
    on('rollcall.answered', (r) => dispatch({ type: 'alert.update', key: `rollcall:${r.rollCallId}:${r.target}`, patch: { answered: true, message: r.message } }));
    on('rollcall.missed', (r) => {
      dispatch({ type: 'alert.dismiss', key: `rollcall:${r.rollCallId}:${r.target}` });
      alert('rollcall.missed', `rollcall.missed:${r.rollCallId}:${r.target}`, r.message, { rollCallId: r.rollCallId, rollCallTarget: r.target });
    });

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      if (socketRef.current === socket) socketRef.current = null;
    };
  }, [session.accessToken, subscribe, refetchAll]);

  // Deadlines already due or overdue when the console loads (the server announces each alarm once, possibly before
  // this console connected): raise the same alerts locally, once per obligation, with the live alerts' keys.
  const incidentsRef = useRef(state.incidents);
  useEffect(() => {
    incidentsRef.current = state.incidents;
  }, [state.incidents]);
  useEffect(() => {
    const check = () => {
      const now = Date.now();
      for (const incident of Object.values(incidentsRef.current)) {
        if (incident.status !== 'open' || incident.drillId) continue;
        for (const d of incident.deadlines) {
          if (d.status !== 'pending') continue;
          const left = Date.parse(d.dueAt) - now;
          const kind = left < 0 ? 'deadline.overdue' : left <= 10 * 60_000 ? 'deadline.due' : null;
          if (!kind) continue;
          const key = `${kind}:${incident.id}:${d.id}`;
          if (raised.current.has(key)) continue;
          raised.current.add(key);
          const minutes = Math.round(Math.abs(left) / 60_000);
          const level = d.levelLabel ?? d.level;
          const message = kind === 'deadline.overdue' ? `「${incident.title}」向${level}上报已超时 ${minutes} 分钟` : `「${incident.title}」须在 ${minutes} 分钟内向${level}上报`;
          dispatch({ type: 'alert.add', alert: { key, kind, message, receivedAt: new Date().toISOString(), incidentId: incident.id } });
        }
      }
    };
    check();
    const timer = setInterval(check, 15_000);
    return () => clearInterval(timer);
  }, [state.incidentsLoaded]);

  const value = useMemo<StoreValue>(() => ({ state, dispatch, focusIncident, refetchAll, refetchIncident }), [state, focusIncident, refetchAll, refetchIncident]);
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

/** Flattened jurisdiction tree, parents first, with depth for indentation. */
export function flattenJurisdictions(tree: JurisdictionNode[], depth = 0): { code: string; name: string; depth: number }[] {
  return tree.flatMap((n) => [{ code: n.code, name: n.name, depth }, ...flattenJurisdictions(n.children, depth + 1)]);
}

/**
 * The user's own jurisdiction and those below it, flattened from that node: the only places the API lets the user
 * report into (the tree from GET /jurisdictions holds every code).
 */
export function jurisdictionsWithin(tree: JurisdictionNode[], code: string): { code: string; name: string; depth: number }[] {
  for (const node of tree) {
    if (node.code === code) return flattenJurisdictions([node]);
    const below = jurisdictionsWithin(node.children, code);
    if (below.length > 0) return below;
  }
  return [];
}

export function can(session: Session, action: 'report' | 'command' | 'ack'): boolean {
  const roles = session.user.roles;
  if (action === 'command') return roles.includes('commander');
  return roles.includes('commander') || roles.includes('duty_officer');
}
