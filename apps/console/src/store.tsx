import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import { get, getAll } from './api';
import { connectLive, type SessionEnd } from './live-socket';
import { rememberIncidents } from './app/incident-changes';
import { comparePositions } from './position';
import { initialState, reducer, type Action, type State } from './store-reducer';
import type { IncidentView as Incident, TimelineEntryView as TimelineEntry } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import type { TeamView as Team } from '@app/teams/contract';
import type { WarehouseView as Warehouse } from '@app/warehouses/contract';
import type { Session } from './ui-types';

export type { Action, State } from './store-reducer';
export type { SessionEnd } from './live-socket';

export interface StoreValue {
  state: State;
  dispatch: React.Dispatch<Action>;
  /** Follow one incident's detail (its room: `incident.open`) as well as the jurisdiction (detail screen); null to stop. */
  focusIncident: (incidentId: string | null) => void;
  /** Reload every list over HTTP (after a reconnect, a snapshot.required, or on demand); false if some failed. */
  refetchAll: () => Promise<boolean>;
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
    rememberIncidents([incident]);
    dispatch({ type: 'incident.upsert', incident });
    dispatch({ type: 'timeline.loaded', incidentId, entries: timeline });
  }, []);

  const refetchAll = useCallback(async () => {
    const jobs: Promise<unknown>[] = [
      get<Incident[]>('/incidents').then((incidents) => {
        rememberIncidents(incidents);
        dispatch({ type: 'incidents.loaded', incidents });
      }),
      getAll<Team>('/teams').then((teams) => dispatch({ type: 'teams.loaded', teams })),
      get<Warehouse[]>('/warehouses').then((warehouses) => dispatch({ type: 'warehouses.loaded', warehouses })),
    ];
    if (focus.current) jobs.push(refetchIncident(focus.current));
    // Whatever the features keep in the query cache may have missed deltas too.
    jobs.push(queryClient.invalidateQueries());
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === 'rejected') console.warn('refetch failed', r.reason);
    return results.every((r) => r.status === 'fulfilled');
  }, [refetchIncident, queryClient]);

  // The jurisdiction's board, then the incident shown in detail: its timeline lines come to the consoles that opened
  // it only. A refused open (an incident outside the user's jurisdictions) leaves the screen to its HTTP reads.
  const subscribe = useCallback(async (socket: Socket) => {
    try {
      await socket.timeout(10_000).emitWithAck('subscribe', { jurisdiction: sessionRef.current.user.jurisdiction });
      if (focus.current) await socket.timeout(10_000).emitWithAck('incident.open', { incidentId: focus.current });
    } catch {
      /* answered by the next reconnect */
    }
  }, []);

  const focusIncident = useCallback((incidentId: string | null) => {
    const before = focus.current;
    if (before === incidentId) return;
    focus.current = incidentId;
    const socket = socketRef.current;
    if (!socket?.connected) return; // the next connect opens it
    // Sent back to back: the server handles a socket's messages in order, so quick changes of focus end in the last.
    const sent: Promise<unknown>[] = [];
    if (before) sent.push(socket.timeout(10_000).emitWithAck('incident.close', { incidentId: before }));
    if (incidentId) sent.push(socket.timeout(10_000).emitWithAck('incident.open', { incidentId }));
    void Promise.allSettled(sent); // a lost answer is made good by the next reconnect
  }, []);

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
      socketRef,
      endRef,
      subscribe,
      refetchAll,
    });
  }, [session.accessToken, subscribe, refetchAll]);

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
