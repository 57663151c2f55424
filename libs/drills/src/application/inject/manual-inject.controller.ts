import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { ManualInjectHandler } from './manual-inject.handler';
import { ManualInjectRequest } from './manual-inject.request';

@CommandController('drills/:id', { tag: 'drills' })
export class ManualInjectController {
  constructor(private readonly handler: ManualInjectHandler) {}

  @CommandPost('injects', {
    requires: 'drill.run',
    status: 201,
    summary: '无脚本演练：导调人员当即注入（接报、续报或情况通报）',
  })
  inject(
    @Param('id', uuidParam) id: string,
    @Body() body: ManualInjectRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<DrillCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
