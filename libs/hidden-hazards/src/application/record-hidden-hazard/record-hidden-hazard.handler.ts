import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { EnterpriseRegister, HazardSourceRegister } from '@app/enterprises';
import type { Actor } from '@app/shared';
import {
  HiddenHazardEnterpriseUnknownError,
  HiddenHazardSourceUnknownError,
} from '../../domain/hidden-hazard/hidden-hazard.errors';
import { hiddenHazardAggregate } from '../hidden-hazard.aggregate';
import { HiddenHazardActors } from '../hidden-hazard-actors';
import { HiddenHazardAnswer, type HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import type { RecordHiddenHazardRequest } from './record-hidden-hazard.request';

/**
 * 登记隐患: the hazard belongs to a registered enterprise the actor can see and takes its jurisdiction; a named major
 * hazard source must be one of that enterprise's units still in the register.
 */
@Injectable()
export class RecordHiddenHazardHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly enterprises: EnterpriseRegister,
    private readonly hazardSources: HazardSourceRegister,
    private readonly actors: HiddenHazardActors,
    private readonly answer: HiddenHazardAnswer,
  ) {}

  async handle(
    request: RecordHiddenHazardRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    const enterprise = await this.enterprises.find(request.enterpriseId);
    // An enterprise outside the actor's jurisdictions is answered like an unknown one: its existence does not leak.
    if (!enterprise || !actor.scope.includes(enterprise.jurisdiction))
      throw new HiddenHazardEnterpriseUnknownError(request.enterpriseId);
    let hazardSource: { id: string; name: string } | null = null;
    if (request.hazardSourceId) {
      const unit = await this.hazardSources.find(request.hazardSourceId);
      if (!unit || unit.enterpriseId !== enterprise.id || unit.retiredAt !== null)
        throw new HiddenHazardSourceUnknownError(request.hazardSourceId);
      hazardSource = { id: unit.id, name: unit.name };
    }
    const hiddenHazardId = context.idempotencyKey
      ? idempotentAggregateId('hiddenhazard', context.actorId, context.idempotencyKey)
      : randomUUID();
    const who = await this.actors.of(actor);
    const r = request.rectification;
    const executed = await this.executor.execute(
      hiddenHazardAggregate,
      hiddenHazardId,
      {
        type: 'RecordHiddenHazard',
        hiddenHazardId,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        jurisdiction: enterprise.jurisdiction,
        hazardSourceId: hazardSource?.id ?? null,
        hazardSourceName: hazardSource?.name ?? null,
        title: request.title,
        description: request.description,
        grade: request.grade,
        standard: request.standard ?? null,
        source: request.source,
        foundAt: new Date(request.foundAt),
        foundBy: request.foundBy ?? who.name,
        rectification: {
          measures: r.measures,
          deadline: new Date(r.deadline),
          responsible: { name: r.responsible.name, phone: r.responsible.phone ?? null },
        },
        actor: who,
        now: this.executor.now(),
      },
      { ...context, jurisdiction: enterprise.jurisdiction },
    );
    return this.answer.of(executed);
  }
}
