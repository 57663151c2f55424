import { Injectable } from '@nestjs/common';
import { commandAnswer, CommandExecutor, type CommandAnswer, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { DutyQueries } from '../../read-models/duty.queries';
import type { HandoverView } from '../../read-models/duty.views';
import { dutyWatchAggregate } from '../duty-watch.aggregate';
import { dutyActorOf } from '../duty-actor';

/**
 * 接班确认: the handover is found in the actor's scope (outside it: 404, so its existence does not leak), then the
 * watch's stream decides who may accept, so two accepts or an accept racing a new handover are decided in order.
 */
@Injectable()
export class AcceptHandoverHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly duty: DutyQueries,
  ) {}

  async handle(id: string, context: CommandContext, actor: Actor): Promise<HandoverView & Omit<CommandAnswer, 'id'>> {
    const jurisdiction = await this.duty.handoverJurisdiction(id, actor.scope);
    const executed = await this.executor.execute(
      dutyWatchAggregate,
      jurisdiction,
      { type: 'AcceptHandover', jurisdiction, handoverId: id, by: dutyActorOf(context), now: this.executor.now() },
      { ...context, jurisdiction },
    );
    const { id: _stream, ...written } = commandAnswer(executed);
    return { ...(await this.duty.handover(id)), ...written };
  }
}
