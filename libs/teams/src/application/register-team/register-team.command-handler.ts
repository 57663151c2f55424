import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { TeamCommandRunner, type TeamCommandResponse } from '../shared/team-command-runner';
import type { RegisterTeamRequest } from './register-team.request';

export class RegisterTeamCommand {
  constructor(readonly request: RegisterTeamRequest, readonly context: CommandContext) {}
}

@CommandHandler(RegisterTeamCommand)
export class RegisterTeamCommandHandler implements ICommandHandler<RegisterTeamCommand, TeamCommandResponse> {
  constructor(private readonly runner: TeamCommandRunner) {}

  execute({ request, context }: RegisterTeamCommand): Promise<TeamCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const teamId = context.idempotencyKey ? idempotentAggregateId('team', context.actorId, context.idempotencyKey) : randomUUID();
    return this.runner.run(
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
        now: this.runner.now(),
      },
      { ...context, jurisdiction: request.jurisdiction },
    );
  }
}
