import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { DispatchTeamHandler } from './dispatch-team.handler';
import { DispatchTeamRequest } from './dispatch-team.request';

@ApiTags('teams')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的队伍版本号' })
@Controller('teams/:id')
export class DispatchTeamController {
  constructor(private readonly handler: DispatchTeamHandler) {}

  @Post('dispatch')
  @Requires('team.dispatch')
  @HttpCode(201)
  @ApiOperation({ summary: '调派队伍到事故' })
  dispatch(@Param('id', uuidParam) id: string, @Body() body: DispatchTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
