import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import type { IncidentCategory } from '../../domain/incident.types';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';
import { ReportIncidentCommand } from './report-incident.command';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentCommandHandler implements ICommandHandler<ReportIncidentCommand, IncidentCommandResponse> {
  constructor(private readonly runner: IncidentCommandRunner) {}

  async execute({ request, context }: ReportIncidentCommand): Promise<IncidentCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
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
