import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { PlanCommandResponse } from '../plan-answer';
import { RecordPlanReviewHandler } from './record-plan-review.handler';
import { RecordPlanReviewRequest } from './record-plan-review.request';

@CommandController('plans/:id', { tag: 'plans' })
export class RecordPlanReviewController {
  constructor(private readonly handler: RecordPlanReviewHandler) {}

  @CommandPost('reviews', {
    requires: 'plan.manage',
    status: 201,
    summary: '登记预案评审/论证记录（发布前必须）：日期、专家、结论、纪要文号',
  })
  review(
    @Param('id', uuidParam) id: string,
    @Body() body: RecordPlanReviewRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<PlanCommandResponse> {
    return this.handler.handle(id, body, context, actor);
  }
}
