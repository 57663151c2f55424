import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { TeamCommandResponse } from '../team-answer';
import { RegisterTeamHandler } from './register-team.handler';
import { RegisterTeamRequest } from './register-team.request';

@ApiTags('teams')
@Controller('teams')
export class RegisterTeamController {
  constructor(private readonly handler: RegisterTeamHandler) {}

  @Post()
  @Requires('team.register')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '登记救援队伍（管理员）' })
  register(@Body() body: RegisterTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.handler.handle(body, context);
  }
}
