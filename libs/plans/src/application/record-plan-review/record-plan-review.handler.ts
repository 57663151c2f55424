import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { RecordPlanReview } from '../../domain/plan/plan.commands';
import { PlanRegisterQueries } from '../../read-models/plan-register/plan-register.queries';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';
import type { RecordPlanReviewRequest } from './record-plan-review.request';

/** 评审/论证: the record publication needs, on the newest version (dates in the plan's jurisdiction's calendar). */
@Injectable()
export class RecordPlanReviewHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly register: PlanRegisterQueries,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(
    planId: string,
    request: RecordPlanReviewRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const command: RecordPlanReview = {
      type: 'RecordPlanReview',
      review: {
        kind: request.kind,
        reviewedOn: request.reviewedOn,
        experts: [...request.experts],
        organisation: request.organisation ?? null,
        conclusion: request.conclusion,
        document: request.document,
      },
      timeZone: await this.register.timeZoneOf(planId),
      by: planAuthorOf(context),
      now: this.executor.now(),
    };
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
