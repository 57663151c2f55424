import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { HazardSourceCommandResponse } from '../hazard-source-answer';
import { RegisterHazardSourceHandler } from './register-hazard-source.handler';
import { RegisterHazardSourceRequest } from './register-hazard-source.request';

@CommandController('hazard-sources', { tag: 'hazard-sources' })
export class RegisterHazardSourceController {
  constructor(private readonly handler: RegisterHazardSourceHandler) {}

  @CommandPost(undefined, {
    requires: 'hazard_source.register',
    status: 201,
    summary: '登记危险化学品单元，按 GB 18218-2018 辨识重大危险源并分级（管理员）',
  })
  register(
    @Body() body: RegisterHazardSourceRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<HazardSourceCommandResponse> {
    return this.handler.handle(body, context);
  }
}
