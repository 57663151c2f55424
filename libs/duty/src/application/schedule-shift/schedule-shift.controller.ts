import { Body } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { ShiftView } from '../../read-models/duty.views';
import { ScheduleShiftHandler } from './schedule-shift.handler';
import { ScheduleShiftRequest } from './schedule-shift.request';

/** No shift is read alone: the schedule of its jurisdiction over exactly its hours lists it. */
const shiftInSchedule = (shift: Readonly<Record<string, unknown>>): string => {
  const { jurisdiction, startsAt, endsAt } = shift as { jurisdiction: string; startsAt: string; endsAt: string };
  return `/duty/shifts?${new URLSearchParams({ jurisdiction, from: startsAt, to: endsAt }).toString()}`;
};

@CommandController('duty', { tag: 'duty' })
export class ScheduleShiftController {
  constructor(private readonly handler: ScheduleShiftHandler) {}

  @CommandPost('shifts', {
    requires: 'duty.schedule',
    status: 201,
    location: shiftInSchedule,
    summary: '排定值班班次（带班领导、值班员、起止时间；同一辖区班次不得重叠）',
  })
  schedule(
    @Body() body: ScheduleShiftRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<ShiftView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context);
  }
}
