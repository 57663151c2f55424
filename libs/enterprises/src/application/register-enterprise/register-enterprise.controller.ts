import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { EnterpriseCommandResponse } from '../enterprise-answer';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';
import { RegisterEnterpriseRequest } from './register-enterprise.request';

@CommandController('enterprises', { tag: 'enterprises' })
export class RegisterEnterpriseController {
  constructor(private readonly handler: RegisterEnterpriseHandler) {}

  @CommandPost(undefined, {
    requires: 'enterprise.register',
    status: 201,
    summary: '企业登记：名称、统一社会信用代码、行业、辖区、地址与位置、主要负责人与安全负责人（管理员）',
  })
  register(
    @Body() body: RegisterEnterpriseRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<EnterpriseCommandResponse> {
    return this.handler.handle(body, context);
  }
}
