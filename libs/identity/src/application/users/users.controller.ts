import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { CreateUserRequest } from './create-user.request';
import { UserAdminService, type AuditedActor, type UserView } from './user-admin.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserAdminService) {}

  @Post()
  @Requires('user.manage')
  @HttpCode(201)
  @ApiOperation({ summary: '新建用户（管理员，本辖区及下级辖区）' })
  async create(@Body() body: CreateUserRequest, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<{ id: string } & UserView> {
    return this.users.create(body, audited(actor, request), actor.scope);
  }

  @Get()
  @Requires('user.manage')
  @ApiOperation({ summary: '用户列表' })
  list(@CurrentActor() actor: Actor): Promise<UserView[]> {
    return this.users.list(actor.scope);
  }

  @Post(':id/disable')
  @Requires('user.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '停用用户（立即失效）' })
  disable(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<UserView> {
    return this.users.disable(id, audited(actor, request), actor.scope);
  }
}

function audited(actor: Actor, request: FastifyRequest): AuditedActor {
  return { actorId: actor.userId, actorName: actor.username, actorRoles: actor.roles, correlationId: String(request.id) };
}
