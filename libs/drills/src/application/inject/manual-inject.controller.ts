import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { ManualInjectHandler } from './manual-inject.handler';
import { ManualInjectRequest } from './manual-inject.request';

@ApiTags('drills')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('drills/:id')
export class ManualInjectController {
  constructor(private readonly handler: ManualInjectHandler) {}

  @Post('injects')
  @Requires('drill.run')
  @HttpCode(201)
  @ApiOperation({ summary: '无脚本演练：导调人员当即注入（接报、续报或情况通报）' })
  inject(@Param('id', uuidParam) id: string, @Body() body: ManualInjectRequest, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
