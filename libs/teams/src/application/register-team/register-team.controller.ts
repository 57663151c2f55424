import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { RegisterTeamHandler } from './register-team.handler';
import { RegisterTeamRequest } from './register-team.request';

@CommandController('teams', { tag: 'teams' })
export class RegisterTeamController {
  constructor(private readonly handler: RegisterTeamHandler) {}

  @CommandPost(undefined, { requires: 'team.register', status: 201, summary: '登记救援队伍（管理员）' })
  register(@Body() body: RegisterTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.handler.handle(body, context);
  }
}
