import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { TeamCommandRunner } from '../shared/team-command-runner';
import { UpdateTeamRequest } from './update-team.request';
import type { TeamCommandResponse } from '../shared/team-command-runner';
import { RegisterTeamCommand } from './register-team.command-handler';
import { RegisterTeamRequest } from './register-team.request';

@ApiTags('teams')
@Controller('teams')
export class RegisterTeamController {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: TeamCommandRunner,
  ) {}

  @Post()
  @Requires('team.register')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '登记救援队伍（管理员）' })
  register(@Body() body: RegisterTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.commands.execute(new RegisterTeamCommand(body, context));
  }

  @Patch(':id')
  @Requires('team.register')
  @HttpCode(200)
  @ApiOperation({ summary: '更新队伍信息：专长、人数、装备、驻地、联系人（管理员）' })
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateTeamRequest, @CommandCtx() context: CommandContext): Promise<TeamCommandResponse> {
    return this.runner.run(id, {
      type: 'UpdateTeamProfile',
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.specialties !== undefined ? { specialties: [...body.specialties] } : {}),
      ...(body.headcount !== undefined ? { headcount: body.headcount } : {}),
      ...(body.equipment !== undefined ? { equipment: [...body.equipment] } : {}),
      ...(body.base !== undefined ? { base: { address: body.base.address, lat: body.base.lat, lng: body.base.lng } } : {}),
      ...(body.contact !== undefined ? { contact: { name: body.contact.name, phone: body.contact.phone } } : {}),
      now: this.runner.now(),
    }, context);
  }
}
