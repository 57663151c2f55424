import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { WarningCommandResponse } from '../warning-answer';
import { LiftWarningHandler } from './lift-warning.handler';
import { LiftWarningRequest } from './lift-warning.request';

@CommandController('warnings/:id', { tag: 'warnings', ifMatch: '客户端所见的预警版本号' })
export class LiftWarningController {
  constructor(private readonly handler: LiftWarningHandler) {}

  @CommandPost('lift', {
    requires: 'warning.issue_drill',
    status: 200,
    summary: '解除预警（CAP Cancel）；已解除的预警不能再调整',
  })
  lift(
    @Param('id', uuidParam) id: string,
    @Body() body: LiftWarningRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarningCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
