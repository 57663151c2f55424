import { Body, Param } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { RollCallView } from '../../read-models/duty.views';
import { AcknowledgeRollCallHandler } from './acknowledge-roll-call.handler';
import { AcknowledgeRollCallRequest } from './acknowledge-roll-call.request';

@CommandController('duty/roll-calls', { tag: 'duty' })
export class AcknowledgeRollCallController {
  constructor(private readonly handler: AcknowledgeRollCallHandler) {}

  @CommandPost(':id/acknowledge', { requires: 'duty.acknowledge', status: 200, summary: '点名应答（须在应答时限内）' })
  acknowledge(
    @Param('id', uuidParam) id: string,
    @Body() body: AcknowledgeRollCallRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<RollCallView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(id, body, context, actor);
  }
}
