import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { PlanDrillHandler } from './plan-drill.handler';
import { PlanDrillRequest } from './plan-drill.request';

@CommandController('drills', { tag: 'drills' })
export class PlanDrillController {
  constructor(private readonly handler: PlanDrillHandler) {}

  @CommandPost(undefined, {
    requires: 'drill.run',
    status: 201,
    summary: '策划演练：形式、范围、检验的预案（固定现行版本）、参演单位、情景脚本（或引用情景库）',
  })
  plan(
    @Body() body: PlanDrillRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<DrillCommandResponse> {
    return this.handler.handle(body, context, actor);
  }
}
