import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPut, CurrentActor, uuidParam } from '@app/shared/nest';
import { PlanContentRequest } from '../draft-plan/draft-plan.request';
import type { PlanCommandResponse } from '../plan-answer';
import { RevisePlanHandler } from './revise-plan.handler';

@CommandController('plans', { tag: 'plans' })
export class RevisePlanController {
  constructor(private readonly handler: RevisePlanHandler) {}

  @CommandPut(':id', {
    requires: 'plan.manage',
    status: 200,
    summary: '修订预案：生成新版本（草案），旧版本仍可查阅，现行版本继续有效直至新版本发布',
  })
  revise(
    @Param('id', uuidParam) id: string,
    @Body() body: PlanContentRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
