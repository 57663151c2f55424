import { io, type Socket } from 'socket.io-client';
import { publishLive } from './app/live-events';
import { incidentChanges, publishIncidentsTo, type IncidentChange } from './app/incident-changes';
import { maxPosition } from './position';
import type {
  ConsoleControlMessages,
  ConsoleProtocol,
  LiveDeltaName,
  LiveDeltaPayloadsV2,
} from '@app/event-sourcing/contract';
import type { Action } from './store-reducer';
import type { Alert, AlertKind } from './ui-types';

export type SessionEnd = 'expired' | 'revoked';

/**
 * The realtime contract this console speaks (ADR 0020): incident detail deltas only for incidents it opened
 * (`incident.open` / `incident.close`), and `incident.changed` as what changed.
 */
export const CONSOLE_PROTOCOL: ConsoleProtocol = 2;

/** What the live connection shares with the store: its dispatch, and the refs the store keeps across connections. */
export interface LiveWiring {
  token: string;
  dispatch: (action: Action) => void;
  /** Newest global position applied; sent with `resume` after a reconnect so the server replays what was missed. */
  lastPosition: { current: string | null };
  socketRef: { current: Socket | null };
  endRef: { current: (why: SessionEnd) => void };
  subscribe: (socket: Socket) => Promise<void>;
  /** Reloads every list over HTTP; false when some of it could not be read. */
  refetchAll: () => Promise<boolean>;
}

/**
 * Opens Socket.IO `/console` with the session's token and applies every live delta to the store; returns the
 * teardown. On each (re)connect it subscribes again, asks the server to resume from the last position, and refetches
 * the snapshots, so nothing missed while disconnected stays missing.
 */
export function connectLive(w: LiveWiring): () => void {
  const { token, dispatch, lastPosition, socketRef, endRef, subscribe, refetchAll } = w;
  const socket = io('/console', {
    auth: { token, protocol: CONSOLE_PROTOCOL },
    transports: ['websocket', 'polling'],
    tryAllTransports: true, // fall back to long-polling where a proxy refuses WebSocket
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socketRef.current = socket;
  dispatch({ type: 'connection', state: 'connecting' });
  // Features that keep their data in the query cache take their deltas from here (app/live-events.ts). An incident's
  // change is offered to them as the whole incident it makes (app/incident-changes.ts), never as the bare change.
  socket.onAny((name: string, payload: unknown) => {
    if (name !== 'incident.changed') publishLive(name, payload);
  });
  const stopPublishing = publishIncidentsTo((incident) => {
    dispatch({ type: 'incident.upsert', incident });
    publishLive('incident.changed', { position: incident.position, data: incident });
  });

  const seen = (position: string | null | undefined) => {
    if (!position) return;
    lastPosition.current = maxPosition(lastPosition.current, position);
    dispatch({ type: 'position', position });
  };
  // Each live delta is `{ position, data }`, its data typed by the server's map of delta payloads (protocol 2).
  type Apply<N extends LiveDeltaName> = (data: LiveDeltaPayloadsV2[N], position: string | null | undefined) => void;
  const on = <N extends LiveDeltaName>(name: N, apply: Apply<N>) => {
    socket.on(name as string, (delta: { position: string; data: LiveDeltaPayloadsV2[N] }) => {
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
      // The screens are current again once every list has been reloaded; until then they stay marked as stale. A
      // reload that fails (the server still starting) is tried again while this connection lasts.
      while (!(await refetchAll())) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        if (socketRef.current !== socket || !socket.connected) return;
      }
      if (socketRef.current === socket && socket.connected) dispatch({ type: 'live.current' });
    })();
  });
  const lost = () => dispatch({ type: 'connection', state: 'disconnected', at: new Date().toISOString() });
  socket.on('disconnect', lost);
  socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    lost();
    // Refused by the handshake middleware: socket.io does not retry, the session is over.
    if (error.data?.code === 'UNAUTHENTICATED') endRef.current('expired');
    // A server that no longer speaks this console's protocol: only a reload (the newer console) helps.
    if (error.data?.code === 'PROTOCOL_UNSUPPORTED') console.error('控制台版本过旧，请刷新页面', error.message);
    // The server could not check the token (its database is restarting): try again, still signed in.
    if (error.data?.code === 'UNAVAILABLE')
      setTimeout(() => {
        if (socketRef.current === socket && !socket.connected) socket.connect();
      }, 3000);
  });
  socket.on('session.expired', (msg: ConsoleControlMessages['session.expired'] | undefined) => {
    endRef.current(
      msg?.data?.reason === 'token_expired' || msg?.data?.reason === 'session_expired' ? 'expired' : 'revoked',
    );
  });
  socket.on('snapshot.required', () => {
    lastPosition.current = null;
    dispatch({ type: 'position', position: null, reset: true });
    void refetchAll();
  });

  on('incident.changed', (change: IncidentChange) => void incidentChanges.receive(change));
  on('team.changed', (team) => dispatch({ type: 'team.upsert', team }));
  on('stock.changed', (line) => dispatch({ type: 'stock.line', line }));
  on('timeline.appended', (entry) => dispatch({ type: 'timeline.append', entry }));
  // Alarms (deadlines, roll calls, warnings, stock) are kept by the server's alarm centre: features/alarms takes
  // `alarm.raised` / `alarm.changed` from the live bus; here they only move the resume position.
  on('alarm.raised', () => undefined);
  on('alarm.changed', () => undefined);
  on('plan.suggested', (s, position) => {
    dispatch({ type: 'suggestions', suggestions: s });
    const first = s.suggestions[0];
    if (first)
      alert(
        'plan.suggested',
        `plan.suggested:${s.incidentId}:${position ?? ''}`,
        `${s.title ?? ''}：${s.suggestions.map((x) => `${x.title}（${x.level}）`).join('、')}`,
        { incidentId: s.incidentId },
      );
  });
  return () => {
    stopPublishing();
    socket.removeAllListeners();
    socket.disconnect();
    if (socketRef.current === socket) socketRef.current = null;
  };
}
