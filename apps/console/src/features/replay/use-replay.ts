import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ApiError, commandPost, get, type CommandOutcome } from '../../api';
import type { IncidentView } from '@app/incidents/contract';
import type {
  ReplayEventData,
  ReplayMessages,
  ReplayStatus as ServerReplayStatus,
  ReplayView,
} from '@app/replay/contract';

/** The screen's own state adds `idle` (nothing started yet) to the server's replay statuses. */
export type ReplayStatus = 'idle' | ServerReplayStatus;

export type ReplaySource = { incidentId: string } | { drillId: string };

export const MIN_SPEED = 1;
export const MAX_SPEED = 100;
export const clampSpeed = (speed: number) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, Math.round(Number(speed) || 1)));

/**
 * One replay followed on its own `/console` socket (room `replay:{id}`, so the live board's subscription is left
 * alone): start, pause, resume, seek and speed through the API, and the events re-emitted so far, by index. A seek
 * re-sends only the state of the last event before the instant, so the hook subscribes again and takes the backlog
 * (the events up to that instant with their states, refolded by the server) instead of patching its own list.
 */
export function useReplay(source: ReplaySource, accessToken: string) {
  const [info, setInfo] = useState<ReplayView | null>(null);
  const [status, setStatus] = useState<ReplayStatus>('idle');
  const [events, setEvents] = useState<ReadonlyMap<number, ReplayEventData>>(new Map());
  const [atMs, setAtMs] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const socketRef = useRef<Socket | null>(null);
  const seekTimer = useRef<number | undefined>(undefined);
  /** After a seek: the index of the last event of the backlog; the backlog does not move the replay time. */
  const resyncUntil = useRef<number | null>(null);

  const closeSocket = useCallback(() => {
    socketRef.current?.removeAllListeners();
    socketRef.current?.disconnect();
    socketRef.current = null;
  }, []);
  useEffect(
    () => () => {
      closeSocket();
      window.clearTimeout(seekTimer.current);
    },
    [closeSocket],
  );

  const subscribe = useCallback((socket: Socket, replayId: string) => {
    void socket
      .timeout(10_000)
      .emitWithAck('subscribe', { replayId })
      .then(
        (ack: { ok: boolean; code?: string; error?: string }) => {
          if (!ack.ok) setError(new ApiError(404, ack.code ?? 'REPLAY_NOT_FOUND', ack.error ?? ''));
        },
        (err: unknown) => setError(err),
      );
  }, []);

  const follow = useCallback(
    (replayId: string) => {
      closeSocket();
      const socket = io('/console', { auth: { token: accessToken }, transports: ['websocket', 'polling'] });
      socketRef.current = socket;
      socket.on('connect', () => subscribe(socket, replayId));
      socket.on('replay.event', (m: ReplayMessages['replay.event']) => {
        const data = m.data;
        if (data.seek) {
          // The instant sought: start the list afresh from the server's backlog up to it.
          resyncUntil.current = data.index;
          setEvents(new Map([[data.index, data]]));
          subscribe(socket, replayId);
          return;
        }
        setEvents((previous) => new Map(previous).set(data.index, data));
        const until = resyncUntil.current;
        if (until !== null) {
          if (data.index >= until) resyncUntil.current = null;
          // The backlog after a seek: the replay time stays at the instant sought.
          if (data.index <= until) return;
        }
        setAtMs((previous) => Math.max(previous ?? 0, Date.parse(data.event.recordedAt)));
      });
      socket.on('replay.finished', (m: ReplayMessages['replay.finished']) => {
        setStatus('finished');
        setAtMs(Date.parse(m.data.at));
      });
    },
    [closeSocket, accessToken, subscribe],
  );

  /** A steering command's answer, or the replay read again when the command was only accepted. */
  const viewOf = useCallback(
    async (replayId: string, outcome: CommandOutcome<ReplayView>) =>
      outcome.kind === 'done' ? outcome.body : get<ReplayView>(`/replays/${replayId}`),
    [],
  );

  const start = useCallback(
    async (speed: number) => {
      setError(null);
      setEvents(new Map());
      setSending(true);
      try {
        // Starting again leaves the earlier replay paused, so it does not hold one of the user's running slots.
        if (info && status === 'running')
          await commandPost<ReplayView>(`/replays/${info.replayId}/pause`).catch(() => undefined);
        const outcome = await commandPost<{ replayId: string }>('/replays', { ...source, speed: clampSpeed(speed) });
        const replayId = outcome.kind === 'done' ? outcome.body.replayId : outcome.accepted.id;
        const described = await get<ReplayView>(`/replays/${replayId}`);
        setInfo(described);
        setAtMs(Date.parse(described.at));
        setStatus(described.status);
        follow(replayId);
      } catch (err) {
        setError(err);
      } finally {
        setSending(false);
      }
    },
    [source, follow, info, status],
  );

  const steer = useCallback(
    async (path: 'pause' | 'resume' | 'speed', body?: unknown) => {
      if (!info) return;
      setSending(true);
      setError(null);
      try {
        const view = await viewOf(
          info.replayId,
          await commandPost<ReplayView>(`/replays/${info.replayId}/${path}`, body),
        );
        setInfo(view);
        setStatus(view.status);
      } catch (err) {
        setError(err);
      } finally {
        setSending(false);
      }
    },
    [info, viewOf],
  );

  const pause = useCallback(() => steer('pause'), [steer]);
  const resume = useCallback(() => steer('resume'), [steer]);
  const changeSpeed = useCallback((speed: number) => steer('speed', { speed: clampSpeed(speed) }), [steer]);

  /** Moves the scrubber at once; the seek itself is sent when the user stops dragging for a quarter second. */
  const seek = useCallback(
    (ms: number) => {
      setAtMs(ms);
      window.clearTimeout(seekTimer.current);
      seekTimer.current = window.setTimeout(() => {
        if (!info) return;
        setError(null);
        commandPost<ReplayView>(`/replays/${info.replayId}/seek`, { at: new Date(ms).toISOString() })
          .then((outcome) => viewOf(info.replayId, outcome))
          .then(
            (view) => {
              setInfo(view);
              setStatus(view.status);
              setAtMs(Date.parse(view.at));
            },
            (err: unknown) => setError(err),
          );
      }, 250);
    },
    [info, viewOf],
  );

  /** The events re-emitted so far in log order, and each incident's board view after the last event that changed it. */
  const played = useMemo(() => [...events.values()].sort((a, b) => a.index - b.index), [events]);
  const states = useMemo(() => {
    const byIncident = new Map<string, IncidentView>();
    for (const e of played) if (e.state) byIncident.set(e.state.id, e.state);
    return byIncident;
  }, [played]);

  return { info, status, played, states, atMs, error, sending, start, pause, resume, seek, changeSpeed };
}
