import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import type { Actor } from '@app/shared';
import type { ReplayActorView } from '../../contract';
import {
  NothingToReplayError,
  ReplayNotFoundError,
  ReplayNotOwnerError,
  ReplayQuotaError,
  ReplayTooLargeError,
  SeekOutOfRangeError,
  TooManyReplaysError,
} from '../../domain/replay.errors';
import { prefixRecordedBy, replayWaitMs } from '../../domain/replay-timing';
import type { BoardFold } from '../history/board-fold';
import type { History } from '../history/incident-history.reader';
import { describe, eventPayload, finishedPayload, mayFollow, type Replay, type ReplayEmission } from './replay-session';

/** At most this many replays live in one server process; idle ones give way (see `ReplayRegistry.create`). */
export const MAX_REPLAYS = 32;
/** A replay of more events than this is refused (422 REPLAY_TOO_LARGE): each replay keeps its events in memory. */
export const MAX_REPLAY_EVENTS = 20_000;
/** A paused or finished replay nobody touched (API call or subscription) for this long is dropped. */
export const IDLE_EXPIRY_MS = 15 * 60_000;
/**
 * Default of REPLAYS_PER_USER: the replays one user may have running at once. Paused and finished ones do not count:
 * they give way to anyone's new replay when the process is full (see `evictOne`), so they take no slot from others.
 */
export const DEFAULT_REPLAYS_PER_USER = 3;

export const REPLAY_OPTIONS = Symbol('REPLAY_OPTIONS');
export interface ReplayOptions {
  /** Running replays one user may have in this process; the global MAX_REPLAYS still applies. */
  perUser: number;
}

export type { ReplayStatus, ReplayView } from '../../contract';
export type { ReplayEmission, ReplayStatusView } from './replay-session';

/**
 * The replays of this server process, in memory (复盘回放, docs/domain.md rule 23). A replay re-emits the recorded events in log
 * order with the recorded gaps divided by the speed (replay-timing.ts), each with the incident's board view after it.
 * Emissions go out on `emissions`; the console gateway forwards them to room `replay:{id}`.
 */
@Injectable()
export class ReplayRegistry implements OnModuleDestroy {
  readonly emissions = new Subject<ReplayEmission>();
  private readonly replays = new Map<string, Replay>();
  private readonly sweep: NodeJS.Timeout;

  private readonly perUser: number;

  constructor(@Optional() @Inject(REPLAY_OPTIONS) options?: ReplayOptions) {
    this.perUser = options?.perUser ?? DEFAULT_REPLAYS_PER_USER;
    this.sweep = setInterval(() => this.expireIdle(), 60_000);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
    for (const replay of this.replays.values()) clearTimeout(replay.timer);
    this.replays.clear();
    this.emissions.complete();
  }

  create(
    source: { incidentId?: string; drillId?: string },
    speed: number,
    history: History,
    fold: BoardFold,
    actor: Actor,
    actors: readonly (ReplayActorView | null)[] = [],
  ): string {
    if (history.events.length === 0) throw new NothingToReplayError();
    if (history.events.length > MAX_REPLAY_EVENTS) {
      throw new ReplayTooLargeError(history.events.length, MAX_REPLAY_EVENTS);
    }
    this.expireIdle();
    if (this.runningOf(actor.userId) >= this.perUser) throw new ReplayQuotaError(this.perUser);
    if (this.replays.size >= MAX_REPLAYS) this.evictOne();
    const times = history.events.map((e) => e.recordedAt.getTime());
    const replay: Replay = {
      id: randomUUID(),
      startedBy: actor.userId,
      startedAt: new Date(),
      incidentId: source.incidentId ?? null,
      drillId: source.drillId ?? null,
      speed,
      jurisdictions: history.jurisdictions,
      events: history.events,
      actors,
      times,
      status: 'running',
      cursor: 0,
      atMs: times[0]!,
      fold,
      timer: undefined,
      touchedAt: Date.now(),
    };
    this.replays.set(replay.id, replay);
    this.schedule(replay);
    return replay.id;
  }

  /** The starter, or a user whose jurisdictions cover every incident in the replay; anyone else: not found. */
  private visible(id: string, actor: Pick<Actor, 'userId' | 'scope'>): Replay {
    const replay = this.replays.get(id);
    if (!replay || !mayFollow(replay, actor)) throw new ReplayNotFoundError();
    replay.touchedAt = Date.now();
    return replay;
  }

  /** Pause, resume and seek: one user's replay is not another's to steer (403 if visible, 404 if not). */
  private owned(id: string, actor: Pick<Actor, 'userId' | 'scope'>): Replay {
    const replay = this.visible(id, actor);
    if (replay.startedBy !== actor.userId) throw new ReplayNotOwnerError();
    return replay;
  }

  canJoin(id: string, actor: Pick<Actor, 'userId' | 'scope'>): boolean {
    const replay = this.replays.get(id);
    return replay !== undefined && mayFollow(replay, actor);
  }

  status(id: string, actor: Pick<Actor, 'userId' | 'scope'>) {
    return describe(this.visible(id, actor));
  }

  pause(id: string, actor: Pick<Actor, 'userId' | 'scope'>) {
    const replay = this.owned(id, actor);
    if (replay.status === 'running') {
      clearTimeout(replay.timer);
      replay.timer = undefined;
      replay.status = 'paused';
    }
    return describe(replay);
  }

  /** Continues from the replay time reached: the wait to the next event starts afresh. A finished replay stays so. */
  resume(id: string, actor: Pick<Actor, 'userId' | 'scope'>) {
    const replay = this.owned(id, actor);
    if (replay.status === 'paused') {
      // Pausing is no way around the quota: the starter's running replays count when one of them resumes.
      if (this.runningOf(replay.startedBy) >= this.perUser) throw new ReplayQuotaError(this.perUser);
      replay.status = 'running';
      this.schedule(replay);
    }
    return describe(replay);
  }

  /**
   * Changes the speed from the replay time reached: a running replay waits for its next event afresh at the new speed
   * (so a change from ×1 to ×100 takes effect at once, not after the wait already begun).
   */
  setSpeed(id: string, speed: number, actor: Pick<Actor, 'userId' | 'scope'>) {
    const replay = this.owned(id, actor);
    replay.speed = speed;
    if (replay.status === 'running') {
      clearTimeout(replay.timer);
      replay.timer = undefined;
      this.schedule(replay);
    }
    return describe(replay);
  }

  /**
   * Moves to `at` (within the recorded span): the state is refolded up to it and re-sent as a `replay.event` with
   * `seek: true`; a running replay goes on from there, a paused one stays paused, a finished one becomes paused.
   */
  seek(id: string, at: Date, actor: Pick<Actor, 'userId' | 'scope'>) {
    const replay = this.owned(id, actor);
    const atMs = at.getTime();
    const [first, last] = [replay.times[0]!, replay.times[replay.times.length - 1]!];
    if (atMs < first || atMs > last) {
      throw new SeekOutOfRangeError(new Date(first).toISOString(), new Date(last).toISOString());
    }
    clearTimeout(replay.timer);
    replay.timer = undefined;
    const fold = replay.fold.fresh();
    const count = prefixRecordedBy(replay.times, atMs);
    let changed: string | undefined;
    for (let i = 0; i < count; i++) changed = fold.apply(replay.events[i]!);
    replay.fold = fold;
    replay.cursor = count;
    replay.atMs = atMs;
    if (count > 0) this.emit(replay, eventPayload(replay, count - 1, changed ? fold.stateOf(changed) : null, true));
    if (replay.status === 'finished') replay.status = 'paused';
    if (replay.status === 'running') this.schedule(replay);
    return describe(replay);
  }

  /**
   * What a socket joining `replay:{id}` missed: the events re-emitted so far, in order, with their states (refolded
   * from the start, so a late joiner sees the same sequence as one that was there from the first event).
   */
  backlog(id: string): ReplayEmission[] {
    const replay = this.replays.get(id);
    if (!replay) return [];
    replay.touchedAt = Date.now();
    const fold = replay.fold.fresh();
    const out: ReplayEmission[] = [];
    for (let i = 0; i < replay.cursor; i++) {
      const incidentId = fold.apply(replay.events[i]!);
      out.push(eventPayload(replay, i, incidentId ? fold.stateOf(incidentId) : null, false));
    }
    if (replay.status === 'finished') out.push(finishedPayload(replay));
    return out;
  }

  private runningOf(userId: string): number {
    let count = 0;
    for (const replay of this.replays.values()) if (replay.startedBy === userId && replay.status === 'running') count++;
    return count;
  }

  private schedule(replay: Replay): void {
    if (replay.cursor >= replay.events.length) {
      replay.status = 'finished';
      this.emit(replay, finishedPayload(replay));
      return;
    }
    const wait = replayWaitMs(replay.atMs, replay.times[replay.cursor]!, replay.speed);
    replay.timer = setTimeout(() => this.step(replay), wait);
  }

  private step(replay: Replay): void {
    replay.timer = undefined;
    if (replay.status !== 'running' || this.replays.get(replay.id) !== replay) return;
    const index = replay.cursor;
    const event = replay.events[index]!;
    const incidentId = replay.fold.apply(event);
    replay.cursor = index + 1;
    replay.atMs = Math.max(replay.atMs, replay.times[index]!);
    this.emit(replay, eventPayload(replay, index, incidentId ? replay.fold.stateOf(incidentId) : null, false));
    this.schedule(replay);
  }

  private emit(_replay: Replay, emission: ReplayEmission): void {
    this.emissions.next(emission);
  }

  private expireIdle(): void {
    const now = Date.now();
    for (const [id, replay] of this.replays) {
      if (replay.status !== 'running' && now - replay.touchedAt > IDLE_EXPIRY_MS) this.drop(id);
    }
  }

  /** Makes room: drops the least recently touched paused or finished replay; refuses when all are running. */
  private evictOne(): void {
    const idle = [...this.replays.values()]
      .filter((r) => r.status !== 'running')
      .sort((a, b) => a.touchedAt - b.touchedAt)[0];
    if (!idle) throw new TooManyReplaysError(MAX_REPLAYS);
    this.drop(idle.id);
  }

  private drop(id: string): void {
    clearTimeout(this.replays.get(id)?.timer);
    this.replays.delete(id);
  }
}
