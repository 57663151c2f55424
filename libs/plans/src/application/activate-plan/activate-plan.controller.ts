import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { IncidentCommandResponse } from '@app/incidents';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import { ActivatePlanHandler } from './activate-plan.handler';
import { ActivatePlanRequest } from './activate-plan.request';

/** 启动预案 for an incident. Lives in plans: it needs both plans and incidents, and incidents know nothing of plans. */
@CommandController('incidents/:id', { tag: 'plans' })
export class ActivatePlanController {
  constructor(private readonly handler: ActivatePlanHandler) {}

  @CommandPost('plan-activations', {
    requires: 'plan.activate',
    status: 201,
    summary: '启动应急预案（指挥长）：锁定现行版本，按响应级别生成处置任务清单',
  })
  activate(
    @Param('id', uuidParam) id: string,
    @Body() body: ActivatePlanRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
