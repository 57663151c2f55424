import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { ShiftView } from '../../read-models/duty.views';
import { ScheduleShiftHandler } from './schedule-shift.handler';
import { ScheduleShiftRequest } from './schedule-shift.request';

@ApiTags('duty')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('duty')
export class ScheduleShiftController {
  constructor(private readonly handler: ScheduleShiftHandler) {}

  @Post('shifts')
  @Requires('duty.schedule')
  @HttpCode(201)
  @ApiOperation({ summary: '排定值班班次（带班领导、值班员、起止时间；同一辖区班次不得重叠）' })
  schedule(@Body() body: ScheduleShiftRequest, @CommandCtx() context: CommandContext): Promise<ShiftView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context);
  }
}
