import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { WarningCommandResponse } from '../warning-answer';
import { UpdateWarningHandler } from './update-warning.handler';
import { UpdateWarningRequest } from './update-warning.request';

@ApiTags('warnings')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warnings/:id')
export class UpdateWarningController {
  constructor(private readonly handler: UpdateWarningHandler) {}

  @Post('updates')
  @Requires('warning.issue_drill')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: '客户端所见的预警版本号' })
  @ApiOperation({ summary: '调整预警：级别、区域、内容、失效时间（CAP Update）' })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateWarningRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarningCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
