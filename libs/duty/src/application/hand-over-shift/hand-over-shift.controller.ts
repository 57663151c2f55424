import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { HandoverView } from '../../read-models/duty.views';
import { HandOverShiftHandler } from './hand-over-shift.handler';
import { HandOverRequest } from './hand-over-shift.request';

@ApiTags('duty')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('duty')
export class HandOverShiftController {
  constructor(private readonly handler: HandOverShiftHandler) {}

  @Post('handovers')
  @Requires('duty.handover')
  @HttpCode(201)
  @ApiOperation({ summary: '交接班：记录交班班次、接班班次、交班记录，并自动附上未结事故和待报时限' })
  handOver(@Body() body: HandOverRequest, @CommandCtx() context: CommandContext): Promise<HandoverView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context);
  }
}
