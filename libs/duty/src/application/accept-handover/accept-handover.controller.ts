import { Param } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { HandoverView } from '../../read-models/duty.views';
import { AcceptHandoverHandler } from './accept-handover.handler';

@CommandController('duty/handovers', {
  tag: 'duty',
  ifMatch: '值班表（duty-<辖区>）的版本号：与交班或另一接班确认并发时，版本不符即 409',
})
export class AcceptHandoverController {
  constructor(private readonly handler: AcceptHandoverHandler) {}

  @CommandPost(':id/accept', {
    requires: 'duty.handover',
    status: 200,
    summary: '接班确认：只有接班班次点名的值班人员可以确认；确认前交班班次仍对值守负责',
  })
  accept(
    @Param('id', uuidParam) id: string,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<HandoverView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(id, context, actor);
  }
}
