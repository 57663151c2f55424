import { formatPosition, type RecordedEvent } from '@app/event-store';
import type { IncidentView } from '@app/incidents';
import type { Actor } from '@app/shared';
import type { ReplayActorView, ReplayMessages, ReplayStatus, ReplayView } from '../../contract';
import type { BoardFold } from '../history/board-fold';

/** What the gateway sends to room `replay:{replayId}`: `replay.event` / `replay.finished`, each `{ position, data }`. */
export type ReplayEmission = {
  [N in keyof ReplayMessages]: { replayId: string; name: N; payload: ReplayMessages[N] };
}[keyof ReplayMessages];

/** One replay in memory: the events it re-emits, how far it got, and the fold of the incidents' boards so far. */
export interface Replay {
  id: string;
  startedBy: string;
  startedAt: Date;
  incidentId: string | null;
  drillId: string | null;
  speed: number;
  jurisdictions: readonly string[];
  events: readonly RecordedEvent[];
  /** Who recorded each event (same index as `events`), named once when the replay starts. */
  actors: readonly (ReplayActorView | null)[];
  times: readonly number[];
  status: ReplayStatus;
  /** Index of the next event to re-emit. */
  cursor: number;
  /** Replay time reached (ms since epoch, recorded-time scale). */
  atMs: number;
  fold: BoardFold;
  timer: NodeJS.Timeout | undefined;
  touchedAt: number;
}

/** The starter, or a user whose jurisdictions cover every incident in the replay. */
export function mayFollow(replay: Replay, actor: Pick<Actor, 'userId' | 'scope'>): boolean {
  return replay.startedBy === actor.userId || replay.jurisdictions.every((code) => actor.scope.includes(code));
}

export function finishedPayload(replay: Replay): ReplayEmission {
  const last = replay.events[replay.events.length - 1]!;
  return {
    replayId: replay.id,
    name: 'replay.finished',
    payload: {
      position: formatPosition(last.position),
      data: { replayId: replay.id, at: new Date(replay.atMs).toISOString(), total: replay.events.length },
    },
  };
}

export function describe(replay: Replay): ReplayView {
  const last = replay.cursor > 0 ? replay.events[replay.cursor - 1]! : undefined;
  return {
    replayId: replay.id,
    incidentId: replay.incidentId,
    drillId: replay.drillId,
    status: replay.status,
    speed: replay.speed,
    /** The replay time reached: the recorded time of the last re-emitted event, or the instant sought. */
    at: new Date(replay.atMs).toISOString(),
    from: new Date(replay.times[0]!).toISOString(),
    to: new Date(replay.times[replay.times.length - 1]!).toISOString(),
    emitted: replay.cursor,
    total: replay.events.length,
    position: last ? formatPosition(last.position) : null,
    startedBy: replay.startedBy,
    startedAt: replay.startedAt.toISOString(),
  };
}

export type ReplayStatusView = ReplayView;

/** The `replay.event` for the event at `index`, with the incident's board view after it (`seek`: sent by a seek). */
export function eventPayload(replay: Replay, index: number, state: IncidentView | null, seek: boolean): ReplayEmission {
  const e = replay.events[index]!;
  const incidentId =
    typeof (e.data as { incidentId?: unknown } | null)?.incidentId === 'string'
      ? (e.data as { incidentId: string }).incidentId
      : null;
  return {
    replayId: replay.id,
    name: 'replay.event',
    payload: {
      position: formatPosition(e.position),
      data: {
        replayId: replay.id,
        index,
        total: replay.events.length,
        incidentId,
        ...(seek ? { seek: true } : {}),
        event: {
          type: e.type,
          streamName: e.streamName,
          revision: Number(e.revision),
          data: e.data,
          recordedAt: e.recordedAt.toISOString(),
        },
        actor: replay.actors[index] ?? null,
        state,
      },
    },
  };
}
