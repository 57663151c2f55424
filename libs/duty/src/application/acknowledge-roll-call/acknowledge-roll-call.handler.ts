import { Injectable } from '@nestjs/common';
import { commandAnswer, CommandExecutor, type CommandAnswer, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError, type Actor } from '@app/shared';
import { RollCallAnsweredByIssuerError } from '../../domain/duty.errors';
import { DutyQueries } from '../../read-models/duty.queries';
import type { RollCallView } from '../../read-models/duty.views';
import { dutyActorOf } from '../duty-actor';
import { rollCallAggregate } from '../roll-call.aggregate';
import type { AcknowledgeRollCallRequest } from './acknowledge-roll-call.request';

/**
 * 应答: by the called watch (the caller's own jurisdiction unless another one in its scope is named). The calling
 * level may not answer for the watch it checks; after the deadline the roll call is closed (409 ROLL_CALL_CLOSED).
 */
@Injectable()
export class AcknowledgeRollCallHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly duty: DutyQueries,
  ) {}

  async handle(
    id: string,
    body: AcknowledgeRollCallRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<RollCallView & Omit<CommandAnswer, 'id'>> {
    const parties = await this.duty.rollCallParties(id, actor.scope);
    const target = body.jurisdiction ?? actor.jurisdiction;
    if (!actor.scope.includes(target)) throw new OutsideJurisdictionError(target);
    if (actor.scope.includes(parties.jurisdiction)) throw new RollCallAnsweredByIssuerError();
    const command = {
      type: 'AcknowledgeRollCall',
      jurisdiction: target,
      by: dutyActorOf(context),
      now: this.executor.now(),
    } as const;
    const executed = await this.executor.execute(rollCallAggregate, id, command, { ...context, jurisdiction: target });
    const { id: _id, ...written } = commandAnswer(executed);
    return { ...(await this.duty.rollCall(id, (code) => actor.scope.includes(code))), ...written };
  }
}
