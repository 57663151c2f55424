import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { RetirePlanHandler } from './retire-plan.handler';
import { RetirePlanRequest } from './retire-plan.request';

@CommandController('plans/:id', { tag: 'plans' })
export class RetirePlanController {
  constructor(private readonly handler: RetirePlanHandler) {}

  @CommandPost('retire', { requires: 'plan.manage', status: 200, summary: '废止预案' })
  retire(
    @Param('id', uuidParam) id: string,
    @Body() body: RetirePlanRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
