import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { TeamCommandResponse } from '../shared/team-command-runner';
import { RegisterTeamCommand } from './register-team.command-handler';
import { RegisterTeamRequest } from './register-team.request';

@ApiTags('teams')
@Controller('teams')
export class RegisterTeamController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Requires('team.register')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '登记救援队伍（管理员）' })
  register(@Body() body: RegisterTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.commands.execute(new RegisterTeamCommand(body, context));
  }
}
