import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPatch, uuidParam } from '@app/shared/nest';
import type { HazardSourceCommandResponse } from '../hazard-source-answer';
import { ReviseHazardSourceHandler } from './revise-hazard-source.handler';
import { ReviseHazardSourceRequest } from './revise-hazard-source.request';

@CommandController('hazard-sources', { tag: 'hazard-sources', ifMatch: '客户端所见的危险化学品单元版本号' })
export class ReviseHazardSourceController {
  constructor(private readonly handler: ReviseHazardSourceHandler) {}

  @CommandPatch(':id', {
    requires: 'hazard_source.register',
    status: 200,
    summary: '变更危险化学品单元：名称、厂外暴露人员、物质及数量；重新辨识与分级（管理员）',
  })
  revise(
    @Param('id', uuidParam) id: string,
    @Body() body: ReviseHazardSourceRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<HazardSourceCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
