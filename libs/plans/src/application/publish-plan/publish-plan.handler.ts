import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';

/** 发布: the newest version comes into force and supersedes the one before; publishing it again changes nothing. */
@Injectable()
export class PublishPlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(planId: string, context: CommandContext, actor: Actor): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const command = { type: 'PublishPlan', by: planAuthorOf(context), now: this.executor.now() } as const;
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
