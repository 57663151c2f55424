import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { RecordPlanEvaluationHandler } from './record-plan-evaluation.handler';
import { RecordPlanEvaluationRequest } from './record-plan-evaluation.request';

@CommandController('plans/:id', { tag: 'plans' })
export class RecordPlanEvaluationController {
  constructor(private readonly handler: RecordPlanEvaluationHandler) {}

  @CommandPost('evaluations', {
    requires: 'plan.manage',
    status: 201,
    summary: '登记预案评估（至少每 3 年一次；演练或事故发现问题后应评估）',
  })
  evaluate(
    @Param('id', uuidParam) id: string,
    @Body() body: RecordPlanEvaluationRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
