import { Controller, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import { auditedActor, type UserView } from '../user-account-change';
import { EnableUserHandler } from './enable-user.handler';

@ApiTags('users')
@Controller('users')
export class EnableUserController {
  constructor(private readonly handler: EnableUserHandler) {}

  @CommandPost(':id/enable', { requires: 'user.manage', status: 200, summary: '重新启用用户' })
  enable(
    @Param('id', uuidParam) id: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return this.handler.handle(id, auditedActor(actor, request), actor.scope);
  }
}
