import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { WriteOffObligationHandler } from './write-off-obligation.handler';
import { WriteOffObligationRequest } from './write-off-obligation.request';

@CommandController('incidents/:id/obligations/:obligationId', { tag: 'incidents' })
export class WriteOffObligationController {
  constructor(private readonly handler: WriteOffObligationHandler) {}

  @CommandPost('write-off', {
    requires: 'incident.close',
    status: 200,
    summary: '核销不再需要履行的报告义务（如事故等级降低），须说明理由',
  })
  writeOff(
    @Param('id', uuidParam) id: string,
    @Param('obligationId') obligationId: string,
    @Body() body: WriteOffObligationRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, obligationId, body, context);
  }
}
