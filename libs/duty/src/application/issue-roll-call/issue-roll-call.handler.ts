import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  commandAnswer,
  CommandExecutor,
  idempotentAggregateId,
  type CommandAnswer,
  type CommandContext,
} from '@app/event-sourcing';
import { OutsideJurisdictionError, type Actor } from '@app/shared';
import { ROLL_CALL_DEFAULT_MINUTES } from '../../domain/duty.types';
import { DutyQueries } from '../../read-models/duty.queries';
import type { RollCallView } from '../../read-models/duty.views';
import { dutyActorOf } from '../duty-actor';
import { rollCallAggregate } from '../roll-call.aggregate';
import type { IssueRollCallRequest } from './issue-roll-call.request';

/** 点名 from the caller's own jurisdiction to watches below it; each target's consoles get `rollcall.issued`. */
@Injectable()
export class IssueRollCallHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly duty: DutyQueries,
  ) {}

  async handle(
    body: IssueRollCallRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<RollCallView & Omit<CommandAnswer, 'id'>> {
    const outside = body.jurisdictions.find((code) => !actor.scope.includes(code));
    if (outside) throw new OutsideJurisdictionError(outside);
    const rollCallId = context.idempotencyKey
      ? idempotentAggregateId('rollcall', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      rollCallAggregate,
      rollCallId,
      {
        type: 'IssueRollCall',
        rollCallId,
        jurisdiction: actor.jurisdiction,
        targets: [...body.jurisdictions],
        message: body.message ?? '',
        ackWithinMinutes: body.ackWithinMinutes ?? ROLL_CALL_DEFAULT_MINUTES,
        by: dutyActorOf(context),
        now: this.executor.now(),
      },
      { ...context, jurisdiction: actor.jurisdiction },
    );
    const { id: _id, ...written } = commandAnswer(executed);
    return { ...(await this.duty.rollCall(rollCallId)), ...written };
  }
}
