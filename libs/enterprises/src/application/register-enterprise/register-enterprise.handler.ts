import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError, StaleRevisionError } from '@app/shared';
import { checkCreditCode, normaliseCreditCode } from '../../domain/enterprise/credit-code';
import type { RegisterEnterprise } from '../../domain/enterprise/enterprise.commands';
import { enterpriseDecider } from '../../domain/enterprise/enterprise.decider';
import { EnterpriseFieldError, InvalidCreditCodeError } from '../../domain/enterprise/enterprise.errors';
import { creditCodeClaimAggregate, enterpriseAggregate } from '../enterprise.aggregate';
import { EnterpriseAnswer, type EnterpriseCommandResponse } from '../enterprise-answer';
import { contactsOf } from '../enterprise-contacts';
import type { RegisterEnterpriseRequest } from './register-enterprise.request';

/**
 * 企业登记: inside the actor's jurisdictions; the code is claimed first (its own stream decides between concurrent
 * registrations), then the enterprise is registered under the claiming id. A retried request (same Idempotency-Key)
 * names the same enterprise, so its claim is already its own.
 */
@Injectable()
export class RegisterEnterpriseHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: EnterpriseAnswer,
  ) {}

  async handle(request: RegisterEnterpriseRequest, context: CommandContext): Promise<EnterpriseCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const creditCode = normaliseCreditCode(request.creditCode);
    const checked = checkCreditCode(creditCode);
    if (!checked.valid) throw new InvalidCreditCodeError(checked.problem, checked.position);
    const contacts = contactsOf(request);
    if (!contacts) throw new EnterpriseFieldError('contact', '须填写主要负责人（contact 或 contacts.principal）');
    const enterpriseId = context.idempotencyKey
      ? idempotentAggregateId('enterprise', context.actorId, context.idempotencyKey)
      : randomUUID();
    const now = this.executor.now();
    const command: RegisterEnterprise = {
      type: 'RegisterEnterprise',
      enterpriseId,
      name: request.name,
      creditCode,
      industry: request.industry,
      jurisdiction: request.jurisdiction,
      address: request.address,
      location: { lat: request.location.lat, lng: request.location.lng },
      contacts,
      now,
    };
    // Decided once on a blank enterprise before the code is claimed: a registration the decider refuses (a blank
    // name, a bad position) must not leave a claim behind. The decider is pure, so this costs nothing.
    enterpriseDecider.decide(command, enterpriseDecider.initialState);
    // An If-Match names a revision of the enterprise: checked before the claim, for the same reason.
    if (context.expectedRevision !== undefined) {
      const { revision } = await this.executor.load(enterpriseAggregate, enterpriseId);
      if (revision !== context.expectedRevision) throw new StaleRevisionError(context.expectedRevision, revision);
    }
    const claim = await this.executor.load(creditCodeClaimAggregate, creditCode);
    const holder = claim.state.holder;
    const holderMissing =
      holder !== null &&
      holder !== enterpriseId &&
      (await this.executor.load(enterpriseAggregate, holder)).revision === undefined;
    // The claim stream has no jurisdiction and no revision the client saw: those belong to the enterprise.
    const { expectedRevision: _seen, ...claimContext } = context;
    await this.executor.execute(
      creditCodeClaimAggregate,
      creditCode,
      { type: 'ClaimCreditCode', creditCode, enterpriseId, holderMissing, now },
      { ...claimContext, jurisdiction: request.jurisdiction },
    );
    const executed = await this.executor.execute(enterpriseAggregate, enterpriseId, command, {
      ...context,
      jurisdiction: request.jurisdiction,
    });
    return this.answer.of(executed);
  }
}
