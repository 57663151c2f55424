import { Body } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { HandoverView } from '../../read-models/duty.views';
import { HandOverShiftHandler } from './hand-over-shift.handler';
import { HandOverRequest } from './hand-over-shift.request';

@CommandController('duty', {
  tag: 'duty',
  ifMatch: '值班表（duty-<辖区>）的版本号：与接班确认或另一交班并发时，版本不符即 409',
})
export class HandOverShiftController {
  constructor(private readonly handler: HandOverShiftHandler) {}

  @CommandPost('handovers', {
    requires: 'duty.handover',
    status: 201,
    location: (handover) => `/duty/handovers?jurisdiction=${String(handover['jurisdiction'])}`,
    summary: '交接班：记录交班班次、接班班次、交班记录，并自动附上未结事故和待报时限',
  })
  handOver(
    @Body() body: HandOverRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<HandoverView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context);
  }
}
