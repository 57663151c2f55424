import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { ShelterCommandResponse } from '../shelter-answer';
import { RegisterShelterHandler } from './register-shelter.handler';
import { RegisterShelterRequest } from './register-shelter.request';

@CommandController('shelters', { tag: 'shelters' })
export class RegisterShelterController {
  constructor(private readonly handler: RegisterShelterHandler) {}

  @CommandPost(undefined, {
    requires: 'shelter.register',
    status: 201,
    summary: '避难场所登记：名称、类型、可容纳人数、位置、配套设施、地址、辖区（管理员）',
  })
  register(
    @Body() body: RegisterShelterRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<ShelterCommandResponse> {
    return this.handler.handle(body, context);
  }
}
