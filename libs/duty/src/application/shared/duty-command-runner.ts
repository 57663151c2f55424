import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { handleCommand, type CommandContext, type CommandResult } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, type Clock } from '@app/shared';
import type { DutyWatchCommand } from '../../domain/duty-watch.commands';
import { dutyWatchDecider } from '../../domain/duty-watch.decider';
import type { DutyWatchEvent } from '../../domain/duty-watch.events';
import type { DutyWatchState } from '../../domain/duty-watch.state';
import type { RollCallCommand } from '../../domain/roll-call.commands';
import { rollCallDecider } from '../../domain/roll-call.decider';
import type { RollCallEvent } from '../../domain/roll-call.events';
import type { RollCallState } from '../../domain/roll-call.state';
import { dutyWatchStream, rollCallStream, type DutyActor } from '../../domain/duty.types';

export interface Written {
  revision: number;
  position: string | null;
  replayed: boolean;
}

/** map → load → decide → append (with retry on a concurrent write), then waits for the read model: read-your-writes. */
@Injectable()
export class DutyCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  actorOf(context: CommandContext): DutyActor {
    return { userId: context.actorId, name: context.actorName ?? context.actorId };
  }

  async watch(jurisdiction: string, command: DutyWatchCommand, context: CommandContext): Promise<CommandResult<DutyWatchState, DutyWatchEvent>> {
    const result = await handleCommand({ store: this.store, clock: this.clock }, dutyWatchDecider, dutyWatchStream(jurisdiction), command, { ...context, jurisdiction });
    if (result.position) await this.projections.waitFor('duty-watch', result.position);
    return result;
  }

  async rollCall(rollCallId: string, command: RollCallCommand, context: CommandContext): Promise<CommandResult<RollCallState, RollCallEvent>> {
    const result = await handleCommand({ store: this.store, clock: this.clock }, rollCallDecider, rollCallStream(rollCallId), command, context);
    if (result.position) await this.projections.waitFor('roll-calls', result.position);
    return result;
  }

  static written(result: CommandResult<unknown, unknown>): Written {
    return { revision: Number(result.revision ?? -1), position: result.position ? formatPosition(result.position) : null, replayed: result.replayed };
  }
}
