import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { HazardSourceCommandResponse } from '../hazard-source-answer';
import { RetireHazardSourceHandler } from './retire-hazard-source.handler';
import { RetireHazardSourceRequest } from './retire-hazard-source.request';

@CommandController('hazard-sources/:id', { tag: 'hazard-sources', ifMatch: '客户端所见的危险化学品单元版本号' })
export class RetireHazardSourceController {
  constructor(private readonly handler: RetireHazardSourceHandler) {}

  @CommandPost('retire', { requires: 'hazard_source.register', status: 200, summary: '核销危险化学品单元（管理员）' })
  retire(
    @Param('id', uuidParam) id: string,
    @Body() body: RetireHazardSourceRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<HazardSourceCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
