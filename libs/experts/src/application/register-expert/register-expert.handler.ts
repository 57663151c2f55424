import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { expertAggregate } from '../expert.aggregate';
import { ExpertAnswer, type ExpertCommandResponse } from '../expert-answer';
import type { RegisterExpertRequest } from './register-expert.request';

/** 专家入库: into the library of one of the actor's jurisdictions; a retried request names the same expert. */
@Injectable()
export class RegisterExpertHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: ExpertAnswer,
  ) {}

  async handle(request: RegisterExpertRequest, context: CommandContext): Promise<ExpertCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const expertId = context.idempotencyKey
      ? idempotentAggregateId('expert', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      expertAggregate,
      expertId,
      {
        type: 'RegisterExpert',
        expertId,
        name: request.name,
        specialties: [...request.specialties],
        title: request.title,
        organization: request.organization,
        phone: request.phone,
        jurisdiction: request.jurisdiction,
        now: this.executor.now(),
      },
      { ...context, jurisdiction: request.jurisdiction },
    );
    return this.answer.expert(executed);
  }
}
