import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { RecordPlanEvaluation } from '../../domain/plan/plan.commands';
import { PlanRegisterQueries } from '../../read-models/plan-register/plan-register.queries';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';
import type { RecordPlanEvaluationRequest } from './record-plan-evaluation.request';

/** 评估 of the version in force: restarts its 3 years and answers the findings recorded before it. */
@Injectable()
export class RecordPlanEvaluationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly register: PlanRegisterQueries,
    private readonly answer: PlanAnswer,
  ) {}

  async handle(
    planId: string,
    request: RecordPlanEvaluationRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const command: RecordPlanEvaluation = {
      type: 'RecordPlanEvaluation',
      evaluation: {
        evaluatedOn: request.evaluatedOn,
        conclusion: request.conclusion,
        summary: request.summary,
        evaluators: [...request.evaluators],
        document: request.document ?? null,
      },
      timeZone: await this.register.timeZoneOf(planId),
      by: planAuthorOf(context),
      now: this.executor.now(),
    };
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
