import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPatch, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { UpdateTeamHandler } from './update-team.handler';
import { UpdateTeamRequest } from './update-team.request';

@CommandController('teams', { tag: 'teams', ifMatch: '客户端所见的队伍版本号' })
export class UpdateTeamController {
  constructor(private readonly handler: UpdateTeamHandler) {}

  @CommandPatch(':id', {
    requires: 'team.register',
    status: 200,
    summary: '更新队伍信息：专长、人数、装备、驻地、联系人（管理员）',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateTeamRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<TeamCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
