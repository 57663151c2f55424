import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '@app/event-sourcing';
import { CLOCK, type Clock } from '@app/shared';
import { TickJob } from '@app/shared/nest';
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
export class RollCallScheduler extends TickJob<{ rollCallId: string; jurisdiction: string }> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly duty: DutyQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROLL_CALL_OPTIONS) options: RollCallOptions,
  ) {
    super('RollCalls', 'roll-call', options.tickMs);
  }

  /** One pass; collects the roll-call ids and targets it recorded as missed. */
  protected async run(recorded: { rollCallId: string; jurisdiction: string }[]): Promise<void> {
    const now = this.clock.now();
    const due = await this.duty.overdueRollCalls(now);
    for (const row of due) {
      const correlationId = randomUUID();
      const context = {
        correlationId,
        causationId: correlationId,
        actorId: SYSTEM_ACTOR,
        actorName: '点名督查',
        jurisdiction: row.jurisdiction,
      };
      try {
        const command = { type: 'RecordMissedRollCalls' as const, now };
        const result = await this.executor.execute(rollCallAggregate, row.id, command, context);
        for (const event of result.events) {
          if (event.type !== 'RollCallMissed') continue;
          recorded.push({ rollCallId: row.id, jurisdiction: event.data.jurisdiction });
        }
      } catch (error) {
        // Another process recorded it, or the store is briefly away: the next tick derives it again.
        this.warn(`roll call ${row.id}`, error);
      }
    }
  }
}
