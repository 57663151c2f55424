import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/shared';
import { DutyQueries } from '../../read-models/duty.queries';
import { rollCallAggregate } from '../roll-call.aggregate';

export const ROLL_CALL_OPTIONS = Symbol('ROLL_CALL_OPTIONS');
export interface RollCallOptions {
  tickMs: number;
}

const SYSTEM_ACTOR = 'system:roll-call';

/**
 * Records `RollCallMissed` for every called watch that did not answer in time. Derived on every tick from the stored
 * roll calls and the clock (no timer per roll call), so a restart loses nothing; each append goes through the roll
 * call's expected revision, and the decision is re-run on a conflict, so two processes (or a last-second answer)
 * never record a miss twice or over an answer.
 */
@Injectable()
export class RollCallScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RollCalls');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly duty: DutyQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROLL_CALL_OPTIONS) private readonly options: RollCallOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One pass; returns the roll-call ids and targets it recorded as missed. */
  async tick(): Promise<{ rollCallId: string; jurisdiction: string }[]> {
    if (this.running) return [];
    this.running = true;
    const recorded: { rollCallId: string; jurisdiction: string }[] = [];
    try {
      const now = this.clock.now();
      const due = await this.duty.overdueRollCalls(now);
      for (const row of due) {
        const correlationId = randomUUID();
        try {
          const result = await this.executor.execute(rollCallAggregate, row.id, { type: 'RecordMissedRollCalls', now }, {
            correlationId, causationId: correlationId, actorId: SYSTEM_ACTOR, actorName: '点名督查', jurisdiction: row.jurisdiction,
          });
          for (const event of result.events) if (event.type === 'RollCallMissed') recorded.push({ rollCallId: row.id, jurisdiction: event.data.jurisdiction });
        } catch (error) {
          // Another process recorded it, or the store is briefly away: the next tick derives it again.
          this.logger.warn(`roll call ${row.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } catch (error) {
      this.logger.warn(`roll-call tick failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
    return recorded;
  }
}
