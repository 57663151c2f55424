import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { DraftPlanHandler } from './draft-plan.handler';
import { PlanContentRequest } from './draft-plan.request';

@CommandController('plans', { tag: 'plans' })
export class DraftPlanController {
  constructor(private readonly handler: DraftPlanHandler) {}

  @CommandPost(undefined, { requires: 'plan.manage', status: 201, summary: '编制应急预案（第 1 版，草案）' })
  draft(@Body() body: PlanContentRequest, @CommandCtx() context: CommandContext): Promise<PlanCommandResponse> {
    return this.handler.handle(body, context);
  }
}
