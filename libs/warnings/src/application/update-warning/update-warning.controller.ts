import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { WarningCommandResponse } from '../warning-answer';
import { UpdateWarningHandler } from './update-warning.handler';
import { UpdateWarningRequest } from './update-warning.request';

@CommandController('warnings/:id', { tag: 'warnings', ifMatch: '客户端所见的预警版本号' })
export class UpdateWarningController {
  constructor(private readonly handler: UpdateWarningHandler) {}

  @CommandPost('updates', {
    requires: 'warning.issue_drill',
    status: 200,
    summary: '调整预警：级别、区域、内容、失效时间（CAP Update）',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateWarningRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<WarningCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
