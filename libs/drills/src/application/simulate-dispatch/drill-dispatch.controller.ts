import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { IncidentCommandResponse } from '@app/incidents';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { DrillDispatchHandler } from './drill-dispatch.handler';
import { DrillDispatchRequest } from './drill-dispatch.request';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id')
export class DrillDispatchController {
  constructor(private readonly handler: DrillDispatchHandler) {}

  @Post('dispatches')
  @Requires('drill.act')
  @HttpCode(201)
  @ApiOperation({ summary: '演练调派（桌面推演）：只记入演练事故，不改变真实队伍状态' })
  dispatch(@Param('id', uuidParam) id: string, @Body() body: DrillDispatchRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
