import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { HazardSourceEnterpriseUnknownError } from '../../domain/hazard-source/hazard-source.errors';
import { hazardSourceAggregate } from '../hazard-source.aggregate';
import { HazardSourceAnswer, type HazardSourceCommandResponse } from '../hazard-source-answer';
import { HazardSourceEnterprises } from '../hazard-source-enterprises';
import { substancesOf } from '../hazard-substances';
import type { RegisterHazardSourceRequest } from './register-hazard-source.request';

/**
 * 登记危险化学品单元: the unit belongs to a registered enterprise the actor can see and takes its jurisdiction (and,
 * unless given, its position); the identification and grade are decided with the declaration.
 */
@Injectable()
export class RegisterHazardSourceHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly enterprises: HazardSourceEnterprises,
    private readonly answer: HazardSourceAnswer,
  ) {}

  async handle(request: RegisterHazardSourceRequest, context: CommandContext): Promise<HazardSourceCommandResponse> {
    const enterprise = await this.enterprises.find(request.enterpriseId);
    // An enterprise outside the actor's jurisdictions is answered like an unknown one: its existence does not leak.
    const visible =
      enterprise && (!context.visibleJurisdictions || context.visibleJurisdictions.includes(enterprise.jurisdiction));
    if (!enterprise || !visible) throw new HazardSourceEnterpriseUnknownError(request.enterpriseId);
    const hazardSourceId = context.idempotencyKey
      ? idempotentAggregateId('hazardsource', context.actorId, context.idempotencyKey)
      : randomUUID();
    const location = request.location ?? enterprise.location;
    const executed = await this.executor.execute(
      hazardSourceAggregate,
      hazardSourceId,
      {
        type: 'RegisterHazardSource',
        hazardSourceId,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        jurisdiction: enterprise.jurisdiction,
        name: request.name,
        unitKind: request.unitKind,
        location: { lat: location.lat, lng: location.lng },
        exposedPopulation: request.exposedPopulation,
        substances: substancesOf(request.substances),
        now: this.executor.now(),
      },
      { ...context, jurisdiction: enterprise.jurisdiction },
    );
    return this.answer.of(executed);
  }
}
