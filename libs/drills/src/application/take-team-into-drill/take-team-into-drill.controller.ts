import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { DrillTeamResponse } from './drill-team-answer';
import { DrillTeamRequest } from './drill-team.request';
import { TakeTeamIntoDrillHandler } from './take-team-into-drill.handler';

@CommandController('drills/:id/teams', { tag: 'drills' })
export class TakeTeamIntoDrillController {
  constructor(private readonly handler: TakeTeamIntoDrillHandler) {}

  @CommandPost(undefined, {
    requires: 'drill.run',
    status: 201,
    summary: '实战演练抽调真实队伍参演：队伍状态变为「参加演练」，不可调派，演练结束或召回后恢复待命',
  })
  join(
    @Param('id', uuidParam) id: string,
    @Body() body: DrillTeamRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<DrillTeamResponse> {
    return this.handler.handle(id, body, context);
  }
}
