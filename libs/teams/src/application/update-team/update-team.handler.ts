import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { teamAggregate } from '../team.aggregate';
import { TeamAnswer, type TeamCommandResponse } from '../team-answer';
import type { UpdateTeamRequest } from './update-team.request';

/** Only the fields the request names change; an empty change appends nothing. */
@Injectable()
export class UpdateTeamHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: TeamAnswer,
  ) {}

  async handle(teamId: string, body: UpdateTeamRequest, context: CommandContext): Promise<TeamCommandResponse> {
    const executed = await this.executor.execute(
      teamAggregate,
      teamId,
      {
        type: 'UpdateTeamProfile',
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.specialties !== undefined ? { specialties: [...body.specialties] } : {}),
        ...(body.headcount !== undefined ? { headcount: body.headcount } : {}),
        ...(body.equipment !== undefined ? { equipment: [...body.equipment] } : {}),
        ...(body.base !== undefined
          ? { base: { address: body.base.address, lat: body.base.lat, lng: body.base.lng } }
          : {}),
        ...(body.contact !== undefined ? { contact: { name: body.contact.name, phone: body.contact.phone } } : {}),
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.of(executed);
  }
}
