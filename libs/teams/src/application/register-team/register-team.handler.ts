import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { teamAggregate } from '../team.aggregate';
import { TeamAnswer, type TeamCommandResponse } from '../team-answer';
import type { RegisterTeamRequest } from './register-team.request';

/** 登记救援队伍: only inside the actor's jurisdictions; a retried request (same Idempotency-Key) names the same team. */
@Injectable()
export class RegisterTeamHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: TeamAnswer,
  ) {}

  async handle(request: RegisterTeamRequest, context: CommandContext): Promise<TeamCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const teamId = context.idempotencyKey
      ? idempotentAggregateId('team', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      teamAggregate,
      teamId,
      {
        type: 'RegisterTeam',
        teamId,
        name: request.name,
        kind: request.kind,
        specialties: [...request.specialties],
        headcount: request.headcount,
        equipment: [...(request.equipment ?? [])],
        base: { address: request.base.address, lat: request.base.lat, lng: request.base.lng },
        jurisdiction: request.jurisdiction,
        contact: { name: request.contact.name, phone: request.contact.phone },
        now: this.executor.now(),
      },
      { ...context, jurisdiction: request.jurisdiction },
    );
    return this.answer.of(executed);
  }
}
