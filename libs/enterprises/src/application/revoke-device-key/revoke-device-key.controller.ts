import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { DeviceKeyNotFoundError } from '../../domain/enterprise/enterprise.errors';
import { RevokeDeviceKeyHandler } from './revoke-device-key.handler';

const KEY_ID = /^dk_[0-9a-f]{16}$/;

@ApiTags('enterprises')
@Controller('enterprises/:id/device-keys')
export class RevokeDeviceKeyController {
  constructor(private readonly handler: RevokeDeviceKeyHandler) {}

  @Delete(':keyId')
  @Requires('enterprise.device_keys')
  @HttpCode(204)
  @ApiOperation({ summary: '吊销设备密钥（数秒内在所有实例上失效）' })
  async revoke(
    @Param('id', uuidParam) id: string,
    @Param('keyId') keyId: string,
    @CommandCtx() context: CommandContext,
  ): Promise<void> {
    if (!KEY_ID.test(keyId)) throw new DeviceKeyNotFoundError();
    await this.handler.handle(id, keyId, context);
  }
}
