import { Body } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { ShiftView } from '../../read-models/duty.views';
import { ScheduleShiftHandler } from './schedule-shift.handler';
import { ScheduleShiftRequest } from './schedule-shift.request';

@CommandController('duty', { tag: 'duty' })
export class ScheduleShiftController {
  constructor(private readonly handler: ScheduleShiftHandler) {}

  @CommandPost('shifts', {
    requires: 'duty.schedule',
    status: 201,
    summary: '排定值班班次（带班领导、值班员、起止时间；同一辖区班次不得重叠）',
  })
  schedule(
    @Body() body: ScheduleShiftRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<ShiftView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context);
  }
}
