import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { toPlanContent, type PlanContentRequest } from '../draft-plan/draft-plan.request';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';

/** 修订: a new draft version; the published one stays in force until the new one is published. */
@Injectable()
export class RevisePlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(
    planId: string,
    request: PlanContentRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const command = {
      type: 'RevisePlan',
      content: toPlanContent(request),
      by: planAuthorOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
