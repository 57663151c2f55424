import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId } from '@app/event-sourcing';
import { DRILL_PARTICIPATION, drillActorOf, NO_DRILLS, OutsideJurisdictionError, type DrillParticipation } from '@app/shared';
import type { IncidentCategory } from '../../domain/incident.types';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';
import { ReportIncidentCommand } from './report-incident.command';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentCommandHandler implements ICommandHandler<ReportIncidentCommand, IncidentCommandResponse> {
  constructor(
    private readonly runner: IncidentCommandRunner,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
  ) {}

  async execute({ request, context }: ReportIncidentCommand): Promise<IncidentCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    // A drill flag takes an incident off the real board, statistics and alarms: only a running drill the reporter
    // takes part in, covering the incident's jurisdiction, may be named (else 瞒报 would take one field).
    if (request.drillId !== undefined) {
      await this.drills.assertMayWrite({ drillId: request.drillId, jurisdiction: request.jurisdiction, actor: drillActorOf(context) });
    }
    // A retried keyed request must land on the same incident, so its id derives from the key.
    const incidentId = context.idempotencyKey
      ? idempotentAggregateId('incident', context.actorId, context.idempotencyKey)
      : randomUUID();
    return this.runner.run(
      incidentId,
      {
        type: 'ReportIncident',
        incidentId,
        title: request.title,
        category: request.category as IncidentCategory,
        occurredAt: new Date(request.occurredAt),
        location: { ...request.location },
        jurisdiction: request.jurisdiction,
        enterprise: request.enterprise,
        reporter: { ...request.reporter },
        casualties: { ...request.casualties },
        directLossYuan: request.directLossYuan,
        description: request.description,
        drillId: request.drillId,
        takenBy: context.actorName ?? context.actorId,
        now: this.runner.now(),
        policy: this.runner.policyFor(request.jurisdiction),
      },
      { ...context, jurisdiction: request.jurisdiction, ...(request.drillId ? { drillId: request.drillId } : {}) },
    );
  }
}
