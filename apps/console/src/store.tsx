import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import { get } from './api';
import { connectLive, type SessionEnd } from './live-socket';
import { comparePositions } from './position';
import { initialState, reducer, type Action, type State } from './store-reducer';
import { durationText, formatTime } from './time';
import type { RollCallView } from '@app/duty/contract';
import type { IncidentView as Incident, TimelineEntryView as TimelineEntry } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { TeamView as Team } from '@app/teams/contract';
import type { WarehouseView as Warehouse } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';
import type { Alert, Session } from './ui-types';

export type { Action, State } from './store-reducer';
export type { SessionEnd } from './live-socket';

export interface StoreValue {
  state: State;
  dispatch: React.Dispatch<Action>;
  /** Follow one incident's room as well as the jurisdiction's (detail screen); null to stop. */
  focusIncident: (incidentId: string | null) => void;
  /** Reload every list over HTTP (after a reconnect, a snapshot.required, or on demand). */
  refetchAll: () => Promise<void>;
  refetchIncident: (incidentId: string) => Promise<void>;
  /**
   * Resolves once a live delta at or after `position` has arrived (the read models have applied the command), or
   * after `maxMs` whatever came: what a screen waits for after a `202 Accepted` before reading its data again.
   */
  whenLiveReaches: (position: string | null, maxMs?: number) => Promise<void>;
}

/** Exported for component tests, which provide a store value of their own. */
export const StoreContext = createContext<StoreValue | null>(null);

export function useStore(): StoreValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore outside StoreProvider');
  return value;
}

export function StoreProvider({
  session,
  onSessionEnd,
  children,
}: {
  session: Session;
  onSessionEnd: (why: SessionEnd) => void;
  children: ReactNode;
}) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const queryClient = useQueryClient();
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
    const [calls, warnings] = await Promise.allSettled([
      get<RollCallView[]>('/duty/roll-calls'),
      get<WarningView[]>('/warnings?status=active'),
    ]);
    if (calls.status === 'fulfilled') {
      for (const call of calls.value) {
        for (const target of call.targets) {
          if (target.jurisdiction !== mine || target.status !== 'pending' || Date.parse(call.dueAt) < Date.now())
            continue;
          raise({
            key: `rollcall:${call.id}:${target.jurisdiction}`,
            kind: 'rollcall.issued',
            receivedAt: new Date().toISOString(),
            rollCallId: call.id,
            rollCallTarget: target.jurisdiction,
            message: `${call.jurisdictionName}点名：请${target.jurisdictionName}值班人员于 ${formatTime(call.dueAt, true)} 前应答${call.message ? `（${call.message}）` : ''}`,
          });
        }
      }
    }
    if (warnings.status === 'fulfilled') {
      for (const w of warnings.value) {
        if (w.status !== 'active' || w.drillId) continue;
        raise({
          key: `warning:${w.id}`,
          kind: 'warning.issued',
          receivedAt: new Date().toISOString(),
          warningLevel: w.level,
          message: `【${w.levelLabel}】${w.jurisdictionName} ${w.hazard}：${w.message}`,
        });
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
    // Whatever the features keep in the query cache may have missed deltas too.
    jobs.push(queryClient.invalidateQueries());
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === 'rejected') console.warn('refetch failed', r.reason);
  }, [refetchIncident, seedAlerts, queryClient]);

  const subscribe = useCallback(async (socket: Socket) => {
    const body: { jurisdiction: string; incidentId?: string } = { jurisdiction: sessionRef.current.user.jurisdiction };
    if (focus.current) body.incidentId = focus.current;
    try {
      await socket.timeout(10_000).emitWithAck('subscribe', body);
    } catch {
      /* answered by the next reconnect */
    }
  }, []);

  const focusIncident = useCallback(
    (incidentId: string | null) => {
      if (focus.current === incidentId) return;
      focus.current = incidentId;
      const socket = socketRef.current;
      if (socket?.connected) void subscribe(socket);
    },
    [subscribe],
  );

  // Jurisdiction tree and a first snapshot once per sign-in (the socket's connect refetches again).
  useEffect(() => {
    get<JurisdictionNode[]>('/jurisdictions').then(
      (tree) => dispatch({ type: 'jurisdictions', tree }),
      () => undefined,
    );
    void refetchAll();
  }, [session.user.id, refetchAll]);

  // The live connection, made again whenever the token changes (the server ends a socket when its token expires).
  useEffect(() => {
    return connectLive({
      token: session.accessToken,
      dispatch,
      lastPosition,
      raised,
      socketRef,
      endRef,
      subscribe,
      refetchAll,
    });
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
        // After 响应终止 the 终报 and 补报 are still owed: every real incident is looked at.
        if (incident.drillId) continue;
        for (const d of incident.deadlines) {
          if (d.status !== 'pending' && d.status !== 'overdue') continue;
          const left = Date.parse(d.dueAt) - now;
          const kind = left < 0 ? 'deadline.overdue' : left <= 10 * 60_000 ? 'deadline.due' : null;
          if (!kind) continue;
          const key = `${kind}:${incident.id}:${d.id}`;
          if (raised.current.has(key)) continue;
          raised.current.add(key);
          const span = durationText(left);
          const what = d.level ? `向${d.levelLabel ?? d.level}上报` : `通知${d.partyLabel ?? d.party ?? ''}`;
          const message =
            kind === 'deadline.overdue'
              ? `「${incident.title}」${what}已逾期 ${span}`
              : `「${incident.title}」须在 ${span}内${what}`;
          dispatch({
            type: 'alert.add',
            alert: { key, kind, message, receivedAt: new Date().toISOString(), incidentId: incident.id },
          });
        }
      }
    };
    check();
    const timer = setInterval(check, 15_000);
    return () => clearInterval(timer);
  }, [state.incidentsLoaded]);

  const whenLiveReaches = useCallback(async (position: string | null, maxMs = 4000) => {
    const until = Date.now() + maxMs;
    // The socket's handler moves the ref; looking at it a few times a second costs nothing and needs no subscription.
    while (Date.now() < until) {
      if (position && comparePositions(lastPosition.current, position) >= 0) return;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }, []);

  const value = useMemo<StoreValue>(
    () => ({ state, dispatch, focusIncident, refetchAll, refetchIncident, whenLiveReaches }),
    [state, focusIncident, refetchAll, refetchIncident, whenLiveReaches],
  );
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

/** Flattened jurisdiction tree, parents first, with depth for indentation. */
export function flattenJurisdictions(
  tree: JurisdictionNode[],
  depth = 0,
): { code: string; name: string; depth: number }[] {
  return tree.flatMap((n) => [{ code: n.code, name: n.name, depth }, ...flattenJurisdictions(n.children, depth + 1)]);
}

/**
 * The user's own jurisdiction and those below it, flattened from that node: the only places the API lets the user
 * report into (the tree from GET /jurisdictions holds every code).
 */
export function jurisdictionsWithin(
  tree: JurisdictionNode[],
  code: string,
): { code: string; name: string; depth: number }[] {
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
