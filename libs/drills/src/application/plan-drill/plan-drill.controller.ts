import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { PlanDrillHandler } from './plan-drill.handler';
import { PlanDrillRequest } from './plan-drill.request';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills')
export class PlanDrillController {
  constructor(private readonly handler: PlanDrillHandler) {}

  @Post()
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '策划演练：形式、范围、检验的预案（固定现行版本）、参演单位、情景脚本（或引用情景库）' })
  plan(@Body() body: PlanDrillRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<DrillCommandResponse> {
    return this.handler.handle(body, context, actor);
  }
}
