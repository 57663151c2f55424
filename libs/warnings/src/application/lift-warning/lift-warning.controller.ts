import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { WarningCommandResponse } from '../warning-answer';
import { LiftWarningHandler } from './lift-warning.handler';
import { LiftWarningRequest } from './lift-warning.request';

@ApiTags('warnings')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warnings/:id')
export class LiftWarningController {
  constructor(private readonly handler: LiftWarningHandler) {}

  @Post('lift')
  @Requires('warning.issue_drill')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的预警版本号' })
  @ApiOperation({ summary: '解除预警（CAP Cancel）；已解除的预警不能再调整' })
  lift(
    @Param('id', uuidParam) id: string,
    @Body() body: LiftWarningRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarningCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
