import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import {
  DRILL_PARTICIPATION,
  drillActorOf,
  NO_DRILLS,
  OutsideJurisdictionError,
  type DrillParticipation,
} from '@app/shared';
import { WarningDrillMismatchError } from '../../domain/warning/warning.errors';
import { warningAggregate } from '../warning.aggregate';
import { WarningAnswer, type WarningCommandResponse } from '../warning-answer';
import { warningAuthorityOf } from '../warning-authority';
import type { IssueWarningRequest } from './issue-warning.request';

/** 发布预警: inside the actor's jurisdictions; a retried request (same Idempotency-Key) names the same warning. */
@Injectable()
export class IssueWarningHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly answer: WarningAnswer,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
  ) {}

  async handle(request: IssueWarningRequest, context: CommandContext): Promise<WarningCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    // A drill warning is CAP status=Exercise and reaches the drill room only: it must name a running drill the actor
    // takes part in, covering the warning's jurisdiction.
    if (request.drillId !== undefined && !context.keyApplied) {
      await this.drills.assertMayWrite({
        drillId: request.drillId,
        jurisdiction: request.jurisdiction,
        actor: drillActorOf(context),
      });
    }
    if (request.incidentId) {
      // Only an incident the actor can see (404 otherwise), and drill data stays with drill data.
      const incident = await this.incidents.find(request.incidentId, context.visibleJurisdictions);
      if ((incident.drillId ?? null) !== (request.drillId ?? null)) throw new WarningDrillMismatchError();
    }
    const warningId = context.idempotencyKey
      ? idempotentAggregateId('warning', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      warningAggregate,
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
        authority: warningAuthorityOf(context),
        now: this.executor.now(),
      },
      { ...context, jurisdiction: request.jurisdiction, ...(request.drillId ? { drillId: request.drillId } : {}) },
    );
    return this.answer.of(executed);
  }
}
