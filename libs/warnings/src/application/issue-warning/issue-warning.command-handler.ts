import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { GetIncidentQuery, type IncidentView } from '@app/incidents';
import { DRILL_PARTICIPATION, drillActorOf, NO_DRILLS, OutsideJurisdictionError, type DrillParticipation } from '@app/shared';
import { WarningDrillMismatchError } from '../../domain/warning.errors';
import { WarningCommandRunner, type WarningCommandResponse } from '../shared/warning-command-runner';
import type { IssueWarningRequest } from './issue-warning.request';

export class IssueWarningCommand {
  constructor(readonly request: IssueWarningRequest, readonly context: CommandContext) {}
}

@CommandHandler(IssueWarningCommand)
export class IssueWarningCommandHandler implements ICommandHandler<IssueWarningCommand, WarningCommandResponse> {
  constructor(
    private readonly runner: WarningCommandRunner,
    private readonly queries: QueryBus,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
  ) {}

  async execute({ request, context }: IssueWarningCommand): Promise<WarningCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    // A drill warning is CAP status=Exercise and reaches the drill room only: it must name a running drill the actor
    // takes part in, covering the warning's jurisdiction.
    if (request.drillId !== undefined) {
      await this.drills.assertMayWrite({ drillId: request.drillId, jurisdiction: request.jurisdiction, actor: drillActorOf(context) });
    }
    if (request.incidentId) {
      // Only an incident the actor can see (404 otherwise), and drill data stays with drill data.
      const incident: IncidentView = await this.queries.execute(new GetIncidentQuery(request.incidentId, context.visibleJurisdictions ?? []));
      if ((incident.drillId ?? null) !== (request.drillId ?? null)) throw new WarningDrillMismatchError();
    }
    const warningId = context.idempotencyKey ? idempotentAggregateId('warning', context.actorId, context.idempotencyKey) : randomUUID();
    return this.runner.run(
      warningId,
      {
        type: 'IssueWarning',
        warningId,
        jurisdiction: request.jurisdiction,
        level: request.level,
        hazard: request.hazard,
        area: {
          description: request.area.description,
          polygon: request.area.polygon ? request.area.polygon.map((p) => ({ lat: p.lat, lng: p.lng })) : null,
        },
        message: request.message,
        ...(request.instruction !== undefined ? { instruction: request.instruction } : {}),
        effective: new Date(request.effective),
        expires: new Date(request.expires),
        channels: [...(request.channels ?? [])],
        ...(request.drillId ? { drillId: request.drillId } : {}),
        ...(request.incidentId ? { incidentId: request.incidentId } : {}),
        authority: this.runner.authorityOf(context),
        now: this.runner.now(),
      },
      { ...context, jurisdiction: request.jurisdiction, ...(request.drillId ? { drillId: request.drillId } : {}) },
    );
  }
}
