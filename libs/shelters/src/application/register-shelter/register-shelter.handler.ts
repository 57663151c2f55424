import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { shelterAggregate } from '../shelter.aggregate';
import { ShelterAnswer, type ShelterCommandResponse } from '../shelter-answer';
import type { RegisterShelterRequest } from './register-shelter.request';

/** 避难场所登记 inside the actor's jurisdictions; a retried request names the same shelter. */
@Injectable()
export class RegisterShelterHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: ShelterAnswer,
  ) {}

  async handle(request: RegisterShelterRequest, context: CommandContext): Promise<ShelterCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const shelterId = context.idempotencyKey
      ? idempotentAggregateId('shelter', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      shelterAggregate,
      shelterId,
      {
        type: 'RegisterShelter',
        shelterId,
        name: request.name,
        kind: request.kind,
        capacity: request.capacity,
        location: { lat: request.location.lat, lng: request.location.lng },
        facilities: [...request.facilities],
        address: request.address,
        jurisdiction: request.jurisdiction,
        now: this.executor.now(),
      },
      { ...context, jurisdiction: request.jurisdiction },
    );
    return this.answer.of(executed);
  }
}
