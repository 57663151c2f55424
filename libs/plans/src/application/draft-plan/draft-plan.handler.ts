import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { toPlanContent, type PlanContentRequest } from './draft-plan.request';

/** 编制预案: version 1, a draft, inside the actor's jurisdictions; a retried request (same key) names the same plan. */
@Injectable()
export class DraftPlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(request: PlanContentRequest, context: CommandContext): Promise<PlanCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const planId = context.idempotencyKey
      ? idempotentAggregateId('plan', context.actorId, context.idempotencyKey)
      : randomUUID();
    const command = {
      type: 'DraftPlan',
      planId,
      content: toPlanContent(request),
      by: planAuthorOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(planAggregate, planId, command, { ...context, jurisdiction: request.jurisdiction }),
    );
  }
}
