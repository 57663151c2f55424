import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { FilePlanHandler } from './file-plan.handler';
import { FilePlanRequest } from './file-plan.request';

@CommandController('plans/:id', { tag: 'plans' })
export class FilePlanController {
  constructor(private readonly handler: FilePlanHandler) {}

  @CommandPost('filings', { requires: 'plan.manage', status: 201, summary: '预案备案：记录备案机关和备案日期' })
  file(
    @Param('id', uuidParam) id: string,
    @Body() body: FilePlanRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
