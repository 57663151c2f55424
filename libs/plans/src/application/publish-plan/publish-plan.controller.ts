import { Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { PublishPlanHandler } from './publish-plan.handler';

@CommandController('plans/:id', { tag: 'plans' })
export class PublishPlanController {
  constructor(private readonly handler: PublishPlanHandler) {}

  @CommandPost('publish', { requires: 'plan.manage', status: 200, summary: '发布预案最新版本（成为现行版本）' })
  publish(
    @Param('id', uuidParam) id: string,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, context, actor);
  }
}
