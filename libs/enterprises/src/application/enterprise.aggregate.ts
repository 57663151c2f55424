import { defineAggregate } from '@app/event-sourcing';
import { creditCodeClaimDecider } from '../domain/credit-code-claim/credit-code-claim';
import { enterpriseDecider } from '../domain/enterprise/enterprise.decider';

/** A registered unit (企业): streams `enterprise-<id>`; a command's caller next reads the enterprise register. */
export const enterpriseAggregate = defineAggregate({
  category: 'enterprise',
  decider: enterpriseDecider,
  readModels: ['enterprise-register'],
  resource: 'enterprises',
});

/**
 * Who holds a 统一社会信用代码: streams `creditcode-<code>`. No read model waits on it (the register shows the code
 * from the enterprise's own stream); it exists so that the event store's expected revision decides a race.
 */
export const creditCodeClaimAggregate = defineAggregate({
  category: 'creditcode',
  decider: creditCodeClaimDecider,
  readModels: [],
});
