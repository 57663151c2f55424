import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { ReportTeamStatusHandler } from './report-team-status.handler';
import { ReportTeamStatusRequest } from './report-team-status.request';

@ApiTags('teams')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的队伍版本号' })
@Controller('teams/:id')
export class ReportTeamStatusController {
  constructor(private readonly handler: ReportTeamStatusHandler) {}

  @Post('status')
  @Requires('team.status')
  @HttpCode(200)
  @ApiOperation({ summary: '报告队伍状态（途中、到达、返回、待命、暂停执勤），可带位置' })
  status(@Param('id', uuidParam) id: string, @Body() body: ReportTeamStatusRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
