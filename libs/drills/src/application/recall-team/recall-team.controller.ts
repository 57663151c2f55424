import { Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { DrillTeamResponse } from '../take-team-into-drill/drill-team-answer';
import { RecallTeamHandler } from './recall-team.handler';

@CommandController('drills/:id/teams', { tag: 'drills' })
export class RecallTeamController {
  constructor(private readonly handler: RecallTeamHandler) {}

  @CommandPost(':teamId/recall', {
    requires: 'drill.act',
    status: 200,
    summary: '召回参演队伍（如应对真实突发事件）：队伍恢复待命',
  })
  recall(
    @Param('id', uuidParam) id: string,
    @Param('teamId', uuidParam) teamId: string,
    @CommandCtx() context: CommandContext,
  ): Promise<DrillTeamResponse> {
    return this.handler.handle(id, teamId, context);
  }
}
