import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { StartDrillHandler } from './start-drill.handler';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id')
export class StartDrillController {
  constructor(private readonly handler: StartDrillHandler) {}

  @Post('start')
  @Requires('drill.run')
  @HttpCode(200)
  @ApiOperation({ summary: '开始演练：脚本注入按开始后的时间自动执行' })
  start(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.handler.handle(id, context);
  }
}
