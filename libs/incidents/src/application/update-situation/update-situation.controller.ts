import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { UpdateSituationHandler } from './update-situation.handler';
import { UpdateSituationRequest } from './update-situation.request';

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的事故版本号；已变化时返回 409' })
@Controller('incidents/:id')
export class UpdateSituationController {
  constructor(private readonly handler: UpdateSituationHandler) {}

  @Post('updates')
  @Requires('incident.update')
  @HttpCode(200)
  @ApiOperation({ summary: '续报：更新伤亡、损失与措施，并重新定级' })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateSituationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
