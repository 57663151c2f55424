import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { auditedActor, type UserView } from '../user-account-change';
import { CreateUserHandler } from './create-user.handler';
import { CreateUserRequest } from './create-user.request';

@ApiTags('users')
@Controller('users')
export class CreateUserController {
  constructor(private readonly handler: CreateUserHandler) {}

  @Post()
  @Requires('user.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '新建用户（管理员，本辖区及下级辖区）' })
  create(@Body() body: CreateUserRequest, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<UserView> {
    return this.handler.handle(body, auditedActor(actor, request), actor.scope);
  }
}
