import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { RetirePlanHandler } from './retire-plan.handler';
import { RetirePlanRequest } from './retire-plan.request';

@ApiTags('plans')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('plans/:id')
export class RetirePlanController {
  constructor(private readonly handler: RetirePlanHandler) {}

  @Post('retire')
  @Requires('plan.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '废止预案' })
  retire(
    @Param('id', uuidParam) id: string,
    @Body() body: RetirePlanRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
