import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPatch, uuidParam } from '@app/shared/nest';
import type { ShelterCommandResponse } from '../shelter-answer';
import { UpdateShelterHandler } from './update-shelter.handler';
import { UpdateShelterRequest } from './update-shelter.request';

@CommandController('shelters', { tag: 'shelters', ifMatch: '客户端所见的避难场所版本号' })
export class UpdateShelterController {
  constructor(private readonly handler: UpdateShelterHandler) {}

  @CommandPatch(':id', {
    requires: 'shelter.register',
    status: 200,
    summary: '变更避难场所信息（管理员；容纳人数不能低于当前安置人数，辖区不可变更）',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateShelterRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<ShelterCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
