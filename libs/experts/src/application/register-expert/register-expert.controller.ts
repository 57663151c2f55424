import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { ExpertCommandResponse } from '../expert-answer';
import { RegisterExpertHandler } from './register-expert.handler';
import { RegisterExpertRequest } from './register-expert.request';

@CommandController('experts', { tag: 'experts' })
export class RegisterExpertController {
  constructor(private readonly handler: RegisterExpertHandler) {}

  @CommandPost(undefined, {
    requires: 'expert.register',
    status: 201,
    summary: '专家入库：姓名、专业领域、职称、工作单位、联系电话、管理辖区（管理员）',
  })
  register(@Body() body: RegisterExpertRequest, @CommandCtx() context: CommandContext): Promise<ExpertCommandResponse> {
    return this.handler.handle(body, context);
  }
}
