import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { DispatchTeamHandler } from './dispatch-team.handler';
import { DispatchTeamRequest } from './dispatch-team.request';

@CommandController('teams/:id', { tag: 'teams', ifMatch: '客户端所见的队伍版本号' })
export class DispatchTeamController {
  constructor(private readonly handler: DispatchTeamHandler) {}

  @CommandPost('dispatch', { requires: 'team.dispatch', status: 201, summary: '调派队伍到事故' })
  dispatch(
    @Param('id', uuidParam) id: string,
    @Body() body: DispatchTeamRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<TeamCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
