import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { DrillTeamResponse } from './drill-team-answer';
import { DrillTeamRequest } from './drill-team.request';
import { TakeTeamIntoDrillHandler } from './take-team-into-drill.handler';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id/teams')
export class TakeTeamIntoDrillController {
  constructor(private readonly handler: TakeTeamIntoDrillHandler) {}

  @Post()
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '实战演练抽调真实队伍参演：队伍状态变为「参加演练」，不可调派，演练结束或召回后恢复待命' })
  join(@Param('id', uuidParam) id: string, @Body() body: DrillTeamRequest, @CommandCtx() context: CommandContext): Promise<DrillTeamResponse> {
    return this.handler.handle(id, body, context);
  }
}
