import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { ChangePasswordHandler } from './change-password.handler';
import { ChangePasswordRequest } from './change-password.request';

@ApiTags('auth')
@Controller('auth')
export class ChangePasswordController {
  constructor(private readonly handler: ChangePasswordHandler) {}

  @Post('password')
  @Requires('account.password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改本人密码（其他会话随即结束，本会话保留）' })
  async changePassword(
    @Body() body: ChangePasswordRequest,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.handler.handle(body, actor, request);
  }
}
