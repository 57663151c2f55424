import { Body, Controller, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { UpdateTeamHandler } from './update-team.handler';
import { UpdateTeamRequest } from './update-team.request';

@ApiTags('teams')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的队伍版本号' })
@Controller('teams')
export class UpdateTeamController {
  constructor(private readonly handler: UpdateTeamHandler) {}

  @Patch(':id')
  @Requires('team.register')
  @HttpCode(200)
  @ApiOperation({ summary: '更新队伍信息：专长、人数、装备、驻地、联系人（管理员）' })
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
