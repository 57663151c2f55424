import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { CloseIncidentCommand, CloseIncidentRequest } from '../close-incident/close-incident.command-handler';
import type { IncidentCommandResponse } from '../shared/incident-command-runner';
import { UpdateSituationCommand } from './update-situation.command-handler';
import { UpdateSituationRequest } from './update-situation.request';


@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的事故版本号；已变化时返回 409' })
@Controller('incidents/:id')
export class IncidentMutationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('updates')
  @Requires('incident.update')
  @HttpCode(200)
  @ApiOperation({ summary: '续报：更新伤亡、损失与措施，并重新定级' })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateSituationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.commands.execute(new UpdateSituationCommand(id, body, context));
  }

  @Post('close')
  @Requires('incident.close')
  @HttpCode(200)
  @ApiOperation({ summary: '结案（终报）' })
  close(@Param('id', uuidParam) id: string, @Body() body: CloseIncidentRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.commands.execute(new CloseIncidentCommand(id, body, context));
  }
}
