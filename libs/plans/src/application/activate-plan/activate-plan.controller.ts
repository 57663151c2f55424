import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { IncidentCommandResponse } from '@app/incidents';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { ActivatePlanHandler } from './activate-plan.handler';
import { ActivatePlanRequest } from './activate-plan.request';

/** 启动预案 for an incident. Lives in plans: it needs both plans and incidents, and incidents know nothing of plans. */
@ApiTags('plans')
@Controller('incidents/:id')
export class ActivatePlanController {
  constructor(private readonly handler: ActivatePlanHandler) {}

  @Post('plan-activations')
  @Requires('plan.activate')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '启动应急预案（指挥长）：锁定现行版本，按响应级别生成处置任务清单' })
  activate(
    @Param('id', uuidParam) id: string,
    @Body() body: ActivatePlanRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
