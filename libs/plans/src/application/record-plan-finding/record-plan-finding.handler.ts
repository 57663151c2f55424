import { Inject, Injectable } from '@nestjs/common';
import { commandAnswer, CommandExecutor, type CommandAnswer, type CommandContext } from '@app/event-sourcing';
import { JURISDICTIONS, OutsideJurisdictionError, type Actor, type JurisdictionRegistry } from '@app/shared';
import { isReadOnlyPlanFor } from '../../domain/plan/plan-readers';
import type { RecordPlanFinding } from '../../domain/plan/plan.commands';
import { planAggregate } from '../plan.aggregate';
import { planAuthorOf } from '../plan-author';

/**
 * A drill evaluation's finding (评估发现的问题) written onto a plan; its next version records it as addressed. Asked by
 * the evaluation of a drill, which lists this handler among its providers. A county reads its city's plans but does
 * not write on them (403 OUTSIDE_JURISDICTION, as for any change to a higher level's plan); a plan it cannot read is
 * not found. The executor waits for the plan register, so the plan page opened next shows the finding.
 */
@Injectable()
export class RecordPlanFindingHandler {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(
    planId: string,
    finding: RecordPlanFinding['finding'],
    context: CommandContext,
    actor: Actor,
  ): Promise<CommandAnswer> {
    const { state } = await this.executor.load(planAggregate, planId);
    if (state.status !== 'none' && isReadOnlyPlanFor(actor, state.jurisdiction, this.jurisdictions)) {
      throw new OutsideJurisdictionError(state.jurisdiction);
    }
    const command = {
      type: 'RecordPlanFinding',
      finding: { ...finding },
      by: planAuthorOf(context),
      now: this.executor.now(),
    } as const;
    // The caller's Idempotency-Key names its own write (the evaluation's finding); this one is a second step of it.
    const planContext = { ...context, idempotencyKey: undefined, visibleJurisdictions: actor.scope };
    return commandAnswer(await this.executor.execute(planAggregate, planId, command, planContext));
  }
}
