import { Body, Controller, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CommandPost, CurrentActor } from '@app/shared/nest';
import { auditedActor, type UserView } from '../user-account-change';
import { CreateUserHandler } from './create-user.handler';
import { CreateUserRequest } from './create-user.request';

@ApiTags('users')
@Controller('users')
export class CreateUserController {
  constructor(private readonly handler: CreateUserHandler) {}

  @CommandPost(undefined, {
    requires: 'user.manage',
    status: 201,
    location: () => '/users',
    summary: '新建用户（管理员，本辖区及下级辖区）',
  })
  create(
    @Body() body: CreateUserRequest,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<UserView> {
    return this.handler.handle(body, auditedActor(actor, request), actor.scope);
  }
}
