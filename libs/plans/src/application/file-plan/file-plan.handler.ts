import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';
import type { FilePlanRequest } from './file-plan.request';

/** 备案: records the filing authority and date of the version in force (a plan never published has nothing to file). */
@Injectable()
export class FilePlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(
    planId: string,
    request: FilePlanRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const filing = { authority: request.authority, filedAt: request.filedAt };
    const command = { type: 'FilePlan', filing, by: planAuthorOf(context), now: this.executor.now() } as const;
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
