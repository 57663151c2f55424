import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { handleCommand, load, type CommandContext } from '@app/event-sourcing';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { planDecider, planStream, readablePlanJurisdictions } from '@app/plans';
import { CLOCK, JURISDICTIONS, OutsideJurisdictionError, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import { actorNameOf, EvaluationWriter } from '../evaluation-writer';
import { DrillEvaluationReader, type DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import type { FindingRequest } from './record-finding.request';

/** A finding, and when it names a plan, the same finding on the plan: its next version records it as addressed. */
@Injectable()
export class RecordFindingHandler {
  constructor(
    private readonly writer: EvaluationWriter,
    private readonly reader: DrillEvaluationReader,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    // Transitional: the plans context does not declare its aggregate yet, so the plan's finding is decided here
    // through the kernel; it moves to CommandExecutor.execute(planAggregate, …) once plans exports one.
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(drillId: string, body: FindingRequest, context: CommandContext, actor: Actor): Promise<DrillEvaluation> {
    await this.reader.drill(drillId, actor);
    const findingId = randomUUID();
    const now = this.writer.now();
    if (body.planId) {
      await this.assertPlanWritable(body.planId, actor);
      const recorded = await handleCommand({ store: this.store, clock: this.clock }, planDecider, planStream(body.planId), {
        type: 'RecordPlanFinding', finding: { findingId, drillId, text: body.text }, by: actorNameOf(context), now,
      }, { ...context, idempotencyKey: undefined, visibleJurisdictions: actor.scope });
      // Read-your-writes: the plan page opened right after shows the finding (the plan register applies it).
      if (recorded.position) await this.projections.waitFor('plan-register', recorded.position);
    }
    const finding = { findingId, planId: body.planId ?? null, text: body.text };
    return this.writer.record(drillId, { type: 'RecordFinding', drillId, finding, by: actorNameOf(context), now }, context, actor);
  }

  /**
   * A finding is written onto the plan: a plan of the actor's jurisdictions or below. A county reads its city's plans
   * but does not write on them (403 OUTSIDE_JURISDICTION, as for any change to a higher level's plan); a plan it
   * cannot read is not found.
   */
  private async assertPlanWritable(planId: string, actor: Actor): Promise<void> {
    const { state } = await load(this.store, planDecider, planStream(planId));
    if (state.status === 'none' || actor.scope.includes(state.jurisdiction)) return;
    if (readablePlanJurisdictions(actor, this.jurisdictions).includes(state.jurisdiction)) throw new OutsideJurisdictionError(state.jurisdiction);
  }
}
