import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { PublishPlanHandler } from './publish-plan.handler';

@ApiTags('plans')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans/:id')
export class PublishPlanController {
  constructor(private readonly handler: PublishPlanHandler) {}

  @Post('publish')
  @Requires('plan.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '发布预案最新版本（成为现行版本）' })
  publish(
    @Param('id', uuidParam) id: string,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, context, actor);
  }
}
