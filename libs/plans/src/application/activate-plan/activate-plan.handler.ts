import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import {
  ActivatePlanHandler as PinPlanOnIncident,
  IncidentLookup,
  type IncidentCategory,
  type IncidentCommandResponse,
} from '@app/incidents';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { notApplicableBecause } from '../../domain/plan/plan-suggestions';
import { PlanNotApplicableError } from '../../domain/plan/plan.errors';
import { PlanRegisterQueries } from '../../read-models/plan-register/plan-register.queries';
import type { ActivatePlanRequest } from './activate-plan.request';

/**
 * 启动预案: pins the version in force and puts its tasks for the incident's response level on the checklist. The plan
 * must be published (or filed), issued for the incident's jurisdiction or one above, and written for its category.
 * The command is the incident's (it changes the incident), run by the incidents context's own handler; the plan is
 * only read here.
 */
@Injectable()
export class ActivatePlanHandler {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly pinPlan: PinPlanOnIncident,
    private readonly plans: PlanRegisterQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(
    incidentId: string,
    request: ActivatePlanRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<IncidentCommandResponse> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    const plan = await this.plans.inForce(request.planId, actor);
    const facts = {
      category: incident.category as IncidentCategory,
      jurisdictionLineage: this.jurisdictions.lineage(incident.jurisdiction),
    };
    const refusal = notApplicableBecause(plan.content, facts);
    if (refusal) throw new PlanNotApplicableError(refusal);
    const { title, groups, requirements } = plan.content;
    const input = {
      plan: { planId: plan.planId, version: plan.version, title, groups, requirements },
      ...(request.level !== undefined ? { level: request.level } : {}),
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
    };
    return this.pinPlan.handle(incidentId, input, context);
  }
}
