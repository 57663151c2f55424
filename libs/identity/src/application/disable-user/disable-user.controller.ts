import { Controller, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import { auditedActor, type UserView } from '../user-account-change';
import { DisableUserHandler } from './disable-user.handler';

@ApiTags('users')
@Controller('users')
export class DisableUserController {
  constructor(private readonly handler: DisableUserHandler) {}

  @CommandPost(':id/disable', { requires: 'user.manage', status: 200, summary: '停用用户（立即失效）' })
  disable(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return this.handler.handle(id, auditedActor(actor, request), actor.scope);
  }
}
