import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { DeviceKeys } from '../../read-models/enterprise-register/device-keys';
import { enterpriseAggregate } from '../enterprise.aggregate';

/** 吊销设备密钥: refused at once on this instance, within the cache's few seconds on the others. */
@Injectable()
export class RevokeDeviceKeyHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly deviceKeys: DeviceKeys,
  ) {}

  async handle(enterpriseId: string, keyId: string, context: CommandContext): Promise<void> {
    await this.executor.execute(
      enterpriseAggregate,
      enterpriseId,
      { type: 'RevokeDeviceKey', keyId, revokedBy: context.actorName ?? context.actorId, now: this.executor.now() },
      context,
    );
    this.deviceKeys.forget(keyId);
  }
}
