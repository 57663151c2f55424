import { Query } from '@nestjs/common';
import type { PlanGovernanceListView } from '@app/plans/contract';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { PlanGovernanceHandler } from './plan-governance.handler';
import { PlanGovernanceRequest } from './plan-governance.request';

@QueryController('plans', { tag: 'plans' })
export class PlanGovernanceController {
  constructor(private readonly handler: PlanGovernanceHandler) {}

  @QueryGet('governance', {
    requires: 'plan.read',
    summary: '预案管理台账：评审、发布、备案期限、评估到期、演练频次（本人辖区）',
  })
  list(@Query() query: PlanGovernanceRequest, @CurrentActor() actor: Actor): Promise<PlanGovernanceListView> {
    return this.handler.handle(query, actor);
  }
}
