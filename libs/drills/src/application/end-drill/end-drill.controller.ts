import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { EndDrillHandler } from './end-drill.handler';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id')
export class EndDrillController {
  constructor(private readonly handler: EndDrillHandler) {}

  @Post('end')
  @Requires('drill.run')
  @HttpCode(200)
  @ApiOperation({ summary: '结束演练：其后不再执行任何注入' })
  end(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.handler.handle(id, context);
  }
}
