import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { IssuedDeviceKey } from '../../contract';
import { newDeviceKey } from '../../read-models/enterprise-register/device-keys';
import { enterpriseAggregate } from '../enterprise.aggregate';

/**
 * 签发设备密钥. The key is made here, shown in this one answer and never stored: the event keeps the SHA-256 of its
 * secret. An `Idempotency-Key` is deliberately not used: a retry could not show the first key again (nothing holds
 * it), so every request issues a fresh key, and a key whose answer was lost is simply revoked.
 */
@Injectable()
export class IssueDeviceKeyHandler {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(enterpriseId: string, label: string | undefined, context: CommandContext): Promise<IssuedDeviceKey> {
    const { idempotencyKey: _key, requestHash: _hash, ...unkeyed } = context;
    const fresh = newDeviceKey();
    await this.executor.execute(
      enterpriseAggregate,
      enterpriseId,
      {
        type: 'IssueDeviceKey',
        keyId: fresh.keyId,
        label: label?.trim() ?? '',
        secretHash: fresh.secretHash,
        issuedBy: context.actorName ?? context.actorId,
        now: this.executor.now(),
      },
      unkeyed,
    );
    return { keyId: fresh.keyId, key: fresh.key };
  }
}
