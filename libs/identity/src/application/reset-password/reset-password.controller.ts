import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { auditedActor } from '../user-account-change';
import { ResetPasswordHandler } from './reset-password.handler';
import { ResetPasswordRequest } from './reset-password.request';

@ApiTags('users')
@Controller('users')
export class ResetPasswordController {
  constructor(private readonly handler: ResetPasswordHandler) {}

  @Post(':id/password-reset')
  @Requires('user.manage')
  @HttpCode(204)
  @ApiOperation({ summary: '重置用户密码（其全部会话随即结束）' })
  async resetPassword(
    @Param('id', uuidParam) id: string,
    @Body() body: ResetPasswordRequest,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.handler.handle(id, body.newPassword, auditedActor(actor, request), actor.scope);
  }
}
