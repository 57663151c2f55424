import { io, type Socket } from 'socket.io-client';
import { publishLive } from './app/live-events';
import { maxPosition } from './position';
import type {
  ConsoleControlMessages,
  LiveDeltaMessage,
  LiveDeltaName,
  LiveDeltaPayloads,
} from '@app/event-sourcing/contract';
import type { Action } from './store-reducer';
import type { Alert, AlertKind } from './ui-types';

export type SessionEnd = 'expired' | 'revoked';

/** What the live connection shares with the store: its dispatch, and the refs the store keeps across connections. */
export interface LiveWiring {
  token: string;
  dispatch: (action: Action) => void;
  /** Newest global position applied; sent with `resume` after a reconnect so the server replays what was missed. */
  lastPosition: { current: string | null };
  /** Keys of alerts already raised, so that one raised twice (live and derived) shows once. */
  raised: { current: Set<string> };
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
  const { token, dispatch, lastPosition, raised, socketRef, endRef, subscribe, refetchAll } = w;
  const socket = io('/console', {
    auth: { token },
    transports: ['websocket', 'polling'],
    tryAllTransports: true, // fall back to long-polling where a proxy refuses WebSocket
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socketRef.current = socket;
  dispatch({ type: 'connection', state: 'connecting' });
  // Features that keep their data in the query cache take their deltas from here (app/live-events.ts).
  socket.onAny((name: string, payload: unknown) => publishLive(name, payload));

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
    if (first)
      alert(
        'plan.suggested',
        `plan.suggested:${s.incidentId}:${position ?? ''}`,
        `${s.title ?? ''}：${s.suggestions.map((x) => `${x.title}（${x.level}）`).join('、')}`,
        { incidentId: s.incidentId },
      );
  });
  for (const kind of ['warning.issued', 'warning.changed'] as const) {
    socket.on(kind, (delta: LiveDeltaMessage<typeof kind>) => {
      if (delta?.data?.id) raised.current.add(`warning:${delta.data.id}`);
    });
    on(kind, (w, position) =>
      alert(
        kind,
        `${kind}:${w.id}:${position ?? ''}`,
        `【${w.levelLabel ?? w.level ?? ''}】${w.jurisdictionName ?? ''} ${w.hazard ?? ''}：${w.message ?? ''}${w.statusLabel ? `（${w.statusLabel}）` : ''}`,
        { warningLevel: w.level },
      ),
    );
  }
  on('rollcall.issued', (r) => {
    raised.current.add(`rollcall:${r.rollCallId}:${r.target}`);
    alert('rollcall.issued', `rollcall:${r.rollCallId}:${r.target}`, r.message, {
      rollCallId: r.rollCallId,
      rollCallTarget: r.target,
    });
  });
  on('rollcall.answered', (r) =>
    dispatch({
      type: 'alert.update',
      key: `rollcall:${r.rollCallId}:${r.target}`,
      patch: { answered: true, message: r.message },
    }),
  );
  on('rollcall.missed', (r) => {
    dispatch({ type: 'alert.dismiss', key: `rollcall:${r.rollCallId}:${r.target}` });
    alert('rollcall.missed', `rollcall.missed:${r.rollCallId}:${r.target}`, r.message, {
      rollCallId: r.rollCallId,
      rollCallTarget: r.target,
    });
  });

  return () => {
    socket.removeAllListeners();
    socket.disconnect();
    if (socketRef.current === socket) socketRef.current = null;
  };
}
