import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { enterpriseAggregate } from '../enterprise.aggregate';
import { EnterpriseAnswer, type EnterpriseCommandResponse } from '../enterprise-answer';
import type { UpdateEnterpriseRequest } from './update-enterprise.request';

/**
 * Only the fields the request names are proposed; the decider keeps what really changes. With `If-Match` the change
 * is made only on the revision the client saw (409 STALE_REVISION otherwise); outside the actor's jurisdictions the
 * enterprise is not found.
 */
@Injectable()
export class UpdateEnterpriseHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: EnterpriseAnswer,
  ) {}

  async handle(
    enterpriseId: string,
    body: UpdateEnterpriseRequest,
    context: CommandContext,
  ): Promise<EnterpriseCommandResponse> {
    const principal = body.contacts?.principal ?? body.contact;
    const safety = body.contacts?.safety;
    const executed = await this.executor.execute(
      enterpriseAggregate,
      enterpriseId,
      {
        type: 'UpdateEnterprise',
        changes: {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.industry !== undefined ? { industry: body.industry } : {}),
          ...(body.address !== undefined ? { address: body.address } : {}),
          ...(body.location !== undefined ? { location: { lat: body.location.lat, lng: body.location.lng } } : {}),
          ...(principal !== undefined ? { principal: { name: principal.name, phone: principal.phone } } : {}),
          ...(safety !== undefined
            ? { safety: safety === null ? null : { name: safety.name, phone: safety.phone } }
            : {}),
        },
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.of(executed);
  }
}
