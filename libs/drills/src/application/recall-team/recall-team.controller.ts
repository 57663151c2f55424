import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { DrillTeamResponse } from '../take-team-into-drill/drill-team-answer';
import { RecallTeamHandler } from './recall-team.handler';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id/teams')
export class RecallTeamController {
  constructor(private readonly handler: RecallTeamHandler) {}

  @Post(':teamId/recall')
  @Requires('drill.act')
  @HttpCode(200)
  @ApiOperation({ summary: '召回参演队伍（如应对真实突发事件）：队伍恢复待命' })
  recall(@Param('id', uuidParam) id: string, @Param('teamId', uuidParam) teamId: string, @CommandCtx() context: CommandContext): Promise<DrillTeamResponse> {
    return this.handler.handle(id, teamId, context);
  }
}
