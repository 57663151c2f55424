import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { CloseIncidentHandler } from './close-incident.handler';
import { CloseIncidentRequest } from './close-incident.request';

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的事故版本号；已变化时返回 409' })
@Controller('incidents/:id')
export class CloseIncidentController {
  constructor(private readonly handler: CloseIncidentHandler) {}

  @Post('close')
  @Requires('incident.close')
  @HttpCode(200)
  @ApiOperation({ summary: '结案（终报）' })
  close(@Param('id', uuidParam) id: string, @Body() body: CloseIncidentRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
