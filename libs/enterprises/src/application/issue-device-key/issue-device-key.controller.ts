import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { IssuedDeviceKey } from '../../contract';
import { IssueDeviceKeyHandler } from './issue-device-key.handler';
import { IssueDeviceKeyRequest } from './issue-device-key.request';

/**
 * Not a `CommandPost`: command routes keep their first answer with the Idempotency-Key for retries, and this answer
 * holds a secret that must not be stored anywhere.
 */
@ApiTags('enterprises')
@Controller('enterprises/:id/device-keys')
export class IssueDeviceKeyController {
  constructor(private readonly handler: IssueDeviceKeyHandler) {}

  @Post()
  @Requires('enterprise.device_keys')
  @HttpCode(201)
  @ApiOperation({ summary: '签发设备密钥（只在本次应答中显示一次；网关以 X-Device-Key 或 MQTT 密码使用）' })
  issue(
    @Param('id', uuidParam) id: string,
    @Body() body: IssueDeviceKeyRequest,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssuedDeviceKey> {
    // A key is never read again (its secret is shown once): the 201 names the enterprise's list of keys.
    void reply.header('location', `/api/v1/enterprises/${id}/device-keys`);
    return this.handler.handle(id, body.label, context);
  }
}
