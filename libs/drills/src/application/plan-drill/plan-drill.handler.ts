import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { PlanRegisterQueries } from '@app/plans';
import {
  DomainError,
  JURISDICTIONS,
  OutsideJurisdictionError,
  type Actor,
  type JurisdictionRegistry,
} from '@app/shared';
import { DrillJurisdictionMismatchError } from '../../domain/drill/drill.errors';
import type { DrillForm, DrillScope, Scenario } from '../../domain/drill/drill.types';
import { ScenarioNotFoundError } from '../../domain/scenario/scenario.errors';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import { DrillAnswer, type DrillCommandResponse } from '../drill-answer';
import { drillAggregate } from '../drill.aggregate';
import { assertValidScript } from '../injects/inject.request';
import { actorNameOf, readableJurisdictions } from '../drill-access';
import type { PlanDrillRequest } from './plan-drill.request';

/**
 * 策划演练: in the coordinator's jurisdictions, with the plan under test pinned at its version in force and a script
 * (written here or copied from the scenario library) whose incidents fit the drill's jurisdiction.
 */
@Injectable()
export class PlanDrillHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly drills: DrillRegisterQueries,
    private readonly answer: DrillAnswer,
    private readonly plans: PlanRegisterQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(body: PlanDrillRequest, context: CommandContext, actor: Actor): Promise<DrillCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(body.jurisdiction))
      throw new OutsideJurisdictionError(body.jurisdiction);
    if (body.scenario && body.scenarioId)
      throw new DomainError('SCENARIO_TWICE', 'invalid', 'scenario 与 scenarioId 只能填写一项');
    const scenario = await this.scenarioOf(body, actor);
    for (const inject of scenario?.injects ?? []) {
      const where = inject.kind === 'report_incident' ? String(inject.payload.jurisdiction) : undefined;
      if (where && context.visibleJurisdictions && !context.visibleJurisdictions.includes(where))
        throw new OutsideJurisdictionError(where);
      // The scheduler reports these later as the system: they must already fit the drill (its jurisdiction or below).
      if (where && !this.jurisdictions.lineage(where).includes(body.jurisdiction))
        throw new DrillJurisdictionMismatchError(where, body.jurisdiction);
    }
    const pinned = body.planId ? await this.pinPlan(body.planId, actor) : null;
    const drillId = context.idempotencyKey
      ? idempotentAggregateId('drill', context.actorId, context.idempotencyKey)
      : randomUUID();
    const command = {
      type: 'PlanDrill',
      drillId,
      title: body.title,
      form: body.form as DrillForm,
      scope: body.scope as DrillScope,
      jurisdiction: body.jurisdiction,
      planId: pinned?.planId ?? null,
      planVersion: pinned?.version ?? null,
      participants: body.participants ?? [],
      scenario,
      plannedBy: actorNameOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(drillAggregate, drillId, command, {
        ...context,
        jurisdiction: body.jurisdiction,
        drillId,
      }),
    );
  }

  private async scenarioOf(body: PlanDrillRequest, actor: Actor): Promise<Scenario | null> {
    if (body.scenario) return { injects: await assertValidScript(body.scenario.injects, 'scenario.injects') };
    if (!body.scenarioId) return null;
    const injects = await this.drills.scenarioScript(body.scenarioId, readableJurisdictions(actor, this.jurisdictions));
    if (!injects) throw new ScenarioNotFoundError();
    return { injects };
  }

  /** The plan under test: its version in force, pinned now (422 when none is in force; 404 when not readable). */
  private async pinPlan(planId: string, actor: Actor): Promise<{ planId: string; version: number }> {
    const version = await this.plans.versionInForce(planId, actor);
    if (version === null)
      throw new DomainError('PLAN_NOT_IN_FORCE', 'rule', '该预案没有现行版本（未发布或已废止），不能用于演练', {
        planId,
      });
    return { planId, version };
  }
}
