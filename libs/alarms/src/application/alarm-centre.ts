import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/shared';
import type { AlarmKind, AlarmResolution } from '../contract';
import { AlarmNotFoundError } from '../domain/alarm/alarm.errors';
import type { AlarmRaised } from '../domain/alarm/alarm.events';
import { alarmAggregate } from './alarm.aggregate';
import { alarmIdOf } from './alarm-id';

/** A cause pushed by its source: the alarm it raises (its id is derived from `sourceKey`). */
export type PushedAlarmCause = Omit<AlarmRaised['data'], 'alarmId' | 'raisedAt'> & { kind: PushedAlarmKind };

/**
 * The kinds whose sources push their alarms the moment they see the cause (a reading past a threshold must reach the
 * console within a second, which a polling watch cannot promise). The alarm watch never resolves these: only their
 * source knows the cause ended. It still escalates them while nobody has acknowledged them.
 */
export const PUSHED_ALARM_KINDS = ['monitoring', 'hidden_hazard'] as const satisfies readonly AlarmKind[];
export type PushedAlarmKind = (typeof PUSHED_ALARM_KINDS)[number];

export function isPushedKind(kind: AlarmKind): kind is PushedAlarmKind {
  return (PUSHED_ALARM_KINDS as readonly AlarmKind[]).includes(kind);
}

/** Who raised or ended a pushed alarm, on its events (the source's own system actor). */
export interface AlarmSourceActor {
  id: string;
  name: string;
}

/**
 * The alarm centre's door for sources that push (monitoring, hidden hazards). Raising and resolving are idempotent by
 * source key, like the watch's own decisions: a replayed reading or a second replica stores one alarm, and a cause that
 * ended and came back raises the same alarm anew.
 */
@Injectable()
export class AlarmCentre {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Raises the alarm of this cause unless it is already open; answers its id and whether an event was stored. */
  async raise(
    cause: PushedAlarmCause,
    actor: AlarmSourceActor,
    at: Date = this.clock.now(),
  ): Promise<{ alarmId: string; raised: boolean }> {
    const alarmId = alarmIdOf(cause.sourceKey);
    const result = await this.executor.execute(
      alarmAggregate,
      alarmId,
      { type: 'RaiseAlarm', alarm: { ...cause, alarmId }, now: at },
      this.context(actor, cause.jurisdiction),
    );
    return { alarmId, raised: result.events.length > 0 };
  }

  /** Ends the alarm of this cause if one is open; answers whether an event was stored. */
  async resolve(
    sourceKey: string,
    jurisdiction: string,
    reason: AlarmResolution,
    actor: AlarmSourceActor,
    at: Date = this.clock.now(),
  ): Promise<boolean> {
    const alarmId = alarmIdOf(sourceKey);
    try {
      const result = await this.executor.execute(
        alarmAggregate,
        alarmId,
        { type: 'ResolveAlarm', reason, now: at },
        this.context(actor, jurisdiction),
      );
      return result.events.length > 0;
    } catch (error) {
      // Never raised: nothing to end.
      if (error instanceof AlarmNotFoundError) return false;
      throw error;
    }
  }

  private context(actor: AlarmSourceActor, jurisdiction: string): CommandContext {
    const correlationId = randomUUID();
    return { correlationId, causationId: correlationId, actorId: actor.id, actorName: actor.name, jurisdiction };
  }
}
