import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { DraftPlanHandler } from './draft-plan.handler';
import { PlanContentRequest } from './draft-plan.request';

@ApiTags('plans')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans')
export class DraftPlanController {
  constructor(private readonly handler: DraftPlanHandler) {}

  @Post()
  @Requires('plan.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '编制应急预案（第 1 版，草案）' })
  draft(@Body() body: PlanContentRequest, @CommandCtx() context: CommandContext): Promise<PlanCommandResponse> {
    return this.handler.handle(body, context);
  }
}
