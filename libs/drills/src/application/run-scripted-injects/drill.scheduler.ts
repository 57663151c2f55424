import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { CLOCK, DomainError, StaleRevisionError, type Clock } from '@app/shared';
import { TickJob } from '@app/shared/nest';
import { dueInjects } from '../../domain/drill/drill.types';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import { drillAggregate } from '../drill.aggregate';
import { InjectExecutor } from '../injects/inject-executor';

export const DRILL_OPTIONS = Symbol('DRILL_OPTIONS');
export interface DrillOptions {
  tickMs: number;
}

const SYSTEM_ACTOR = 'system:drill-scheduler';

/** The key of a scripted inject's side effects: the same on every tick and in every process. */
export const scriptedInjectKey = (drillId: string, index: number): string => `drill-inject:${drillId}:${index}`;

/**
 * Runs scripted injects (情景注入) when they fall due. Nothing is held in memory: every tick derives what is due
 * from the stored drills (start time, what ran) and the clock, so a restart loses nothing. The inject's side
 * effects are keyed (re-running them creates nothing new); `InjectExecuted` is appended with the expected revision
 * of the drill as it was loaded, so if another tick or process got there first, this one stops.
 */
@Injectable()
export class DrillScheduler extends TickJob<{ drillId: string; index: number }> {
  constructor(
    private readonly drills: DrillRegisterQueries,
    private readonly executor: CommandExecutor,
    private readonly injects: InjectExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DRILL_OPTIONS) options: DrillOptions,
  ) {
    super('DrillScheduler', 'drill', options.tickMs);
  }

  /** One pass; collects the injects it recorded as executed. */
  protected async run(done: { drillId: string; index: number }[]): Promise<void> {
    const now = this.clock.now();
    for (const drillId of await this.drills.dueForInjects(now)) done.push(...(await this.runDue(drillId, now)));
  }

  private async runDue(drillId: string, now: Date): Promise<{ drillId: string; index: number }[]> {
    const done: { drillId: string; index: number }[] = [];
    // Injects that failed in this pass wait for the next tick; the ones after them still run now.
    const failedNow = new Set<number>();
    for (;;) {
      const { state, revision } = await this.executor.load(drillAggregate, drillId);
      // Ended (or not yet started) drills execute nothing.
      if (state.status !== 'running' || revision === undefined) return done;
      const next = dueInjects(state.scenario, state.startedAt, [...state.executed, ...state.skipped], now).find(
        (due) => !failedNow.has(due.index),
      );
      if (!next) return done;
      const correlationId = randomUUID();
      const context = {
        correlationId,
        causationId: correlationId,
        actorId: SYSTEM_ACTOR,
        actorName: '演练导调',
        jurisdiction: state.jurisdiction,
        drillId,
      };
      const key = scriptedInjectKey(drillId, next.index);
      let incidentId: string | null;
      try {
        incidentId = await this.injects.execute(state, next.inject.kind, next.inject.payload, key, context);
      } catch (error) {
        failedNow.add(next.index);
        this.warn(`drill ${drillId} inject ${next.index}`, error);
        // The failure is recorded (and after the last attempt the inject is given up), so the coordinator sees why.
        if (!(await this.recordFailure(drillId, next.index, error, revision, context))) return done;
        continue;
      }
      try {
        const command = {
          type: 'RecordInjectExecuted',
          index: next.index,
          kind: next.inject.kind,
          payload: next.inject.payload,
          incidentId,
          now: this.clock.now(),
        } as const;
        const result = await this.executor.execute(drillAggregate, drillId, command, {
          ...context,
          expectedRevision: revision,
          idempotencyKey: key,
        });
        // A replayed key means another scheduler recorded this very inject: it is done, but not by this tick.
        if (result.replayed || result.events.length === 0) return done;
        done.push({ drillId, index: next.index });
      } catch (error) {
        // Another tick or process recorded it first (its side effects were the same keyed ones): nothing to do here.
        if (error instanceof StaleRevisionError) return done;
        this.warn(`drill ${drillId} inject ${next.index}`, error);
        return done;
      }
    }
  }

  /** Records one failed attempt; false when the drill moved on meanwhile (another process, an end) or it cannot be stored. */
  private async recordFailure(
    drillId: string,
    index: number,
    error: unknown,
    revision: bigint,
    context: Omit<CommandContext, 'expectedRevision'>,
  ): Promise<boolean> {
    // A refusal carries its Chinese detail and code; anything else is a fault whose text stays in the log.
    const known = error instanceof DomainError;
    const command = {
      type: 'RecordInjectFailed',
      index,
      reason: known ? error.message : '系统故障，注入未能执行',
      code: known ? error.code : null,
      now: this.clock.now(),
    } as const;
    try {
      await this.executor.execute(drillAggregate, drillId, command, { ...context, expectedRevision: revision });
      return true;
    } catch (failure) {
      if (!(failure instanceof StaleRevisionError))
        this.warn(`drill ${drillId} inject ${index} failure record`, failure);
      return false;
    }
  }
}
