import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { ReportTeamStatusHandler } from './report-team-status.handler';
import { ReportTeamStatusRequest } from './report-team-status.request';

@CommandController('teams/:id', { tag: 'teams', ifMatch: '客户端所见的队伍版本号' })
export class ReportTeamStatusController {
  constructor(private readonly handler: ReportTeamStatusHandler) {}

  @CommandPost('status', {
    requires: 'team.status',
    status: 200,
    summary: '报告队伍状态（途中、到达、返回、待命、暂停执勤），可带位置',
  })
  status(
    @Param('id', uuidParam) id: string,
    @Body() body: ReportTeamStatusRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<TeamCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
