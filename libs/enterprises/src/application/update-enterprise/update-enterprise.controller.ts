import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPatch, uuidParam } from '@app/shared/nest';
import type { EnterpriseCommandResponse } from '../enterprise-answer';
import { UpdateEnterpriseHandler } from './update-enterprise.handler';
import { UpdateEnterpriseRequest } from './update-enterprise.request';

@CommandController('enterprises', { tag: 'enterprises', ifMatch: '客户端所见的企业版本号' })
export class UpdateEnterpriseController {
  constructor(private readonly handler: UpdateEnterpriseHandler) {}

  @CommandPatch(':id', {
    requires: 'enterprise.register',
    status: 200,
    summary: '变更企业信息：名称、行业、地址与位置、负责人（管理员；统一社会信用代码与辖区不可变更）',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateEnterpriseRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<EnterpriseCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
