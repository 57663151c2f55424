import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';
import type { RetirePlanRequest } from './retire-plan.request';

/** 废止: no version stays in force; everything after retirement is refused. */
@Injectable()
export class RetirePlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(
    planId: string,
    request: RetirePlanRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const command = {
      type: 'RetirePlan',
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
      by: planAuthorOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
