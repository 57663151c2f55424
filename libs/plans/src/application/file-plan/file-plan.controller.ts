import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { FilePlanHandler } from './file-plan.handler';
import { FilePlanRequest } from './file-plan.request';

@ApiTags('plans')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans/:id')
export class FilePlanController {
  constructor(private readonly handler: FilePlanHandler) {}

  @Post('filings')
  @Requires('plan.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '预案备案：记录备案机关和备案日期' })
  file(
    @Param('id', uuidParam) id: string,
    @Body() body: FilePlanRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
