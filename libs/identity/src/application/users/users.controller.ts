import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { CreateUserRequest, ResetPasswordRequest, UpdateUserRequest } from './create-user.request';
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

  @Patch(':id')
  @Requires('user.manage')
  @ApiOperation({ summary: '修改用户角色、辖区或姓名（角色或辖区变更即结束其全部会话）' })
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateUserRequest, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<UserView> {
    return this.users.update(id, body, audited(actor, request), actor.scope);
  }

  @Post(':id/enable')
  @Requires('user.manage')
  @HttpCode(200)
  @ApiOperation({ summary: '重新启用用户' })
  enable(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<UserView> {
    return this.users.enable(id, audited(actor, request), actor.scope);
  }

  @Post(':id/password-reset')
  @Requires('user.manage')
  @HttpCode(204)
  @ApiOperation({ summary: '重置用户密码（其全部会话随即结束）' })
  async resetPassword(@Param('id', uuidParam) id: string, @Body() body: ResetPasswordRequest, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<void> {
    await this.users.resetPassword(id, body.newPassword, audited(actor, request), actor.scope);
  }
}

function audited(actor: Actor, request: FastifyRequest): AuditedActor {
  return { actorId: actor.userId, actorName: actor.username, actorRoles: actor.roles, correlationId: String(request.id) };
}
