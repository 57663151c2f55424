import { Body, Controller, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CommandPatch, CurrentActor, uuidParam } from '@app/shared/nest';
import { auditedActor, type UserView } from '../user-account-change';
import { UpdateUserHandler } from './update-user.handler';
import { UpdateUserRequest } from './update-user.request';

@ApiTags('users')
@Controller('users')
export class UpdateUserController {
  constructor(private readonly handler: UpdateUserHandler) {}

  @CommandPatch(':id', {
    requires: 'user.manage',
    status: 200,
    summary: '修改用户角色、辖区或姓名（角色或辖区变更即结束其全部会话）',
  })
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateUserRequest,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return this.handler.handle(id, body, auditedActor(actor, request), actor.scope);
  }
}
